import type { CheckoutPublic } from '../shared/schemas/checkout.ts';
import type { ConfirmBody } from './checkout-api.ts';
import { answerForApi, answerFromSession, type FieldAnswer } from './field-answers.ts';
import { parseDecimalInput, toDecimalInput } from './money.ts';
import type { RestartDraft } from './restart.ts';

/** Which of the page's screens a session's status shows. */
export type View = 'form' | 'success' | 'expired' | 'failed' | 'processing';

export const VIEW_OF_STATUS: Record<CheckoutPublic['status'], View> = {
  open: 'form',
  confirmed: 'processing',
  succeeded: 'success',
  expired: 'expired',
  failed: 'failed',
};

/** The billing address as typed (sent with the payment). */
export interface AddressDraft {
  country: string;
  line1: string;
  line2: string;
  postal_code: string;
  city: string;
  state: string;
}

/** What the customer has typed; the server's session holds everything else. */
export interface Draft {
  productId: string;
  email: string;
  name: string;
  /** Pay-what-you-want amount as typed, in major units ("10.00"). */
  amount: string;
  discountCode: string;
  card: string;
  fields: Record<string, FieldAnswer | undefined>;
  /** The quantity as typed, until saved. */
  quantity: string;
  address: AddressDraft;
}

export function draftFrom(c: CheckoutPublic): Draft {
  return {
    productId: c.product_id,
    email: c.customer_email ?? '',
    name: c.customer_name ?? '',
    amount: c.product_price.amount_type === 'custom' ? toDecimalInput(c.amount, c.currency) : '',
    discountCode: '',
    card: '',
    fields: Object.fromEntries(Object.entries(c.custom_field_data).map(([k, v]) => [k, answerFromSession(v)])),
    quantity: String(c.quantity),
    address: addressDraftOf(c.billing_address),
  };
}

function addressDraftOf(a: CheckoutPublic['billing_address']): AddressDraft {
  return {
    country: a?.country ?? '',
    line1: a?.line1 ?? '',
    line2: a?.line2 ?? '',
    postal_code: a?.postal_code ?? '',
    city: a?.city ?? '',
    state: a?.state ?? '',
  };
}

/** A whole quantity as typed ("3"), or null. */
export const parseQuantity = (text: string): number | null => (/^\s*\d{1,5}\s*$/.test(text) ? Number(text) : null);

/** What the customer typed, for the fresh session "Start again" opens. */
export function restartDraftOf(c: CheckoutPublic, d: Draft): RestartDraft {
  const fields = Object.fromEntries(
    c.product.attached_custom_fields.map((a) => [a.custom_field.slug, answerForApi(a, d.fields[a.custom_field.slug])]),
  );
  return { productId: d.productId, email: d.email, name: d.name, fields };
}

/** The confirm request for the session as it is now and what the customer typed. */
export function confirmBodyOf(c: CheckoutPublic, d: Draft, locale: string): ConfirmBody {
  const body: ConfirmBody = {
    product_id: d.productId,
    customer_email: d.email.trim() || null,
    customer_name: d.name.trim() || null,
    custom_field_data: Object.fromEntries(
      c.product.attached_custom_fields.map((a) => [
        a.custom_field.slug,
        answerForApi(a, d.fields[a.custom_field.slug]),
      ]),
    ),
  };
  if (c.product_price.amount_type === 'custom') {
    const minor = parseDecimalInput(d.amount, c.currency);
    if (minor !== null) body.amount = minor;
  }
  // A trial collects the card too, though nothing is due today.
  if (c.is_payment_required || c.trial) body.card_number = d.card;
  // Sent as typed: the server names each line still missing.
  if (c.require_billing_address)
    body.billing_address = { ...d.address, line2: d.address.line2 || null, state: d.address.state || null };
  // The total on screen: the server charges it or refuses with the new one.
  body.expected_total = c.total_amount;
  if (c.trial) body.expected_renewal_total = c.trial.total_amount;
  // The receipt is written in the language the customer read.
  if (locale) body.locale = locale;
  return body;
}
