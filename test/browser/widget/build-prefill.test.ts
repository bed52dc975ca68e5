import { expect } from '@open-wc/testing';
import type { Prefill } from '../../../src/shared/prefill-params.ts';
import {
  addQueryPrefill,
  buildPrefill,
  prefillFromAttributes,
  withPrefill,
} from '../../../src/widget/build-prefill.ts';

describe('buildPrefill', () => {
  // Strongest first: own > provider > page query. The result is flat (query names), whatever the input's shape.
  const cases: { name: string; own?: Prefill; provider?: Prefill; page?: string; expected: object }[] = [
    { name: 'nothing set', expected: {} },
    {
      name: 'page query alone carries through',
      page: '?customer_email=q@x.io&utm_source=news',
      expected: { customer_email: 'q@x.io', utm_source: 'news' },
    },
    {
      name: 'provider beats page query',
      provider: { customer_email: 'p@x.io' },
      page: '?customer_email=q@x.io',
      expected: { customer_email: 'p@x.io' },
    },
    {
      name: 'own beats provider and page',
      own: { customer_email: 'o@x.io' },
      provider: { customer_email: 'p@x.io' },
      page: '?customer_email=q@x.io',
      expected: { customer_email: 'o@x.io' },
    },
    {
      name: 'an empty own value does not hide a weaker one',
      own: { customer_name: '' },
      provider: { customer_name: 'Ada' },
      expected: { customer_name: 'Ada' },
    },
    {
      name: 'sources combine field by field',
      own: { amount: 1500 },
      provider: { discount_code: 'LAUNCH20' },
      page: '?reference_id=r1',
      expected: { reference_id: 'r1', discount_code: 'LAUNCH20', amount: 1500 },
    },
    {
      name: 'custom fields merge slug by slug',
      own: { custom_field_data: { company: 'Own Co' } },
      provider: { custom_field_data: { company: 'Prov Co', team: 'a' } },
      page: '?custom_field_data.team=b&custom_field_data.size=3',
      expected: {
        'custom_field_data.company': 'Own Co',
        'custom_field_data.team': 'a',
        'custom_field_data.size': '3',
      },
    },
    {
      name: 'page query: unknown and page-only names are ignored',
      page: '?foo=1&theme=dark&locale=fr&product_id=p',
      expected: { product_id: 'p' },
    },
    {
      name: 'page query: every utm_* name',
      page: '?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d&utm_term=e',
      expected: { utm_source: 'a', utm_medium: 'b', utm_campaign: 'c', utm_content: 'd', utm_term: 'e' },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect(buildPrefill(c.own, c.provider, c.page)).to.deep.equal(c.expected);
    });

  it('takes flat custom fields as well as nested ones, and its own result as input', () => {
    const own = buildPrefill({ 'custom_field_data.company': 'Flat Co', custom_field_data: { company: 'Nested Co' } });
    expect(own).to.deep.equal({ 'custom_field_data.company': 'Flat Co' });
    expect(buildPrefill(own, { custom_field_data: { company: 'Prov', team: 't' } })).to.deep.equal({
      'custom_field_data.company': 'Flat Co',
      'custom_field_data.team': 't',
    });
  });

  it('keeps the first of repeated query keys, as the server does', () => {
    expect(addQueryPrefill('?customer_email=a@x.io&customer_email=b@x.io')).to.deep.equal({
      customer_email: 'a@x.io',
    });
  });
});

describe('prefillFromAttributes', () => {
  it('reads data- attributes and data-custom-field-*', () => {
    const el = document.createElement('button');
    el.innerHTML = '';
    for (const [k, v] of Object.entries({
      'data-customer-email': 'a@x.io',
      'data-customer-name': 'Ada',
      'data-discount-code': 'LAUNCH20',
      'data-amount': '1500',
      'data-product-id': 'p1',
      'data-reference-id': 'r1',
      'data-theme': 'dark',
      'data-locale': 'ja',
      'data-custom-field-company': 'Acme',
      'customer-email': 'ignored@x.io',
    }))
      el.setAttribute(k, v);
    expect(prefillFromAttributes(el, 'data-')).to.deep.equal({
      customer_email: 'a@x.io',
      customer_name: 'Ada',
      discount_code: 'LAUNCH20',
      amount: '1500',
      product_id: 'p1',
      reference_id: 'r1',
      theme: 'dark',
      locale: 'ja',
      'custom_field_data.company': 'Acme',
    });
  });

  // Snippet buttons carry `data-…`, the element plain attributes.
  for (const [name, snippetValue, elementValue] of [
    ['quantity', '3', '2'],
    ['locale', 'pt-BR', 'ja'],
  ] as const)
    it(`reads ${name} from data-${name} (snippet) and ${name} (element)`, () => {
      const button = document.createElement('button');
      button.setAttribute(`data-${name}`, snippetValue);
      expect(prefillFromAttributes(button, 'data-')).to.deep.equal({ [name]: snippetValue });
      const el = document.createElement('checkout-link-test');
      el.setAttribute(name, elementValue);
      expect(prefillFromAttributes(el, '')).to.deep.equal({ [name]: elementValue });
    });

  it('reads plain attributes with the empty prefix (custom fields stay data-custom-field-*)', () => {
    const el = document.createElement('checkout-link-test');
    el.setAttribute('customer-email', 'a@x.io');
    el.setAttribute('amount', '');
    el.setAttribute('data-custom-field-team', 'core');
    expect(prefillFromAttributes(el, '')).to.deep.equal({
      customer_email: 'a@x.io',
      'custom_field_data.team': 'core',
    });
  });
});

describe('withPrefill', () => {
  it('adds the prefill as query parameters, custom fields as custom_field_data.{slug}', () => {
    const url = new URL(
      withPrefill('https://pay.example/v1/checkout-links/cl_1/redirect?utm_source=x', {
        customer_email: 'a+b@x.io',
        amount: 1500,
        customer_name: '',
        custom_field_data: { company: 'A & B' },
      }),
    );
    expect(url.origin + url.pathname).to.equal('https://pay.example/v1/checkout-links/cl_1/redirect');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      utm_source: 'x',
      customer_email: 'a+b@x.io',
      amount: '1500',
      'custom_field_data.company': 'A & B',
    });
  });

  it('resolves a relative link URL against the page', () => {
    expect(withPrefill('/v1/checkout-links/cl_1/redirect', {})).to.equal(
      `${location.origin}/v1/checkout-links/cl_1/redirect`,
    );
  });
});
