import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../logger.ts';
import { clientProtocol, incomingClientAddress, type TrustProxy } from './client-address.ts';
import { loggedPath } from './logged-path.ts';

// What a trusted proxy may hand us as the request id (nginx's $request_id is 32 hex digits).
const PLAIN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Unique across processes and restarts (a random prefix per process), cheaper than a UUID per request.
const PROCESS_PREFIX = randomBytes(6).toString('base64url');
let sequence = 0;
const nextRequestId = () => `${PROCESS_PREFIX}-${(++sequence).toString(36)}`;

/**
 * Gives each request an id (echoed as `X-Request-Id`; taken from a trusted
 * proxy when it sends one) and logs one line when its answer is sent.
 */
export function logRequests(trust: TrustProxy) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const given = trust.kind === 'off' ? undefined : req.headers['x-request-id'];
    const id = typeof given === 'string' && PLAIN_REQUEST_ID.test(given) ? given : nextRequestId();
    res.setHeader('X-Request-Id', id);
    res.once('close', () => {
      if (!logger.isLevelEnabled('info')) return;
      logger.info(
        {
          req_id: id,
          method: req.method,
          path: loggedPath(req.url ?? ''),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          client: incomingClientAddress(req, trust),
          ...(trust.kind === 'off'
            ? {}
            : {
                proto: clientProtocol(
                  req.socket.remoteAddress,
                  req.headers['x-forwarded-proto'],
                  'encrypted' in req.socket,
                  trust,
                ),
              }),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
  };
}
