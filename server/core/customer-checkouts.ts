import type { CheckoutPublic, CheckoutUpdate } from '../../src/shared/schemas/index.ts';
import { applyCheckoutEdits, checkoutNotOpen, type EditableState } from './checkout-state.ts';
import type { CoreContext } from './context.ts';
import { findDiscountByCode, getDiscountById } from './discounts.ts';
import { expiredCheckout } from './errors.ts';
import { loadProducts } from './products.ts';
import { bool, parseJson } from './rows.ts';
import {
  loadSessionBySecret,
  SET_STATE,
  type SessionRow,
  sessionOptions,
  sessionProduct,
  settleExpiry,
  stateParams,
  toCheckout,
  toPublic,
} from './session-rows.ts';

export async function getPublicCheckout(ctx: CoreContext, clientSecret: string): Promise<CheckoutPublic> {
  const row = await settleExpiry(ctx, await loadSessionBySecret(ctx.db, clientSecret));
  return toPublic(await toCheckout(ctx, ctx.db, row));
}

/** Status only, for the event stream's polling: one cheap query. */
export async function getCheckoutStatus(ctx: CoreContext, clientSecret: string) {
  const row = await settleExpiry(ctx, await loadSessionBySecret(ctx.db, clientSecret));
  return { id: row.id, status: row.status, order_id: row.order_id, subscription_id: row.subscription_id };
}

export async function loadOpenSession(ctx: CoreContext, clientSecret: string): Promise<SessionRow> {
  const row = await settleExpiry(ctx, await loadSessionBySecret(ctx.db, clientSecret));
  if (row.status === 'expired') throw expiredCheckout();
  return row;
}

/**
 * Applies a customer's edits to a session's stored state by the rules of
 * checkout-state.ts; codes and the link's preset discount are read only when
 * an edit asks for them.
 */
export async function applyEdits(ctx: CoreContext, row: SessionRow, input: CheckoutUpdate): Promise<EditableState> {
  const products = await loadProducts(ctx.db, parseJson<string[]>(row.product_ids, []));
  const state: EditableState = {
    product: sessionProduct(row, products),
    products,
    customAmount: row.custom_amount,
    customerEmail: row.customer_email,
    customerName: row.customer_name,
    customFieldData: parseJson(row.custom_field_data, {}),
    discount: row.discount_id ? await getDiscountById(ctx.db, row.discount_id) : null,
    quantity: Number(row.quantity),
    billingAddress: parseJson(row.billing_address, null),
    options: sessionOptions(row),
  };
  return applyCheckoutEdits(state, input, {
    allowDiscountCodes: bool(row.allow_discount_codes),
    findDiscountByCode: (code) => findDiscountByCode(ctx.db, row.organization_id, code),
    linkDiscount: async () => {
      const link = row.checkout_link_id
        ? await ctx.db.get<{ discount_id: string | null }>('SELECT discount_id FROM checkout_links WHERE id = ?', [
            row.checkout_link_id,
          ])
        : undefined;
      return link?.discount_id ? getDiscountById(ctx.db, link.discount_id) : null;
    },
    now: ctx.now(),
  });
}

export async function updateCheckout(
  ctx: CoreContext,
  clientSecret: string,
  input: CheckoutUpdate,
): Promise<CheckoutPublic> {
  const row = await loadOpenSession(ctx, clientSecret);
  if (row.status !== 'open') throw checkoutNotOpen(row.status);
  const state = await applyEdits(ctx, row, input);
  const { changes } = await ctx.db.run(`UPDATE checkout_sessions SET ${SET_STATE} WHERE id = ? AND status = 'open'`, [
    ...stateParams(state, ctx.now()),
    row.id,
  ]);
  if (changes === 0) throw checkoutNotOpen((await loadSessionBySecret(ctx.db, clientSecret)).status);
  return getPublicCheckout(ctx, clientSecret);
}
