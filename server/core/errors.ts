import type { LinkUnavailableReason } from '../../src/shared/schemas/checkout-link.ts';
import type { CrossedBound, ErrorDetail } from '../../src/shared/schemas/common.ts';

/**
 * The one error the domain throws. The HTTP layer turns it into
 * `{ error: code, detail }` with `status`; nothing else needs to know HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly detail?: ErrorDetail[],
    /** More of the answer beside `error` and `detail` (a refused confirm sends the session's new amounts). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError(404, 'not_found', `${what} not found`);

/** A management request without a Bearer token (the MSW mocks answer it too). */
export const missingToken = () =>
  new DomainError(401, 'unauthorized', 'Send an organization access token as "Authorization: Bearer <token>".', [
    { loc: ['header', 'authorization'], msg: 'is missing or not a Bearer token' },
  ]);

/** A value the caller sent is not acceptable; `loc` names it as in zod's paths, `ctx` the bound it crossed. */
export const invalid = (loc: (string | number)[], msg: string, ctx?: CrossedBound) =>
  new DomainError(422, 'validation_error', `${loc.join('.')}: ${msg}`, [{ loc, msg, ...(ctx && { ctx }) }]);

export const expiredCheckout = () =>
  new DomainError(410, 'checkout_expired', 'This checkout session has expired. Start again from the checkout link.');

export const linkNotFound = () =>
  new DomainError(404, 'link_not_found', 'This checkout link does not exist or was deleted.');
/**
 * A link that opens no checkout: its products are all gone, or (with a
 * `reason`) it is switched off, outside its dates or sold out. Its seller,
 * return URL and own message are known, so its page can show them.
 */
export class LinkUnavailableError extends DomainError {
  constructor(
    readonly sellerName: string,
    readonly returnUrl: string | null,
    readonly reason: LinkUnavailableReason | null = null,
    /** The merchant's `inactive_message`, else our sentence for the reason. */
    readonly sentence: string | null = null,
  ) {
    super(
      410,
      'link_unavailable',
      sentence ?? 'None of the products of this checkout link is available any more.',
      undefined,
      reason ? { reason } : undefined,
    );
  }
}
