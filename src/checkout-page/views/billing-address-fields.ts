import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { PageCatalog } from '../../i18n/catalog.ts';
import { COUNTRY_CODES } from '../../shared/countries.ts';
import type { CheckoutPublic } from '../../shared/schemas/checkout.ts';
import type { AddressDraft } from '../draft.ts';
import { lang, t } from '../strings.ts';
import { ariaInvalid, describedBy, type FieldMeta, field } from './field.ts';

let named: { lang: string; countries: [code: string, name: string][] } | undefined;

/** The countries named in the page's language, in its alphabetical order (built once, when first asked). */
function countries(): [string, string][] {
  const locale = lang();
  if (named?.lang !== locale) {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    const list = COUNTRY_CODES.map((code): [string, string] => [code, names.of(code) ?? code]);
    named = { lang: locale, countries: list.sort((a, b) => a[1].localeCompare(b[1], locale)) };
  }
  return named.countries;
}

type AddressKey = keyof AddressDraft;

const FIELDS: {
  key: Exclude<AddressKey, 'country'>;
  label: keyof PageCatalog;
  autocomplete: string;
  required: boolean;
}[] = [
  { key: 'line1', label: 'line1', autocomplete: 'address-line1', required: true },
  { key: 'line2', label: 'line2', autocomplete: 'address-line2', required: false },
  { key: 'postal_code', label: 'postalCode', autocomplete: 'postal-code', required: true },
  { key: 'city', label: 'city', autocomplete: 'address-level2', required: true },
  { key: 'state', label: 'state', autocomplete: 'address-level1', required: false },
];

/** The billing address the link asks for: country (a select), address, postal code, city, and optional lines. */
export function renderBillingAddress(
  c: CheckoutPublic,
  value: AddressDraft,
  meta: (key: AddressKey, label: string, required: boolean) => FieldMeta,
  onInput: (key: AddressKey, value: string) => void,
) {
  if (!c.require_billing_address) return nothing;
  const country = meta('country', t('country'), true);
  return html`<fieldset class="address">
    <legend class="section-title">${t('billingAddress')}</legend>
    ${field(
      country,
      html`<select id=${country.id} name="country" autocomplete="billing country" required .value=${live(value.country)}
        aria-describedby=${ifDefined(describedBy(country))} aria-invalid=${ariaInvalid(country)}
        @change=${(e: Event) => onInput('country', (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value.country}>${t('chooseCountry')}</option>
        ${countries().map(([code, name]) => html`<option value=${code} ?selected=${value.country === code}>${name}</option>`)}
      </select>`,
    )}
    ${FIELDS.map((f) => {
      const m = meta(f.key, t(f.label), f.required);
      return field(
        m,
        html`<input type="text" id=${m.id} name=${f.key} autocomplete=${`billing ${f.autocomplete}`} .value=${live(value[f.key])}
          ?required=${f.required} maxlength=${f.key === 'postal_code' ? 20 : f.key === 'city' || f.key === 'state' ? 100 : 200}
          aria-describedby=${ifDefined(describedBy(m))} aria-invalid=${ariaInvalid(m)}
          @input=${(e: Event) => onInput(f.key, (e.target as HTMLInputElement).value)}>`,
      );
    })}
  </fieldset>`;
}
