import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../src/shared/schemas/common.ts';
import { MAX_BODY_BYTES } from '../app.ts';

/** Past this much of an oversize body the connection is cut rather than read to its end. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Answers 413 to a request whose `Content-Length` is over the limit, before
 * any of it is read. The body is then read and discarded to its end, so the
 * client finishes sending, reads the 413 and may send its next request on
 * the same connection: closing with the body still arriving would reset the
 * socket, and most clients then report the reset instead of the 413.
 * Bodies without a length are limited by Hono's `bodyLimit` (app.ts).
 */
export function refuseOversizeBody(req: IncomingMessage, res: ServerResponse): boolean {
  const length = req.headers['content-length'];
  if (length === undefined || !(Number(length) > MAX_BODY_BYTES)) return false;
  const body: ErrorBody & { message: string } = {
    error: 'payload_too_large',
    message: `The body is larger than ${MAX_BODY_BYTES} bytes.`,
    detail: [{ loc: ['body'], msg: `must be at most ${MAX_BODY_BYTES} bytes` }],
  };
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  res.writeHead(413, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}
