import { html } from 'hono/html';
import type { Order, Subscription } from '../../../src/shared/schemas/index.ts';
import { type ReceiptStrings, receiptStrings } from './receipt-strings.ts';

/**
 * What a receipt is written from, kept in the outbox event in the order's
 * transaction: the purchase as the API answers it, and the checkout's locale.
 */
export interface ReceiptPayload {
  locale: string;
  purchase: { kind: 'order'; record: Order } | { kind: 'subscription'; record: Subscription };
}

/** The organization as a receipt names it, read when the mail is sent. */
export interface ReceiptSender {
  name: string;
  support_email: string | null;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

interface Line {
  label: string;
  value: string;
}

/** The receipt's facts once, in words and formatted for the locale; both parts are written from them. */
function describe(payload: ReceiptPayload, org: ReceiptSender, t: ReceiptStrings) {
  const { locale, purchase } = payload;
  const p = purchase.record;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: p.currency.toUpperCase() });
  const amount = (minor: number) => money.format(minor / 10 ** (money.resolvedOptions().maximumFractionDigits ?? 2));
  const date = (at: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));
  const subscription = purchase.kind === 'subscription' ? purchase.record : null;
  const per = subscription ? t.perInterval(subscription.recurring_interval) : '';
  // A trial's end, once links offer trials (a subscription record carries `trial_end` then).
  const trialEnd = (subscription as { trial_end?: string | null } | null)?.trial_end ?? null;
  const lines: Line[] = [
    { label: t.item, value: p.product_name },
    // Every purchase is of one unit until links offer an adjustable quantity.
    { label: t.quantity, value: new Intl.NumberFormat(locale).format((p as { quantity?: number }).quantity ?? 1) },
    { label: t.amount, value: amount(p.amount) + per },
    ...(p.discount_amount > 0 ? [{ label: t.discount, value: `−${amount(p.discount_amount)}` }] : []),
  ];
  const total = { label: t.total, value: amount(p.total_amount) };
  const facts: Line[] = [
    { label: subscription ? t.subscriptionId : t.orderId, value: p.id },
    { label: t.date, value: date(p.created_at) },
    ...(trialEnd ? [{ label: t.trialEnds, value: date(trialEnd) }] : []),
    ...(subscription ? [{ label: t.nextBilling, value: date(subscription.current_period_end) }] : []),
  ];
  return {
    subject: subscription ? t.subscriptionSubject(org.name) : t.orderSubject(org.name),
    heading: subscription ? t.subscriptionHeading : t.orderHeading,
    intro: subscription ? t.subscriptionIntro(org.name) : t.orderIntro(org.name),
    greeting: t.greeting(p.customer_name),
    lines,
    total,
    facts,
    support: org.support_email ? t.support(org.support_email) : t.noSupport(org.name),
  };
}

const textLines = (lines: Line[]) => lines.map((l) => `${l.label}: ${l.value}`).join('\n');

/**
 * An HTML table of label/value rows. `html` escapes every interpolated value:
 * product, organization and customer names are the merchant's and the
 * customer's own text and must never become markup.
 */
const rows = (lines: Line[], style = '') =>
  lines.map(
    (l) =>
      html`<tr><th align="left" style="padding:4px 12px 4px 0;font-weight:normal;color:#555${style}">${l.label}</th><td align="right" style="padding:4px 0${style}">${l.value}</td></tr>`,
  );

/** The customer's receipt: subject, plain text and HTML, in the checkout's locale. */
export async function renderReceipt(payload: ReceiptPayload, org: ReceiptSender): Promise<MailContent> {
  const d = describe(payload, org, receiptStrings(payload.locale));
  const text = [
    d.greeting,
    '',
    d.intro,
    '',
    textLines(d.lines),
    textLines([d.total]),
    '',
    textLines(d.facts),
    '',
    d.support,
    '',
    `— ${org.name}`,
  ].join('\n');
  const body = await html`<!doctype html>
<html lang="${payload.locale}"><head><meta charset="utf-8"><title>${d.subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f7;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td>
<h1 style="font-size:20px;margin:0 0 16px">${d.heading}</h1>
<p>${d.greeting}</p>
<p>${d.intro}</p>
<table role="presentation" width="100%" style="border-collapse:collapse;margin:16px 0">
${rows(d.lines)}
${rows([d.total], ';border-top:1px solid #ddd;font-weight:bold;color:#1a1a1a')}
</table>
<table role="presentation" width="100%" style="border-collapse:collapse;margin:16px 0;font-size:14px">
${rows(d.facts)}
</table>
<p style="font-size:14px;color:#555">${d.support}</p>
<p style="font-size:14px;color:#555">— ${org.name}</p>
</td></tr></table>
</body></html>`;
  return { subject: d.subject, text, html: String(body) };
}

/** The merchant's short "New order" notice. */
export async function renderOrderNotice(payload: ReceiptPayload, org: ReceiptSender): Promise<MailContent> {
  const t = receiptStrings(payload.locale);
  const d = describe(payload, org, t);
  const p = payload.purchase.record;
  const customer = {
    label: t.customer,
    value: p.customer_name ? `${p.customer_name} <${p.customer_email}>` : p.customer_email,
  };
  const lines = [customer, ...d.lines, d.total, ...d.facts];
  const body = await html`<!doctype html>
<html lang="${payload.locale}"><head><meta charset="utf-8"></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a">
<p>${t.noticeIntro(org.name)}</p>
<table role="presentation" style="border-collapse:collapse">${rows(lines)}</table>
</body></html>`;
  return {
    subject: t.noticeSubject(p.product_name, d.total.value),
    text: [t.noticeIntro(org.name), '', textLines(lines)].join('\n'),
    html: String(body),
  };
}
