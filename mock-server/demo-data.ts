import type { Discount, Product } from '../src/shared/schemas/index.ts';
import { attachField, createCustomField, createDiscount, createProduct } from './data.ts';

/**
 * The demo shop's catalogue in no-backend mode, as server/demo/seed.ts seeds
 * it: the three products of the "Launch offer" link with their custom fields
 * (`company`, and a required `terms` checkbox on Pro) and the LAUNCH20 code,
 * with fixed ids so the static server can write them into the demo pages
 * (`{{PRODUCT_ID_*}}`) and the mocks in the browser can open sessions on the
 * product a button names.
 */

const ids = {
  ebook: '0b6f7c1e-5d2a-4c1b-9e3f-3a1d2c4b5e01',
  support: '0b6f7c1e-5d2a-4c1b-9e3f-3a1d2c4b5e02',
  pro: '0b6f7c1e-5d2a-4c1b-9e3f-3a1d2c4b5e03',
};
const created_at = '2026-11-01T09:00:00.000Z';
const price = (product: string, n: number) => ({
  id: `${ids[product as keyof typeof ids].slice(0, -2)}a${n}`,
  product_id: ids[product as keyof typeof ids],
  is_archived: false,
  created_at,
  price_currency: 'usd',
});

const FIELDS = {
  company: createCustomField({
    id: '0b6f7c1e-5d2a-4c1b-9e3f-3a1d2c4b5ef1',
    slug: 'company',
    name: 'Company',
    type: 'text',
    properties: { form_label: 'Company', form_help_text: 'Shown on your invoice.', max_length: 200 },
    created_at,
  }),
  terms: createCustomField({
    id: '0b6f7c1e-5d2a-4c1b-9e3f-3a1d2c4b5ef2',
    slug: 'terms',
    name: 'Terms',
    type: 'checkbox',
    properties: { form_label: 'I accept the terms of service' },
    created_at,
  }),
};

export const DEMO_PRODUCTS = {
  ebook: createProduct({
    id: ids.ebook,
    name: 'Field Guide to Checkout (e-book)',
    description: 'The e-book, as a PDF and EPUB.',
    created_at,
    prices: [{ ...price('ebook', 1), amount_type: 'fixed', price_amount: 2900 }],
    attached_custom_fields: [attachField(FIELDS.company)],
  }),
  support: createProduct({
    id: ids.support,
    name: 'Support the project',
    description: 'Pay what you want.',
    created_at,
    prices: [
      {
        ...price('support', 1),
        amount_type: 'custom',
        minimum_amount: 500,
        maximum_amount: 100_000,
        preset_amount: 1000,
      },
    ],
  }),
  pro: createProduct({
    id: ids.pro,
    name: 'Pro membership',
    description: 'Everything, billed monthly.',
    recurring_interval: 'month',
    is_recurring: true,
    created_at,
    prices: [{ ...price('pro', 1), amount_type: 'fixed', price_amount: 900 }],
    attached_custom_fields: [attachField(FIELDS.company), attachField(FIELDS.terms, true, 1)],
  }),
} satisfies Record<string, Product>;

/** The organization's discount codes: LAUNCH20, 20 % off any product, as seeded. */
export const DEMO_DISCOUNTS: Discount[] = [
  // LAUNCH20 is the default (server/demo/demo-discount.ts, as seeded); a fixed id, as the whole demo catalogue has.
  createDiscount({ id: '0b6f7c1e-5d2a-4c1b-9e3f-3a1d2c4b5ed1', created_at }),
];

/** The made-up link of the no-backend demo (its secret in the link URL path). */
export const DEMO_LINK_SECRET = 'cl_demo_no_backend';
