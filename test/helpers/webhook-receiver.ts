import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this receiver answered. */
  answered: number;
}

/**
 * A merchant's webhook receiver on loopback: records every request and
 * answers what `respond` says (200 by default) for the n-th request (0-based).
 * A `respond` answering a promise holds the request open until it settles.
 * `arrived` counts requests as they come in; `received` records them as answered.
 */
export async function startReceiver(
  respond: (n: number, headers: IncomingHttpHeaders) => number | Promise<number> = () => 200,
) {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let arrived = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const answered = await respond(arrived++, req.headers);
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end('ok');
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    /** The `n`-th request (0-based); throws when it has not arrived. */
    at(n: number): ReceivedWebhook {
      const request = received[n];
      if (!request) throw new Error(`webhook request #${n} has not arrived (${received.length} so far)`);
      return request;
    },
    get arrived() {
      return arrived;
    },
    /** Resolves once at least `count` requests arrived. */
    waitFor(count: number): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
