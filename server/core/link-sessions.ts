import type { Metadata, SessionCreated } from '../../src/shared/schemas/index.ts';
import { findLinkBySecret, linkProductIds } from './checkout-links.ts';
import type { CoreContext } from './context.ts';
import { findDiscountByCode } from './discounts.ts';
import { LinkUnavailableError, linkNotFound } from './errors.ts';
import { UNAVAILABLE_SENTENCES, unavailableReason } from './link-availability.ts';
import { sessionOptionsOf } from './link-options.ts';
import type { ResolvedLink } from './link-rows.ts';
import { getOrganization } from './organizations.ts';
import { type PrefillMode, resolvePrefill } from './prefill.ts';
import { loadProducts } from './products.ts';
import { bool, json, parseJson } from './rows.ts';
import { checkoutPageUrl, insertSession } from './session-rows.ts';

/**
 * Opens a short-lived session from a checkout link's public secret, applying
 * prefill. Bad prefill is dropped and reported, never a failure.
 */
export async function createSessionFromLink(
  ctx: CoreContext,
  linkSecret: string,
  raw: Record<string, unknown>,
  mode: PrefillMode,
): Promise<{
  created: Omit<SessionCreated, 'embed_url' | 'card'>;
  pageParams: Record<string, string>;
  /** The organization's `default_locale`, for the answer's words. */
  defaultLocale: string | null;
}> {
  // A hit is synchronous: the click path awaits nothing but prefill and the insert.
  const peeked = ctx.links.peek(linkSecret);
  const resolved = peeked === undefined ? await servingLink(ctx, linkSecret) : servableOrThrow(ctx, peeked);
  const { link, products, organization, allowDiscountCodes } = resolved;
  const prefill = await resolvePrefill(raw, {
    products,
    allowDiscountCodes,
    linkMetadata: resolved.metadata,
    options: resolved.options,
    embedOrigins: organization.embed_origins,
    findDiscountByCode: resolved.findDiscountByCode,
    now: ctx.now(),
    mode,
  });
  const session = await insertSession(
    ctx,
    {
      organizationId: link.organization_id,
      checkoutLinkId: link.id,
      ttlSeconds: ctx.checkoutTtlSeconds,
      product: prefill.product,
      products,
      productIdsJson: resolved.productIdsJson,
      customAmount: prefill.customAmount,
      quantity: prefill.quantity,
      options: resolved.optionsJson,
      customerEmail: prefill.customerEmail,
      customerName: prefill.customerName,
      customFieldData: prefill.customFieldData,
      metadata: prefill.metadata,
      allowDiscountCodes,
      discountId: prefill.discountFromCode?.id ?? link.discount_id,
      successUrl: link.success_url,
      returnUrl: link.return_url,
      embedOrigin: prefill.embedOrigin,
      dropped: prefill.dropped,
    },
    // A code's discount is at hand; the link's own is read only should an event need it.
    {
      organization,
      linkSecret: link.client_secret,
      discount: prefill.discountFromCode ?? (link.discount_id ? undefined : null),
    },
  );
  return {
    created: {
      id: session.id,
      client_secret: session.clientSecret,
      url: checkoutPageUrl(ctx, session.clientSecret),
      expires_at: session.expiresAt,
      dropped: prefill.dropped,
    },
    pageParams: prefill.pageParams,
    defaultLocale: organization.default_locale,
  };
}

const servableOrThrow = (ctx: CoreContext, resolved: ResolvedLink | null): ResolvedLink => {
  if (!resolved) throw linkNotFound();
  const { link, organization } = resolved;
  const reason = unavailableReason(link, ctx.now());
  if (reason)
    throw new LinkUnavailableError(
      organization.name,
      link.return_url,
      reason,
      link.inactive_message || UNAVAILABLE_SENTENCES[reason].body,
    );
  if (resolved.products.length === 0) throw new LinkUnavailableError(organization.name, link.return_url);
  return resolved;
};

/**
 * A link that can serve, from the link cache, without opening a session:
 * what a preview, a HEAD or a prefetch of the shared URL is answered from.
 * Throws `link_not_found` or `link_unavailable` as a click would.
 */
export async function servingLink(ctx: CoreContext, linkSecret: string): Promise<ResolvedLink> {
  const peeked = ctx.links.peek(linkSecret);
  return servableOrThrow(
    ctx,
    peeked === undefined ? await ctx.links.load(linkSecret, () => resolveLink(ctx, linkSecret)) : peeked,
  );
}

/** A link by its public secret with its buyable products and organization, or null when there is none. */
async function resolveLink(ctx: CoreContext, linkSecret: string): Promise<ResolvedLink | null> {
  const link = await findLinkBySecret(ctx.db, linkSecret);
  if (!link) return null;
  const products = (await loadProducts(ctx.db, await linkProductIds(ctx.db, link.id))).filter(
    (p) => !p.is_archived && p.prices.length > 0,
  );
  const options = sessionOptionsOf(link);
  return {
    link,
    products,
    organization: await getOrganization(ctx.db, link.organization_id),
    allowDiscountCodes: bool(link.allow_discount_codes),
    metadata: Object.freeze(parseJson<Metadata>(link.metadata, {})),
    productIdsJson: json(products.map((p) => p.id)),
    options: Object.freeze(options),
    optionsJson: json(options),
    findDiscountByCode: (code) => findDiscountByCode(ctx.db, link.organization_id, code),
  };
}
