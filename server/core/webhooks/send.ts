import http from 'node:http';
import https from 'node:https';
import { guardedLookup, refusedUrlHost } from './address-guard.ts';

export interface SendResult {
  /** The receiver's status code, or null when none came (refused, timeout, network). */
  status: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
}

/** Keep at most this much of a receiver's answer: it is read only to free the socket. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one webhook attempt. Never throws and never follows a redirect; the
 * timeout covers the whole exchange, so a receiver that hangs costs one
 * socket for `timeoutMs`, never the event loop.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean; signal?: AbortSignal },
): Promise<SendResult> {
  const started = performance.now();
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  // An IP literal never reaches `lookup`: judge it here.
  const refused = refusedUrlHost(url, options.allowPrivate);
  if (refused) return Promise.resolve({ status: null, ok: false, error: `refused: ${refused}`, durationMs: 0 });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ok = status !== null && status >= 200 && status < 300;
      resolve({ status, ok, error, durationMs: Math.round(performance.now() - started) });
    };
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        agent: false,
        signal: options.signal,
      },
      (res) => {
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > MAX_RESPONSE_BYTES) res.destroy();
        });
        const status = res.statusCode ?? null;
        const why =
          status !== null && status >= 300 && status < 400
            ? `redirect to ${res.headers.location ?? '?'} not followed`
            : null;
        res.on('end', () => finish(status, why ?? (status !== null && status >= 400 ? `HTTP ${status}` : null)));
        res.on('close', () => finish(status, why ?? (status !== null && status >= 400 ? `HTTP ${status}` : null)));
        res.on('error', () => finish(status, why));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(null, `no answer within ${options.timeoutMs} ms`);
    }, options.timeoutMs);
    req.on('error', (e: Error & { code?: string }) => finish(null, e.message || e.code || 'network error'));
    req.end(body);
  });
}
