import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { checkoutConfirm, checkoutUpdate } from '../../src/shared/schemas/index.ts';
import { confirmCheckout } from '../core/confirm.ts';
import type { CoreContext } from '../core/context.ts';
import { getCheckoutStatus, getPublicCheckout, updateCheckout } from '../core/customer-checkouts.ts';
import { parseWith, readJson } from './errors.ts';

/**
 * What the hosted page (or a custom checkout) does with a session's client
 * secret: read, edit, pay, and listen for status changes.
 */
export function clientCheckoutRoutes(ctx: CoreContext) {
  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'PATCH', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 86_400,
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/:secret', async (c) => c.json(await getPublicCheckout(ctx, c.req.param('secret'))));
  app.patch('/:secret', async (c) =>
    c.json(await updateCheckout(ctx, c.req.param('secret'), parseWith(checkoutUpdate, await readJson(c), 'body'))),
  );
  app.post('/:secret/confirm', async (c) =>
    c.json(await confirmCheckout(ctx, c.req.param('secret'), parseWith(checkoutConfirm, await readJson(c), 'body'))),
  );

  app.get('/:secret/stream', async (c) => {
    const secret = c.req.param('secret');
    let last = await getCheckoutStatus(ctx, secret); // 404 before the stream opens
    return streamSSE(c, async (stream) => {
      const send = async () => stream.writeSSE({ event: 'status', data: JSON.stringify(last) });
      await send();
      let aborted = false;
      stream.onAbort(() => {
        aborted = true;
      });
      while (!aborted && !ctx.events.closed && (last.status === 'open' || last.status === 'confirmed')) {
        // Woken by this process's events, or after 2 s to see other processes' changes.
        await ctx.events.next(last.id, 2_000);
        if (aborted) break;
        const next = await getCheckoutStatus(ctx, secret);
        if (next.status !== last.status) {
          last = next;
          await send();
        } else await stream.writeSSE({ event: 'ping', data: '' });
      }
    });
  });
  return app;
}
