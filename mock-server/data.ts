import { pricedView } from '../server/core/checkout-state.ts';
import { embedPageUrl } from '../server/core/prefill.ts';
import { LAUNCH_DISCOUNT } from '../server/demo/demo-discount.ts';
import {
  type AttachedCustomField,
  type CardWords,
  type CheckoutPublic,
  type CustomField,
  checkoutPublic,
  customField,
  type Discount,
  discount,
  NO_SESSION_OPTIONS,
  type Product,
  type SessionCreated,
  sessionCreated,
} from '../src/shared/schemas/index.ts';

/**
 * Small factories of wire objects for the mocks. Every object goes through
 * the shared zod schema before it is answered, so a mock can never answer a
 * shape the real server would not.
 */

const uuid = () => crypto.randomUUID();
const now = () => new Date().toISOString();
/** Like the server's: at least 128 random bits, URL-safe. */
const secret = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;

export const ORGANIZATION = { id: '7b1f3c3e-2a4d-4f61-9a52-5f0f4c1b8e10', name: 'Mock Shop' };

/** A one-time product at a fixed price (the demo's e-book), overridable. */
export function createProduct(overrides: Partial<Product> = {}): Product {
  const id = overrides.id ?? uuid();
  return {
    id,
    organization_id: ORGANIZATION.id,
    name: 'Field Guide to Checkout (e-book)',
    description: null,
    recurring_interval: null,
    is_recurring: false,
    is_archived: false,
    prices: [
      {
        id: uuid(),
        product_id: id,
        is_archived: false,
        created_at: now(),
        amount_type: 'fixed',
        price_amount: 2900,
        price_currency: 'usd',
      },
    ],
    attached_custom_fields: [],
    created_at: now(),
    modified_at: null,
    ...overrides,
  };
}

/** A custom field (a text field "company" by default), overridable; attach it with `attachField`. */
export function createCustomField(overrides: Partial<CustomField> = {}): CustomField {
  return customField.parse({
    id: uuid(),
    organization_id: ORGANIZATION.id,
    slug: 'company',
    name: 'Company',
    type: 'text',
    properties: {},
    created_at: now(),
    modified_at: null,
    ...overrides,
  });
}

/** A field as a product carries it in `attached_custom_fields`. */
export const attachField = (field: CustomField, required = false, order = 0): AttachedCustomField => ({
  custom_field_id: field.id,
  custom_field: field,
  order,
  required,
});

/** A discount of the organization (LAUNCH20, 20 % off every product, by default), overridable. */
export function createDiscount(overrides: Partial<Discount> = {}): Discount {
  return discount.parse({
    id: uuid(),
    organization_id: ORGANIZATION.id,
    ...LAUNCH_DISCOUNT,
    redemptions_count: 0,
    created_at: now(),
    modified_at: null,
    ...overrides,
  });
}

/**
 * An open session over `product` (a fresh e-book by default), as
 * `GET /v1/checkouts/client/{secret}` answers it, priced by the server's own
 * rules (server/core/checkout-state.ts): a pay-what-you-want price starts at
 * its preset (or minimum) amount. Sessions of the `ok` handlers are kept in
 * mock-server/sessions.ts, which overrides the priced part.
 */
export function createCheckout(
  pageUrl: (clientSecret: string) => string,
  overrides: Partial<CheckoutPublic> = {},
  product: Product = createProduct(),
): CheckoutPublic {
  const status = overrides.status ?? 'open';
  const clientSecret = secret('cs');
  return checkoutPublic.parse({
    id: uuid(),
    client_secret: clientSecret,
    url: pageUrl(clientSecret),
    status,
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    created_at: now(),
    organization: ORGANIZATION,
    checkout_link_id: uuid(),
    ...pricedView(
      { product, products: [product], customAmount: null, discount: null, quantity: 1, options: NO_SESSION_OPTIONS },
      status,
      new Date(),
    ),
    customer_email: null,
    customer_name: null,
    custom_field_data: {},
    allow_discount_codes: true,
    success_url: null,
    return_url: null,
    confirmation_message: null,
    require_billing_address: false,
    billing_address: null,
    embed_origin: null,
    link_url: null,
    prefill_dropped: [],
    order_id: null,
    subscription_id: null,
    receipt_email: null,
    ...overrides,
  });
}

/** The answer of `POST …/sessions` for a checkout. */
export const toSessionCreated = (
  checkout: CheckoutPublic,
  pageParams: Record<string, string>,
  card: CardWords,
): SessionCreated =>
  sessionCreated.parse({
    card,
    id: checkout.id,
    client_secret: checkout.client_secret,
    url: checkout.url,
    embed_url: embedPageUrl(checkout.url, pageParams),
    expires_at: checkout.expires_at,
    dropped: checkout.prefill_dropped,
  });
