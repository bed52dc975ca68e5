import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The demo merchant site, on its own origin like a real shop. Its HTML
 * files name the backend and the demo link as `{{BACKEND_URL}}` and
 * `{{LINK_URL}}`, and the link's products as `{{PRODUCT_ID_EBOOK}}`,
 * `{{PRODUCT_ID_SUPPORT}}` and `{{PRODUCT_ID_PRO}}`, filled in here.
 */
export function createDemoSite(options: {
  backendUrl: string;
  linkUrl: string;
  productIds?: { ebook: string; support: string; pro: string };
  root?: string;
}) {
  const root = options.root ?? resolve('demo');
  const app = new Hono();
  app.get('*', (c) => {
    let path = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path;
    if (!extname(path)) path += '.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file)) return c.text('Not found', 404);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(
      file,
      type.startsWith('text/html') || type.startsWith('text/javascript') ? 'utf8' : undefined,
    );
    if (typeof body === 'string')
      body = body
        .replaceAll('{{BACKEND_URL}}', options.backendUrl)
        .replaceAll('{{LINK_URL}}', options.linkUrl)
        .replaceAll('{{PRODUCT_ID_EBOOK}}', options.productIds?.ebook ?? '')
        .replaceAll('{{PRODUCT_ID_SUPPORT}}', options.productIds?.support ?? '')
        .replaceAll('{{PRODUCT_ID_PRO}}', options.productIds?.pro ?? '');
    c.header('Content-Type', type);
    c.header('Cache-Control', 'no-cache');
    return c.body(body);
  });
  return app;
}
