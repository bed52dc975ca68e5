import {
  applyCheckoutEdits,
  checkoutNotOpen,
  confirmProblems,
  type EditableState,
  type EditRules,
  findByCode,
  pricedView,
  splitConfirm,
  staleTotal,
} from '../server/core/checkout-state.ts';
import { DomainError, expiredCheckout, notFound } from '../server/core/errors.ts';
import type { LiveSessionRow } from '../server/core/link-stats.ts';
import { createTestProcessor, memoryLedger } from '../server/core/payments.ts';
import { resolvePrefill } from '../server/core/prefill.ts';
import {
  type CheckoutConfirm,
  type CheckoutPublic,
  type CheckoutUpdate,
  checkoutPublic,
  type Discount,
  NO_SESSION_OPTIONS,
  origin as originSchema,
  type Product,
  type SessionOptions,
} from '../src/shared/schemas/index.ts';
import { createCheckout, createProduct } from './data.ts';

/**
 * The mocks' sessions, in memory, under the server's own rules: prefill by
 * `resolvePrefill` (server/core/prefill.ts), edits, discounts, custom fields
 * and confirm checks by server/core/checkout-state.ts, payments by the
 * server's test processor. Failures are the server's `DomainError`s, which
 * the handlers answer as the server's error handler does.
 */

export interface SessionRules {
  /** The link's products; by default each session gets a fresh e-book. */
  products?: Product[];
  /** The organization's discounts, found by code as the server finds them (trimmed, any case). */
  discounts?: Discount[];
  /** The id (among `discounts`) of the discount the link presets on every session, as a link's `discount_id`. */
  linkDiscountId?: string | null;
  /** Whether the link takes discount codes (a link's `allow_discount_codes`); true by default, as on the server. */
  allowDiscountCodes?: boolean;
  /** Origins allowed to frame the checkout; any origin when absent. */
  embedOrigins?: string[];
  /** Whether the backend emails receipts (a server with SMTP_URL): a paid session then names `receipt_email`. */
  sendsReceipts?: boolean;
  /** The link's trial, quantity, confirmation message and billing address options; none by default. */
  options?: SessionOptions;
}

interface MockSession {
  /** What does not follow from the state: ids, URL, status, framing, prefill report, outcome. */
  base: CheckoutPublic;
  state: EditableState;
  /** What the link's stats count of it: its metadata (the link's prefill of utm_* and reference_id) and, once sold, its charge. */
  stats: LiveSessionRow;
}

export function createSessionStore(rules: SessionRules) {
  // Copies: a confirm counts a redemption, as the server does, in this store only.
  const discounts = structuredClone(rules.discounts ?? []);
  const sessions = new Map<string, MockSession>();
  const processor = createTestProcessor(memoryLedger());
  const allowDiscountCodes = rules.allowDiscountCodes ?? true;
  const sendsReceipts = rules.sendsReceipts ?? false;
  const options = rules.options ?? NO_SESSION_OPTIONS;
  const linkDiscount = async () => discounts.find((d) => d.id === rules.linkDiscountId) ?? null;
  const editRules = (): EditRules => ({
    allowDiscountCodes,
    findDiscountByCode: async (code) => findByCode(discounts, code),
    linkDiscount,
    now: new Date(),
  });

  const view = ({ base, state }: MockSession): CheckoutPublic =>
    checkoutPublic.parse({
      ...base,
      ...pricedView(state, base.status, new Date()),
      customer_email: state.customerEmail,
      customer_name: state.customerName,
      custom_field_data: state.customFieldData,
      billing_address: state.billingAddress,
    });

  /** A session by client secret, expired ones included (reads show them). */
  const find = (secret: string) => {
    const session = sessions.get(secret);
    if (!session) throw notFound('Checkout');
    if (session.base.status === 'open' && Date.parse(session.base.expires_at) <= Date.now())
      session.base.status = 'expired';
    return session;
  };
  const findOpen = (secret: string) => {
    const session = find(secret);
    if (session.base.status === 'expired') throw expiredCheckout();
    return session;
  };

  return {
    /**
     * Opens a session from a link's raw prefill (`json`: a sessions body;
     * `query`: the redirect's query), as `createSessionFromLink` does.
     */
    async open(raw: Record<string, unknown>, mode: 'query' | 'json', pageUrl: (clientSecret: string) => string) {
      const products = rules.products ?? [createProduct()];
      const prefill = await resolvePrefill(raw, {
        products,
        allowDiscountCodes,
        linkMetadata: {},
        options,
        embedOrigins: rules.embedOrigins ?? anyOrigin(raw.embed_origin),
        findDiscountByCode: editRules().findDiscountByCode,
        now: new Date(),
        mode,
      });
      const base = createCheckout(
        pageUrl,
        {
          embed_origin: prefill.embedOrigin,
          prefill_dropped: prefill.dropped,
          allow_discount_codes: allowDiscountCodes,
          confirmation_message: options.confirmation_message,
          require_billing_address: options.require_billing_address,
        },
        prefill.product,
      );
      const session: MockSession = {
        base,
        state: {
          product: prefill.product,
          products,
          customAmount: prefill.customAmount,
          customerEmail: prefill.customerEmail,
          customerName: prefill.customerName,
          customFieldData: prefill.customFieldData,
          discount: prefill.discountFromCode ?? (await linkDiscount()),
          quantity: prefill.quantity,
          billingAddress: null,
          options,
        },
        stats: {
          created_at: base.created_at,
          metadata: JSON.stringify(prefill.metadata),
          currency: null,
          amount: null,
        },
      };
      sessions.set(base.client_secret, session);
      return { checkout: view(session), pageParams: prefill.pageParams };
    },

    get: (secret: string) => view(find(secret)),

    /** Every session opened, as the link's stats read them: the mocks play one link. */
    statsRows: () => [...sessions.values()].map((s) => s.stats),

    /** `PATCH`: a customer's edits; any bad value is a 422 naming its field. */
    async update(secret: string, input: CheckoutUpdate) {
      const session = findOpen(secret);
      if (session.base.status !== 'open') throw checkoutNotOpen(session.base.status);
      session.state = await applyCheckoutEdits(session.state, input, editRules());
      return view(session);
    },

    /** `POST …/confirm`: the last edits, the checks the server makes, then the test processor's charge. */
    async confirm(secret: string, input: CheckoutConfirm) {
      const session = findOpen(secret);
      if (session.base.status === 'succeeded') return view(session);
      if (session.base.status !== 'open') throw checkoutNotOpen(session.base.status);
      const { cardNumber, shown, edits } = splitConfirm(input);
      const rules = editRules();
      const state = await applyCheckoutEdits(session.state, edits, rules);
      const priced = pricedView(state, 'open', rules.now);
      const detail = confirmProblems(state, priced.total_amount, cardNumber);
      if (detail.length) throw new DomainError(422, 'validation_error', 'Some fields need attention.', detail);
      const stale = staleTotal(state, priced, shown, rules.now);
      if (stale) {
        session.state = stale.state;
        throw new DomainError(409, stale.code, stale.message, [{ loc: ['expected_total'], msg: stale.message }], {
          checkout: view(session),
        });
      }
      // The server keeps the edits of a confirm even when the card is then declined.
      session.state = state;
      // A trial's card is checked with a charge of 0, as the server's confirm does.
      if (priced.total_amount > 0 || priced.trial) {
        const charged = await processor.charge({
          idempotencyKey: crypto.randomUUID(),
          checkoutId: session.base.id,
          amount: priced.total_amount,
          currency: priced.currency,
          cardNumber: cardNumber!,
          customerEmail: state.customerEmail!,
        });
        if (!charged.ok)
          throw new DomainError(402, charged.code, charged.reason, [{ loc: ['card_number'], msg: charged.reason }]);
      }
      Object.assign(session.stats, { currency: priced.currency, amount: priced.total_amount });
      const applied = priced.discount && discounts.find((d) => d.id === priced.discount?.id);
      if (applied) applied.redemptions_count += 1;
      Object.assign(session.base, {
        status: 'succeeded',
        order_id: crypto.randomUUID(),
        subscription_id: state.product.is_recurring ? crypto.randomUUID() : null,
        receipt_email: sendsReceipts ? state.customerEmail : null,
      });
      return view(session);
    },
  };
}

/** Without an `embedOrigins` option any origin may frame: the one asked for is allowed, once well-formed. */
function anyOrigin(asked: unknown): string[] {
  const parsed = typeof asked === 'string' ? originSchema.safeParse(asked.trim()) : null;
  return parsed?.success ? [parsed.data] : [];
}

export type SessionStore = ReturnType<typeof createSessionStore>;
