import type { CheckoutConfirm, CheckoutPublic, CheckoutUpdate } from '../shared/schemas/checkout.ts';
import type { ErrorDetail } from '../shared/schemas/common.ts';
import { t } from './strings.ts';

/** A failed call, as the server shaped it (`status` 0 when the server could not be reached). */
export interface ApiFailure {
  ok: false;
  status: number;
  error: string;
  message: string;
  detail: ErrorDetail[];
  /** The session as it is now, when a confirm was refused because its total changed (409). */
  checkout?: CheckoutPublic;
}
export type ApiResult = { ok: true; checkout: CheckoutPublic } | ApiFailure;

/** What the page sends: the wire types, before the server's transforms. */
export type UpdateBody = { [K in keyof CheckoutUpdate]?: CheckoutUpdate[K] };
export type ConfirmBody = UpdateBody &
  Pick<CheckoutConfirm, 'card_number' | 'expected_total' | 'expected_renewal_total' | 'locale'>;

const base = (secret: string) => `/v1/checkouts/client/${encodeURIComponent(secret)}`;

async function call(method: string, url: string, body?: unknown): Promise<ApiResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return {
      ok: false,
      status: 0,
      error: 'network',
      message: t('errNetwork'),
      detail: [],
    };
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && json) return { ok: true, checkout: json as unknown as CheckoutPublic };
  return {
    ok: false,
    status: res.status,
    error: typeof json?.error === 'string' ? json.error : 'http_error',
    message: typeof json?.message === 'string' ? json.message : `The server answered ${res.status}.`,
    detail: Array.isArray(json?.detail) ? (json.detail as ErrorDetail[]) : [],
    ...(json?.checkout && typeof json.checkout === 'object' ? { checkout: json.checkout as CheckoutPublic } : {}),
  };
}

/** Reads the session again (after another tab or the stream changed it). */
export const fetchCheckout = (secret: string) => call('GET', base(secret));

/** Saves the customer's edits; the answer carries the amounts to show (the page computes none). */
export const updateCheckout = (secret: string, body: UpdateBody) => call('PATCH', base(secret), body);

/**
 * Pays exactly `expected_total`. Succeeds with the order or subscription id, or fails with 402 / 410 / 422 and
 * field locations, or 409 with the session's new amounts when the total changed.
 */
export const confirmCheckout = (secret: string, body: ConfirmBody) => call('POST', `${base(secret)}/confirm`, body);

/** The status stream, so a page opened mid-payment learns the outcome without polling. */
export const statusStreamUrl = (secret: string) => `${base(secret)}/stream`;
