import type { Product } from '../src/shared/schemas/index.ts';
import { createProduct } from './data.ts';

/**
 * The demo shop's catalogue in no-backend mode: the three products of the
 * seeded "Launch offer" link (server/core/seed.ts), with fixed ids so the
 * static server can write them into the demo pages (`{{PRODUCT_ID_*}}`) and
 * the mocks in the browser can open sessions on the product a button names.
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

export const DEMO_PRODUCTS = {
  ebook: createProduct({
    id: ids.ebook,
    name: 'Field Guide to Checkout (e-book)',
    description: 'The e-book, as a PDF and EPUB.',
    created_at,
    prices: [{ ...price('ebook', 1), amount_type: 'fixed', price_amount: 2900 }],
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
  }),
} satisfies Record<string, Product>;

/** The made-up link of the no-backend demo (its secret in the link URL path). */
export const DEMO_LINK_SECRET = 'cl_demo_no_backend';
