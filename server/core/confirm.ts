import type { CheckoutConfirm, CheckoutPublic } from '../../src/shared/schemas/index.ts';
import {
  confirmProblems,
  discountUnavailable,
  type EditableState,
  priceState,
  type StaleTotal,
  splitConfirm,
  staleTotal,
} from './checkout-state.ts';
import type { CoreContext } from './context.ts';
import { crashPoint } from './crash-points.ts';
import { applyEdits, getPublicCheckout, loadOpenSession } from './customer-checkouts.ts';
import { releaseRedemption } from './discounts.ts';
import { DomainError } from './errors.ts';
import { newId } from './ids.ts';
import { createPurchase } from './purchases.ts';
import { iso, json, parseJson } from './rows.ts';
import {
  type AttemptRecord,
  attemptRecord,
  checkoutView,
  SET_STATE,
  type SessionRow,
  stateParams,
} from './session-rows.ts';
import { enqueuePurchaseEvents } from './webhooks/purchase-events.ts';

/**
 * Paying for a session, in named steps. Exactly one order or subscription
 * results however often and concurrently confirm is called, and it charges
 * exactly the total the customer saw or nothing:
 *
 * 1. check: the edits, the fields a confirm needs, and the total against the one shown;
 * 2. claim (first commit): open → confirmed, the discount redeemed, an attempt
 *    with its idempotency key, its amounts and a lease recorded; one caller wins;
 * 3. charge the processor with that key;
 * 4. complete (second commit): the order or subscription, status succeeded.
 *
 * A crash between 2 and 4 leaves the session confirmed; once its lease ran
 * out, the next confirm or the sweep settles it by asking the processor about
 * the key: completed if it was charged, else reopened with its redemption freed.
 */

/** How long a second confirm waits for a payment already under way. */
const CONFIRM_WAIT_MS = 15_000;

const checkoutFailed = () =>
  new DomainError(409, 'checkout_failed', 'This checkout failed. Start again from the checkout link.');

export async function confirmCheckout(
  ctx: CoreContext,
  clientSecret: string,
  input: CheckoutConfirm,
): Promise<CheckoutPublic> {
  const deadline = Date.now() + CONFIRM_WAIT_MS;
  while (Date.now() < deadline) {
    const row = await loadOpenSession(ctx, clientSecret);
    if (row.status === 'succeeded') return getPublicCheckout(ctx, clientSecret);
    if (row.status === 'failed') throw checkoutFailed();
    if (row.status === 'confirmed') {
      const left = leaseLeftMs(ctx, row);
      if (left <= 0) await settleAttempt(ctx, row);
      else await ctx.events.next(row.id, Math.min(500, left));
      continue;
    }
    if (await attemptConfirm(ctx, row, input)) return getPublicCheckout(ctx, clientSecret);
  }
  throw new DomainError(
    409,
    'checkout_busy',
    'A payment for this checkout is still being processed. Try again shortly.',
  );
}

/**
 * Whether the attempt goes to the processor: to charge, or to check the card
 * of a trial (a charge of 0, as a processor's card verification; the
 * subscription charges the card when the trial ends).
 */
const collectsCard = (record: AttemptRecord) => record.amounts.total_amount > 0 || Boolean(record.trial);

const leaseLeftMs = (ctx: CoreContext, row: SessionRow) =>
  row.attempt_lease_until ? Date.parse(row.attempt_lease_until) - ctx.now().getTime() : 0;

/** Steps 1 to 4 for an open session; false when another confirm claimed it first. */
async function attemptConfirm(ctx: CoreContext, row: SessionRow, input: CheckoutConfirm): Promise<boolean> {
  const { cardNumber, shown, locale, edits } = splitConfirm(input);
  const state = await applyEdits(ctx, row, edits);
  const now = ctx.now();
  const { price, applied, quantity, amounts, trial } = priceState(state, 'open', now);
  const detail = confirmProblems(state, amounts.total_amount, cardNumber);
  if (detail.length) throw new DomainError(422, 'validation_error', 'Some fields need attention.', detail);
  if (state.product.is_archived)
    throw new DomainError(409, 'product_unavailable', 'This product is no longer available. Choose another one.', [
      { loc: ['product_id'], msg: 'is no longer available' },
    ]);
  const stale = staleTotal(state, { total_amount: amounts.total_amount, trial }, shown, now);
  if (stale) return refuse(ctx, row, stale);

  const key = newId();
  const record: AttemptRecord = {
    product: { id: state.product.id, name: state.product.name, recurring_interval: state.product.recurring_interval },
    price_id: price.id,
    amounts,
    discount: applied && { id: applied.id, duration: applied.duration, duration_in_months: applied.duration_in_months },
    quantity,
    trial,
    billing_address: state.billingAddress,
    ...(locale && { locale }),
  };
  const claim = await claimSession(ctx, row, { ...state, discount: applied }, key, record);
  if (claim === 'lost') return false;
  if (claim === 'sold_out') throw linkSoldOut();
  if (claim === 'lapsed') return refuse(ctx, row, discountUnavailable(state, 'this discount has been fully redeemed'));
  ctx.events.emit(row.id);
  crashPoint('after-claim');

  if (collectsCard(record)) {
    let result: Awaited<ReturnType<CoreContext['processor']['charge']>>;
    try {
      result = await ctx.processor.charge({
        idempotencyKey: key,
        checkoutId: row.id,
        amount: amounts.total_amount,
        currency: amounts.currency,
        cardNumber: cardNumber!,
        customerEmail: state.customerEmail!,
      });
    } catch {
      await endAttempt(ctx, row.id, key, 'failed');
      throw new DomainError(
        402,
        'payment_failed',
        'The payment could not be processed. Start again from the checkout link.',
      );
    }
    if (!result.ok) {
      // Declined: the customer may retry, and holds no redemption meanwhile.
      await endAttempt(ctx, row.id, key, 'open');
      throw new DomainError(402, result.code, result.reason, [{ loc: ['card_number'], msg: result.reason }]);
    }
  }
  crashPoint('after-charge');

  const paid = {
    ...row,
    customer_email: state.customerEmail,
    customer_name: state.customerName,
    custom_field_data: json(state.customFieldData),
  };
  await completeAttempt(ctx, paid, key, record);
  return true;
}

/**
 * Throws the 409 refusing a confirm, after keeping its edits, with the
 * session's new amounts to show. When the session is no longer open, a
 * concurrent confirm claimed it (and maybe the very redemption that made this
 * one look stale): false, so the caller waits for that outcome instead.
 */
async function refuse(ctx: CoreContext, row: SessionRow, stale: StaleTotal): Promise<false> {
  const { changes } = await ctx.db.run(`UPDATE checkout_sessions SET ${SET_STATE} WHERE id = ? AND status = 'open'`, [
    ...stateParams(stale.state, ctx.now()),
    row.id,
  ]);
  if (changes === 0) return false;
  const checkout = await getPublicCheckout(ctx, row.client_secret);
  throw new DomainError(409, stale.code, stale.message, [{ loc: ['expected_total'], msg: stale.message }], {
    checkout,
  });
}

class DiscountLapsed extends Error {}
class LinkSoldOut extends Error {}

/** The link's cap is taken by other confirms: nothing was charged, and this session cannot be paid. */
const linkSoldOut = () =>
  new DomainError(
    409,
    'link_unavailable',
    'This checkout link is sold out: the seller’s checkouts through it are all taken. Nothing was charged.',
    // No field to fix: the page shows this sentence as it is.
    undefined,
    { reason: 'limit_reached' },
  );

/**
 * Step 2, the first commit: the session confirmed under a lease, a slot of
 * its link taken and its discount redeemed, each within its cap. A
 * conditional update of the one row counting it is the cap: PostgreSQL
 * re-checks it after a concurrent writer commits, SQLite has one writer.
 */
async function claimSession(
  ctx: CoreContext,
  row: SessionRow,
  state: EditableState,
  key: string,
  record: AttemptRecord,
): Promise<'won' | 'lost' | 'lapsed' | 'sold_out'> {
  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + ctx.confirmLeaseSeconds * 1000);
  let soldOut: string | null = null;
  try {
    const claim = await ctx.db.transactionBatched(async (tx): Promise<'won' | 'lost'> => {
      const { changes } = await tx.run(
        `UPDATE checkout_sessions SET status = 'confirmed', ${SET_STATE}, attempt_key = ?, attempt_lease_until = ?, attempt = ?
         WHERE id = ? AND status = 'open'`,
        [...stateParams(state, now), key, iso(leaseUntil), json(record), row.id],
      );
      if (changes === 0) return 'lost';
      if (row.checkout_link_id) {
        const slot = await tx.run(
          'UPDATE checkout_links SET checkouts_claimed = checkouts_claimed + 1 WHERE id = ? AND (max_completed_checkouts IS NULL OR checkouts_claimed < max_completed_checkouts)',
          [row.checkout_link_id],
        );
        if (slot.changes === 0) throw new LinkSoldOut();
        const link = await tx.get<{ client_secret: string; slots_left: number | null }>(
          'SELECT client_secret, max_completed_checkouts - checkouts_claimed AS slots_left FROM checkout_links WHERE id = ?',
          [row.checkout_link_id],
        );
        soldOut = link && link.slots_left !== null && Number(link.slots_left) <= 0 ? link.client_secret : null;
      }
      if (record.discount) {
        const redeemed = await tx.run(
          'UPDATE discounts SET redemptions_count = redemptions_count + 1 WHERE id = ? AND (max_redemptions IS NULL OR redemptions_count < max_redemptions)',
          [record.discount.id],
        );
        // Rolls the claim back: the total shown counted on a discount that just ran out.
        if (redeemed.changes === 0) throw new DiscountLapsed();
        await tx.run(
          'INSERT INTO discount_redemptions (id, discount_id, checkout_id, created_at) VALUES (?, ?, ?, ?)',
          [newId(), record.discount.id, row.id, iso(now)],
        );
      }
      return 'won';
    });
    // This took the link's last slot: its cached state must not open more checkouts here.
    if (soldOut) ctx.links.delete(soldOut);
    return claim;
  } catch (e) {
    if (e instanceof DiscountLapsed) return 'lapsed';
    if (e instanceof LinkSoldOut) return 'sold_out';
    throw e;
  }
}

/** Step 4, the second commit, by whoever holds the attempt `key` (its confirm, or a settler). */
async function completeAttempt(ctx: CoreContext, session: SessionRow, key: string, record: AttemptRecord) {
  const queued = await ctx.db.transactionBatched(async (tx) => {
    const now = ctx.now();
    const { changes } = await tx.run(
      `UPDATE checkout_sessions SET status = 'succeeded', attempt_lease_until = NULL, modified_at = ?
       WHERE id = ? AND status = 'confirmed' AND attempt_key = ?`,
      [iso(now), session.id, key],
    );
    if (changes === 0) return 0; // settled already, by another confirm or the sweep
    const purchase = await createPurchase(tx, now, {
      session,
      product: record.product,
      price: { id: record.price_id },
      amounts: record.amounts,
      discount: record.discount,
      quantity: record.quantity ?? 1,
      trial: record.trial ?? null,
      billingAddress: record.billing_address ?? null,
      customFieldData: parseJson(session.custom_field_data, {}),
      metadata: parseJson(session.metadata, {}),
    });
    await tx.run('UPDATE checkout_sessions SET order_id = ?, subscription_id = ? WHERE id = ?', [
      purchase.orderId,
      purchase.subscriptionId,
      session.id,
    ]);
    if (session.checkout_link_id)
      await tx.run('UPDATE checkout_links SET checkouts_completed = checkouts_completed + 1 WHERE id = ?', [
        session.checkout_link_id,
      ]);
    return enqueuePurchaseEvents(tx, now, session.organization_id, purchase, () => checkoutView(ctx, tx, session.id), {
      trialing: Boolean(record.trial),
      locale: record.locale ?? 'en',
    });
  });
  if (queued) {
    ctx.webhooks?.kick();
    ctx.mail?.kick();
  }
  ctx.events.emit(session.id);
}

/** Ends an uncharged attempt: `open` again (declined, interrupted) or `failed`; its redemption is freed. */
async function endAttempt(ctx: CoreContext, id: string, key: string | null, status: 'open' | 'failed') {
  await ctx.db.transaction(async (tx) => {
    const { changes } = await tx.run(
      `UPDATE checkout_sessions SET status = ?, attempt_key = NULL, attempt_lease_until = NULL, attempt = NULL, modified_at = ?
       WHERE id = ? AND status = 'confirmed' AND ${key === null ? 'attempt_key IS NULL' : 'attempt_key = ?'}`,
      key === null ? [status, iso(ctx.now()), id] : [status, iso(ctx.now()), id, key],
    );
    if (changes === 0) return;
    await releaseRedemption(tx, id);
    await tx.run(
      'UPDATE checkout_links SET checkouts_claimed = checkouts_claimed - 1 WHERE id = (SELECT checkout_link_id FROM checkout_sessions WHERE id = ?)',
      [id],
    );
  });
  ctx.events.emit(id);
}

/**
 * Settles an attempt whose lease ran out (its process crashed or stalled):
 * the processor says whether the key was charged, and closes it either way.
 * Charged (or nothing to charge): completed as its confirm would have. Else
 * reopened, so the customer can pay again. A session confirmed by an earlier
 * version has no key and nothing recorded: reopened.
 */
export async function settleAttempt(ctx: CoreContext, row: SessionRow) {
  const record = attemptRecord(row);
  const key = row.attempt_key;
  if (key && record) {
    const outcome = collectsCard(record) ? await ctx.processor.settle(key) : { charged: true };
    if (outcome.charged) return completeAttempt(ctx, row, key, record);
  }
  return endAttempt(ctx, row.id, key, 'open');
}

/** The sweep's part: every confirmed session whose lease ran out, settled. */
export async function settleInterruptedConfirms(ctx: CoreContext) {
  const rows = await ctx.db.all<SessionRow>(
    "SELECT * FROM checkout_sessions WHERE status = 'confirmed' AND attempt_lease_until <= ? ORDER BY attempt_lease_until LIMIT 500",
    [iso(ctx.now())],
  );
  for (const row of rows) await settleAttempt(ctx, row);
  return { settled: rows.length };
}
