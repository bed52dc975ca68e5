import { checkoutLinkCreate } from '../../src/shared/schemas/index.ts';
import { createAccessToken, findAccessToken } from '../core/access-tokens.ts';
import { createCheckoutLink } from '../core/checkout-links.ts';
import type { CoreContext } from '../core/context.ts';
import { createCustomField } from '../core/custom-fields.ts';
import { createDiscount } from '../core/discounts.ts';
import { createOrganization, getOrganization, updateOrganization } from '../core/organizations.ts';
import { createProduct } from '../core/products.ts';
import { LAUNCH_DISCOUNT } from './demo-discount.ts';

export interface DemoSeed {
  organizationId: string;
  token: string | null;
  linkUrl: string;
  linkSecret: string;
  /** The three products of the "Launch offer" link, for the demo site's per-card buttons. */
  productIds: DemoProductIds;
  created: boolean;
}

/** Ids of the demo products the demo site targets with `product-id`. */
export interface DemoProductIds {
  ebook: string;
  support: string;
  pro: string;
}

const DEMO_PRODUCT_NAMES: Record<keyof DemoProductIds, string> = {
  ebook: 'Field Guide to Checkout (e-book)',
  support: 'Support the project',
  pro: 'Pro membership',
};

/**
 * Seeds "Demo Shop" into an empty database. On later starts nothing is
 * written; the link is looked up again so its URL can be printed (the token
 * cannot: only its hash is stored).
 */
export async function seedDemo(
  ctx: CoreContext,
  options: { embedOrigins: string[]; token?: string },
): Promise<DemoSeed> {
  const existing = await ctx.db.get<{ id: string }>(
    "SELECT id FROM organizations WHERE name = 'Demo Shop' ORDER BY created_at LIMIT 1",
  );
  if (existing) {
    const link = await ctx.db.get<{ client_secret: string }>(
      "SELECT client_secret FROM checkout_links WHERE organization_id = ? AND label = 'Launch offer' AND deleted_at IS NULL",
      [existing.id],
    );
    let token: string | null = null;
    if (options.token) {
      // A DEMO_API_TOKEN set after the first start still signs in.
      if (!(await findAccessToken(ctx.db, options.token)))
        await createAccessToken(ctx, existing.id, { token: options.token, label: 'demo' });
      token = options.token;
    }
    // The demo site may run on another port than last time: keep it allowed to frame the checkout.
    const org = await getOrganization(ctx.db, existing.id);
    const missing = options.embedOrigins.filter((o) => !org.embed_origins.includes(o));
    if (missing.length) await updateOrganization(ctx, org.id, { embed_origins: [...org.embed_origins, ...missing] });
    const secret = link?.client_secret ?? '';
    const productIds = { ebook: '', support: '', pro: '' };
    for (const key of Object.keys(DEMO_PRODUCT_NAMES) as (keyof DemoProductIds)[]) {
      const row = await ctx.db.get<{ id: string }>(
        'SELECT id FROM products WHERE organization_id = ? AND name = ? ORDER BY created_at LIMIT 1',
        [existing.id, DEMO_PRODUCT_NAMES[key]],
      );
      productIds[key] = row?.id ?? '';
    }
    return {
      organizationId: existing.id,
      token,
      productIds,
      linkSecret: secret,
      linkUrl: secret ? `${ctx.publicUrl}/v1/checkout-links/${secret}/redirect` : '',
      created: false,
    };
  }

  const org = await createOrganization(ctx, { name: 'Demo Shop', embed_origins: options.embedOrigins });
  const { token } = await createAccessToken(ctx, org.id, { token: options.token, label: 'demo' });
  const company = await createCustomField(ctx, org.id, {
    type: 'text',
    slug: 'company',
    name: 'Company',
    properties: { form_label: 'Company', form_help_text: 'Shown on your invoice.', max_length: 200 },
  });
  const terms = await createCustomField(ctx, org.id, {
    type: 'checkbox',
    slug: 'terms',
    name: 'Terms',
    properties: { form_label: 'I accept the terms of service' },
  });
  const ebook = await createProduct(ctx, org.id, {
    name: 'Field Guide to Checkout (e-book)',
    description: 'A one-time purchase: the PDF and EPUB, yours to keep.',
    recurring_interval: null,
    prices: [{ amount_type: 'fixed', price_amount: 2900, price_currency: 'usd' }],
    attached_custom_fields: [{ custom_field_id: company.id, required: false }],
  });
  const tip = await createProduct(ctx, org.id, {
    name: 'Support the project',
    description: 'Pay what you want, from $5.',
    recurring_interval: null,
    prices: [
      {
        amount_type: 'custom',
        minimum_amount: 500,
        maximum_amount: 100_000,
        preset_amount: 1000,
        price_currency: 'usd',
      },
    ],
    attached_custom_fields: [],
  });
  const pro = await createProduct(ctx, org.id, {
    name: 'Pro membership',
    description: 'Monthly: every new chapter and the community.',
    recurring_interval: 'month',
    prices: [{ amount_type: 'fixed', price_amount: 900, price_currency: 'usd' }],
    attached_custom_fields: [
      { custom_field_id: company.id, required: false },
      { custom_field_id: terms.id, required: true },
    ],
  });
  await createProduct(ctx, org.id, {
    name: 'Sample chapter',
    description: 'Free: the first chapter as a PDF.',
    recurring_interval: null,
    prices: [{ amount_type: 'free', price_currency: 'usd' }],
    attached_custom_fields: [],
  });
  await createDiscount(ctx, org.id, LAUNCH_DISCOUNT);
  const link = await createCheckoutLink(
    ctx,
    org.id,
    checkoutLinkCreate.parse({
      label: 'Launch offer',
      products: [ebook.id, tip.id, pro.id],
      metadata: { campaign: 'launch' },
    }),
  );
  return {
    organizationId: org.id,
    token,
    linkUrl: link.url,
    linkSecret: link.client_secret,
    productIds: { ebook: ebook.id, support: tip.id, pro: pro.id },
    created: true,
  };
}
