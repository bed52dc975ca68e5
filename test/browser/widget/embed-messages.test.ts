import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import { embedMessageSchema } from '../../../src/shared/embed-messages.schema.ts';
import { type EmbedMessage, parseEmbedMessage } from '../../../src/shared/embed-messages.ts';

// The union is written out because the package's declarations ship without zod;
// `npm run typecheck` fails here when it and the schema drift apart.
type SchemaMessage = z.infer<typeof embedMessageSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const unionMatchesSchema: Same<SchemaMessage, EmbedMessage> = true;

/** The widget's hand-written parser must accept exactly what the checkout page's zod schema accepts. */
describe('parseEmbedMessage agrees with embedMessageSchema', () => {
  it("has the schema's type", () => expect(unionMatchesSchema).to.equal(true));
  const source = 'checkout-link';
  const success = {
    source,
    type: 'success',
    checkout_id: 'c1',
    order_id: 'o1',
    subscription_id: null,
    customer_email: 'a@x.io',
    customer_name: null,
    success_url: null,
    redirect: false,
  };
  const samples: [string, unknown][] = [
    ['loaded', { source, type: 'loaded', checkout_id: 'c1' }],
    ['confirmed', { source, type: 'confirmed', checkout_id: 'c1' }],
    ['success', success],
    ['close', { source, type: 'close' }],
    ['resize', { source, type: 'resize', height: 320.5 }],
    ['resize to 0', { source, type: 'resize', height: 0 }],
    ['negative height', { source, type: 'resize', height: -1 }],
    ['NaN height', { source, type: 'resize', height: Number.NaN }],
    ['infinite height', { source, type: 'resize', height: Number.POSITIVE_INFINITY }],
    ['height as a string', { source, type: 'resize', height: '10' }],
    ['loaded without checkout_id', { source, type: 'loaded' }],
    ['numeric checkout_id', { source, type: 'confirmed', checkout_id: 1 }],
    ['success with a numeric order_id', { ...success, order_id: 42 }],
    ['success without redirect', { ...success, redirect: undefined }],
    ['success with a missing field', { ...success, customer_name: undefined }],
    ['success with a missing success_url', { ...success, success_url: undefined }],
    ['success with a boolean order_id', { ...success, order_id: true }],
    ['success with an object checkout_id', { ...success, checkout_id: {} }],
    ['success with a string redirect', { ...success, redirect: 'true' }],
    ['foreign source', { source: 'someone-else', type: 'close' }],
    ['no source', { type: 'close' }],
    ['unknown type', { source, type: 'open' }],
    ['inherited name as type', { source, type: 'toString' }],
    ['prototype as type', { source, type: '__proto__' }],
    ['object as type', { source, type: {} }],
    ['null', null],
    ['undefined', undefined],
    ['string', 'close'],
    ['number', 7],
    ['array', [source, 'close']],
  ];
  for (const [name, data] of samples)
    it(name, () => {
      const expected = embedMessageSchema.safeParse(data).success;
      // `event.data` is `any`: anything may arrive.
      const parsed = parseEmbedMessage(data as Record<string, unknown>);
      expect(parsed !== null, `parser accepts: schema says ${expected}`).to.equal(expected);
      if (expected) expect(parsed).to.equal(data);
    });
});
