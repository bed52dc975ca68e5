/**
 * The mock checkout page of the no-backend demo (demo/mock/checkout.html,
 * bundled to dist/mock/checkout.js). It stands in for the hosted checkout:
 * reads the session from `GET /v1/checkouts/client/{secret}`, pays with
 * `POST …/confirm`, and talks to the embedding page with the real page's
 * bridge (src/checkout-page/embed-bridge.ts), so the messages, their checks
 * and their target origin are the real ones.
 *
 * Framed, the page does not start MSW itself: its fetches go through the
 * service worker to the embedding page's handlers, which hold the session
 * the widget just created. Opened at the link URL (`?link=…`, the fallback
 * navigation or a plain click), it starts the worker and opens a session
 * from the query, as the real redirect does.
 */
import { createEmbedBridge, type EmbedBridge } from '../../src/checkout-page/embed-bridge.ts';
import { formatMoney } from '../../src/checkout-page/money.ts';
import type { CheckoutPublic } from '../../src/shared/schemas/index.ts';

interface ApiError {
  error: string;
  message: string;
  detail?: { loc: (string | number)[]; msg: string }[];
}
type Answer<T> = { ok: true; body: T } | { ok: false; body: ApiError };

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const query = new URLSearchParams(location.search);
const framed = window.parent !== window;
const mode = !framed ? 'standalone' : query.get('embed_mode') === 'inline' ? 'inline' : 'overlay';
document.body.classList.add(mode);

/** A JSON call to the mocked API; a network failure reads as an error like any other. */
async function call<T>(path: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
    const body = await res.json().catch(() => ({ error: 'bad_response', message: `HTTP ${res.status}` }));
    return res.ok ? { ok: true, body: body as T } : { ok: false, body: body as ApiError };
  } catch {
    return { ok: false, body: { error: 'network_error', message: 'The mocked API did not answer.' } };
  }
}

/** The session's client secret: from the query when framed, else a new session opened from the link URL's query. */
async function sessionSecret(): Promise<Answer<string>> {
  const secret = query.get('secret');
  if (secret) return { ok: true, body: secret };
  const link = query.get('link');
  if (!link) return { ok: false, body: { error: 'not_found', message: 'No checkout session named in the URL.' } };
  $('#link-note').hidden = false;
  // The worker module is served by the static server, not bundled here: it is the demo pages' own.
  const start = '/__mock/start.js';
  await import(/* @vite-ignore */ start);
  if (document.documentElement.dataset.mock !== 'ready')
    return { ok: false, body: { error: 'no_service_worker', message: 'This demo needs service workers.' } };
  const prefill = Object.fromEntries([...query].filter(([name]) => name !== 'link' && name !== 'scenario'));
  const created = await call<{ client_secret: string }>(`/v1/checkout-links/${encodeURIComponent(link)}/sessions`, {
    method: 'POST',
    body: JSON.stringify(prefill),
  });
  return created.ok ? { ok: true, body: created.body.client_secret } : created;
}

function render(checkout: CheckoutPublic) {
  $('#org').textContent = checkout.organization.name;
  $('#title').textContent = checkout.product.name;
  $('#product').textContent = checkout.product.name + (checkout.product.recurring_interval ? ' (monthly)' : '');
  const total = formatMoney(checkout.total_amount, checkout.currency);
  $('#total').textContent =
    total + (checkout.product.recurring_interval ? ` / ${checkout.product.recurring_interval}` : '');
  const discounted = checkout.discount_amount > 0;
  $('#discount-label').hidden = $('#discount').hidden = !discounted;
  $('#discount').textContent = discounted
    ? `−${formatMoney(checkout.discount_amount, checkout.currency)}${checkout.discount?.code ? ` (${checkout.discount.code})` : ''}`
    : '';
  $<HTMLInputElement>('#email').value = checkout.customer_email ?? '';
  renderFields(checkout);
  $('.pay').textContent = checkout.is_payment_required ? `Pay ${total} (simulated)` : 'Get it free (simulated)';
  for (const selector of ['#card', '[for=card]', '#card-hint']) $(selector).hidden = !checkout.is_payment_required;
  $('#pay-form').hidden = checkout.status !== 'open';
  if (checkout.status === 'expired') $('#load-error').textContent = 'This checkout session has expired.';
  if (checkout.status === 'succeeded') $('#done').hidden = false;
}

type FieldInput = HTMLInputElement | HTMLSelectElement;
const fieldInputs = () => [...$('#fields').querySelectorAll<FieldInput>('[data-field]')];

/**
 * The product's custom fields, prefilled from the session; the server checks
 * the answers on confirm (a required checkbox must be ticked). Built with DOM
 * calls: labels and options are the merchant's text, never parsed as HTML.
 */
function renderFields(checkout: CheckoutPublic) {
  const box = $('#fields');
  box.replaceChildren();
  for (const { custom_field: field, required } of checkout.product.attached_custom_fields) {
    const id = `field-${field.slug}`;
    const value = checkout.custom_field_data[field.slug];
    const text = `${field.properties.form_label ?? field.name}${required ? '' : ' (optional)'}`;
    let input: FieldInput;
    if (field.type === 'select') {
      input = document.createElement('select');
      input.append(new Option('Choose…', ''), ...field.properties.options.map((o) => new Option(o.label, o.value)));
      input.value = value == null ? '' : String(value);
    } else {
      input = document.createElement('input');
      input.type = field.type === 'checkbox' ? 'checkbox' : field.type === 'text' ? 'text' : field.type;
      if (field.type === 'checkbox') input.checked = value === true;
      else input.value = value == null ? '' : String(value);
    }
    Object.assign(input, { id, name: field.slug, required });
    input.dataset.field = field.type;
    input.setAttribute('aria-describedby', `${id}-error`);
    const label = Object.assign(document.createElement('label'), { htmlFor: id });
    const error = Object.assign(document.createElement('p'), { className: 'error', id: `${id}-error` });
    if (field.type === 'checkbox') {
      label.className = 'check';
      label.append(input, text);
      box.append(label, error);
    } else {
      label.textContent = text;
      box.append(label, input, error);
    }
  }
}

/** The answers as the API takes them: a checkbox's state, else the text (empty clears the answer). */
const fieldData = () =>
  Object.fromEntries(
    fieldInputs().map((el) => [
      el.name,
      el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value.trim() || null,
    ]),
  );

/** The input an error's `loc` names: `['customer_email']`, `['custom_field_data', slug]`, or those under `body`. */
function inputFor(loc: (string | number)[]): string | null {
  if (loc.includes('card_number')) return 'card';
  if (loc.includes('customer_email')) return 'email';
  const slug = loc[loc.indexOf('custom_field_data') + 1];
  return loc.includes('custom_field_data') && slug !== undefined && document.getElementById(`field-${slug}`)
    ? `field-${slug}`
    : null;
}

/** Shows the API's field errors next to their inputs, the rest above the button; focuses the first. */
function showErrors(error: ApiError) {
  const byField: Record<string, string> = {};
  for (const d of error.detail ?? []) {
    const field = inputFor(d.loc);
    if (field) byField[field] ??= d.msg;
  }
  for (const field of ['email', ...fieldInputs().map((el) => el.id), 'card']) {
    $(`#${field}-error`).textContent = byField[field] ?? '';
    $(`#${field}`).setAttribute('aria-invalid', String(Boolean(byField[field])));
  }
  $('#form-error').textContent = Object.keys(byField).length ? '' : error.message;
  const first = Object.keys(byField)[0];
  if (first) $(`#${first}`).focus();
}

function wire(checkout: CheckoutPublic, bridge: EmbedBridge) {
  let paying = false;
  const close = () => {
    if (!paying) bridge.post({ type: 'close' });
  };
  if (mode === 'overlay' && bridge.active) {
    const button = $('.close');
    button.hidden = false;
    button.addEventListener('click', close);
    // A click on the transparent area around the card is a click on the overlay's backdrop, as the customer sees it.
    let pressedOutside = false;
    const outside = (e: Event) => !$('main').contains(e.target as Node);
    document.addEventListener('pointerdown', (e) => {
      pressedOutside = outside(e);
    });
    document.addEventListener('click', (e) => {
      if (pressedOutside && outside(e)) close();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    });
  }

  $<HTMLFormElement>('#pay-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = $<HTMLInputElement>('#email');
    if (!email.checkValidity()) {
      const msg = email.value ? 'Enter a valid email address.' : 'Enter your email address.';
      showErrors({ error: 'validation_error', message: msg, detail: [{ loc: ['customer_email'], msg }] });
      return;
    }
    if (paying) return;
    paying = true;
    const pay = $<HTMLButtonElement>('.pay');
    const label = pay.textContent;
    pay.disabled = true;
    pay.textContent = 'Paying…';
    showErrors({ error: '', message: '' });
    const card = $<HTMLInputElement>('#card').value.replace(/\D/g, '');
    const result = await call<CheckoutPublic>(
      `/v1/checkouts/client/${encodeURIComponent(checkout.client_secret)}/confirm`,
      {
        method: 'POST',
        body: JSON.stringify({
          customer_email: email.value.trim(),
          custom_field_data: fieldData(),
          ...(card && { card_number: card }),
        }),
      },
    );
    paying = false;
    pay.disabled = false;
    pay.textContent = label;
    // As the real page: `confirmed` only once a payment really ran (paid or declined), never for a refused submit.
    const charged = result.ok || result.body.error === 'card_declined' || result.body.error === 'payment_failed';
    if (charged) bridge.post({ type: 'confirmed', checkout_id: checkout.id });
    if (!result.ok || result.body.status !== 'succeeded') {
      // Interactive again after a declined payment: the parent may allow closing.
      if (charged) bridge.post({ type: 'loaded', checkout_id: checkout.id });
      showErrors(result.ok ? { error: 'not_paid', message: 'The payment did not go through.' } : result.body);
      return;
    }
    const paid = result.body;
    render(paid);
    $<HTMLElement>('#done h2').focus();
    bridge.post({
      type: 'success',
      checkout_id: paid.id,
      order_id: paid.order_id,
      subscription_id: paid.subscription_id,
      customer_email: paid.customer_email,
      customer_name: paid.customer_name,
      success_url: paid.success_url,
      redirect: paid.success_url !== null,
    });
  });
}

async function main() {
  const secret = await sessionSecret();
  const loaded = secret.ok
    ? await call<CheckoutPublic>(`/v1/checkouts/client/${encodeURIComponent(secret.body)}`)
    : secret;
  $('main').setAttribute('aria-busy', 'false');
  if (!loaded.ok) {
    $('#title').textContent = 'Checkout unavailable';
    $('#load-error').textContent = loaded.body.message;
    return;
  }
  const checkout = loaded.body;
  // As on the real page: messages go only to the origin the server allowed (null when not framed or not allowed).
  const bridge = createEmbedBridge(framed && query.get('embed') === '1' ? checkout.embed_origin : null);
  render(checkout);
  wire(checkout, bridge);
  if (bridge.active) {
    const main = $('main');
    new ResizeObserver(() => {
      bridge.post({ type: 'resize', height: Math.ceil(main.getBoundingClientRect().height) });
    }).observe(main);
  }
  bridge.post({ type: 'loaded', checkout_id: checkout.id });
  if (mode === 'standalone') $('#title').focus();
}

void main();
