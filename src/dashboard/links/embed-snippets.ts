import { CUSTOM_FIELD_PREFIX } from '../../shared/prefill-params.ts';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { CustomField } from '../../shared/schemas/custom-field.ts';

/**
 * The code a merchant pastes, built from the link and the server's origin.
 * Plain strings (shown in read-only fields, never parsed as HTML here); the
 * label goes through `escapeHtml` because the merchant pastes it into HTML.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Script tag + a data-attribute anchor: works without JavaScript, opens the overlay with it. */
export function scriptTagSnippet(origin: string, link: Pick<CheckoutLink, 'url'>, text = 'Buy') {
  const url = escapeHtml(link.url);
  return `<script src="${origin}/embed.js" defer></script>\n<a href="${url}" data-checkout-link="${url}">${escapeHtml(text)}</a>`;
}

/** The `<checkout-link>` element, for frameworks and component-minded sites. */
export function elementSnippet(origin: string, link: Pick<CheckoutLink, 'url'>, text = 'Buy') {
  return `<script type="module" src="${origin}/checkout-link.js"></script>\n<checkout-link href="${escapeHtml(link.url)}">${escapeHtml(text)}</checkout-link>`;
}

/** Custom field slugs of the link's products, in order, once each. */
export function linkFieldSlugs(link: Pick<CheckoutLink, 'products'>): string[] {
  return [...new Set(link.products.flatMap((p) => p.attached_custom_fields.map((a) => a.custom_field.slug)))];
}

/** A value that fits the field's type, so the example URL prefills cleanly. */
function exampleValue(field: CustomField): string {
  switch (field.type) {
    case 'checkbox':
      return 'true';
    case 'number':
      return String(field.properties.ge ?? 1);
    case 'date':
      return field.properties.ge ?? '2027-01-15';
    case 'select':
      return field.properties.options[0]?.value ?? '';
    default:
      return 'Acme';
  }
}

export interface QueryParamDoc {
  name: string;
  example: string;
  description: string;
}

/** The prefill parameters this link understands, with examples that fit it. */
export function queryParamDocs(link: Pick<CheckoutLink, 'products' | 'allow_discount_codes'>): QueryParamDoc[] {
  const docs: QueryParamDoc[] = [
    { name: 'customer_email', example: 'jane@example.com', description: 'Prefill the customer’s email.' },
    { name: 'customer_name', example: 'Jane Doe', description: 'Prefill the customer’s name.' },
  ];
  if (link.allow_discount_codes)
    docs.push({ name: 'discount_code', example: 'LAUNCH20', description: 'Prefill a discount code.' });
  const custom = link.products.map((p) => p.prices[0]).find((p) => p?.amount_type === 'custom');
  if (custom?.amount_type === 'custom')
    docs.push({
      name: 'amount',
      example: String(custom.preset_amount ?? custom.minimum_amount),
      description: 'Prefill the amount of a pay-what-you-want price, in cents (minor units).',
    });
  const fields = new Map(
    link.products.flatMap((p) => p.attached_custom_fields.map((a) => [a.custom_field.slug, a.custom_field])),
  );
  for (const [slug, field] of fields)
    docs.push({
      name: `${CUSTOM_FIELD_PREFIX}${slug}`,
      example: exampleValue(field),
      description: `Prefill the “${field.name}” custom field (${field.type}).`,
    });
  return docs;
}

/** The link URL with every example parameter filled in. */
export function prefilledUrl(link: Pick<CheckoutLink, 'url'>, docs: QueryParamDoc[]): string {
  const url = new URL(link.url);
  for (const d of docs) url.searchParams.set(d.name, d.example);
  return url.href;
}
