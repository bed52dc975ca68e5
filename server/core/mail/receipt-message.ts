import { html } from 'hono/html';
import type { Order, Subscription } from '../../../src/shared/schemas/index.ts';
import { type ReceiptWords, receiptCatalogTag, receiptWords } from './receipt-strings.ts';

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
  /** The merchant's own language, which their "New order" notice is written in; null: the checkout's. */
  default_locale: string | null;
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
function describe(payload: ReceiptPayload, org: ReceiptSender, t: ReceiptWords) {
  const { locale, purchase } = payload;
  const p = purchase.record;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: p.currency.toUpperCase() });
  const amount = (minor: number) => money.format(minor / 10 ** (money.resolvedOptions().maximumFractionDigits ?? 2));
  const date = (at: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));
  const subscription = purchase.kind === 'subscription' ? purchase.record : null;
  const per = subscription ? t(subscription.recurring_interval === 'year' ? 'perYear' : 'perMonth') : '';
  // A trial's end, once links offer trials (a subscription record carries `trial_end` then).
  const trialEnd = (subscription as { trial_end?: string | null } | null)?.trial_end ?? null;
  const lines: Line[] = [
    { label: t('item'), value: p.product_name },
    // Every purchase is of one unit until links offer an adjustable quantity.
    { label: t('quantity'), value: new Intl.NumberFormat(locale).format((p as { quantity?: number }).quantity ?? 1) },
    { label: t('amount'), value: amount(p.amount) + per },
    ...(p.discount_amount > 0 ? [{ label: t('discount'), value: `−${amount(p.discount_amount)}` }] : []),
  ];
  const total = { label: t('total'), value: amount(p.total_amount) };
  const facts: Line[] = [
    { label: t(subscription ? 'subscriptionId' : 'orderId'), value: p.id },
    { label: t('date'), value: date(p.created_at) },
    ...(trialEnd ? [{ label: t('trialEnds'), value: date(trialEnd) }] : []),
    ...(subscription ? [{ label: t('nextBilling'), value: date(subscription.current_period_end) }] : []),
  ];
  return {
    subject: t(subscription ? 'subscriptionSubject' : 'orderSubject', { org: org.name }),
    heading: t(subscription ? 'subscriptionHeading' : 'orderHeading'),
    intro: t(subscription ? 'subscriptionIntro' : 'orderIntro', { org: org.name }),
    greeting: p.customer_name ? t('greetingNamed', { name: p.customer_name }) : t('greeting'),
    lines,
    total,
    facts,
    support: org.support_email ? t('support', { address: org.support_email }) : t('noSupport', { org: org.name }),
  };
}

const textLines = (lines: Line[]) => lines.map((l) => `${l.label}: ${l.value}`).join('\n');

/**
 * An HTML table of label/value rows. `html` escapes every interpolated value:
 * product, organization and customer names are the merchant's and the
 * customer's own text and must never become markup.
 */
const rows = (lines: Line[], dir: Direction, style = '') =>
  lines.map(
    (l) =>
      html`<tr><th align="${dir.start}" style="padding:${dir.labelPadding};font-weight:normal;color:#555${style}">${l.label}</th><td align="${dir.end}" style="padding:4px 0${style}">${l.value}</td></tr>`,
  );

interface Direction {
  dir: 'ltr' | 'rtl';
  start: 'left' | 'right';
  end: 'left' | 'right';
  /** The gap between a label and its value, on the label's inner side. */
  labelPadding: string;
}

/** Arabic reads right to left: the document says so, and labels and values swap sides (mail clients know no `start`). */
const direction = (locale: string): Direction =>
  receiptCatalogTag(locale) === 'ar'
    ? { dir: 'rtl', start: 'right', end: 'left', labelPadding: '4px 0 4px 12px' }
    : { dir: 'ltr', start: 'left', end: 'right', labelPadding: '4px 12px 4px 0' };

/** The customer's receipt: subject, plain text and HTML, in the checkout's locale. */
export async function renderReceipt(payload: ReceiptPayload, org: ReceiptSender): Promise<MailContent> {
  const d = describe(payload, org, receiptWords(payload.locale));
  const dir = direction(payload.locale);
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
<html lang="${payload.locale}" dir="${dir.dir}"><head><meta charset="utf-8"><title>${d.subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f7;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<tr><td>
<h1 style="font-size:20px;margin:0 0 16px">${d.heading}</h1>
<p>${d.greeting}</p>
<p>${d.intro}</p>
<table role="presentation" width="100%" style="border-collapse:collapse;margin:16px 0">
${rows(d.lines, dir)}
${rows([d.total], dir, ';border-top:1px solid #ddd;font-weight:bold;color:#1a1a1a')}
</table>
<table role="presentation" width="100%" style="border-collapse:collapse;margin:16px 0;font-size:14px">
${rows(d.facts, dir)}
</table>
<p style="font-size:14px;color:#555">${d.support}</p>
<p style="font-size:14px;color:#555">— ${org.name}</p>
</td></tr></table>
</body></html>`;
  return { subject: d.subject, text, html: String(body) };
}

/** The merchant's short "New order" notice. */
export async function renderOrderNotice(payload: ReceiptPayload, org: ReceiptSender): Promise<MailContent> {
  const merchant = { ...payload, locale: org.default_locale ?? payload.locale };
  const t = receiptWords(merchant.locale);
  const d = describe(merchant, org, t);
  const dir = direction(merchant.locale);
  const p = payload.purchase.record;
  const customer = {
    label: t('customer'),
    value: p.customer_name ? `${p.customer_name} <${p.customer_email}>` : p.customer_email,
  };
  const lines = [customer, ...d.lines, d.total, ...d.facts];
  const body = await html`<!doctype html>
<html lang="${merchant.locale}" dir="${dir.dir}"><head><meta charset="utf-8"></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a">
<p>${t('noticeIntro', { org: org.name })}</p>
<table role="presentation" style="border-collapse:collapse">${rows(lines, dir)}</table>
</body></html>`;
  return {
    subject: t('noticeSubject', { product: p.product_name, total: d.total.value }),
    text: [t('noticeIntro', { org: org.name }), '', textLines(lines)].join('\n'),
    html: String(body),
  };
}
