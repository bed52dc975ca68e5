import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../server/config.ts';
import {
  createDiscount,
  createLink,
  createProduct,
  createSubscriptionProduct,
  openLink,
} from '../helpers/factories.ts';
import { startSmtpReceiver } from '../helpers/smtp-receiver.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const CARD = '4242424242424242';
const FAST = { MAIL_POLL_MS: '20', MAIL_RETRY_SCHEDULE_SECONDS: '0,0,0', MAIL_TIMEOUT_MS: '5000' };

/** A purchase through a link, as a customer makes it: the link, then the confirm. */
async function buy(server: TestServer, linkUrl: string, prefill: Record<string, string>, body: object = {}) {
  const { secret } = await openLink(linkUrl, prefill);
  const paid = await server.api(`/v1/checkouts/client/${secret}/confirm`, {
    body: { card_number: CARD, ...body },
    token: null,
  });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  return paid.body;
}

/** Waits until no mail is pending in the outbox (sent, written or failed for good). */
async function settled(server: TestServer) {
  for (;;) {
    const row = await server.ctx.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM outbox_deliveries WHERE channel IN ('receipt', 'order_notice') AND status = 'pending'",
    );
    if (Number(row?.n) === 0) return;
    await sleep(20);
  }
}

describe('receipts by email (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  test('a purchase through a link sends exactly one receipt: recipient, subject, totals, ids, support address', async () => {
    const smtp = await startSmtpReceiver();
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url, MAIL_FROM: 'Test Shop <receipts@shop.test>' });
    cleanups.push(() => server.stop());
    const org = await server.api('/v1/organizations/current', {
      method: 'PATCH',
      body: { support_email: 'help@shop.test' },
    });
    assert.equal(org.status, 200);
    assert.equal(org.body.support_email, 'help@shop.test');
    const product = await createProduct(server, { name: 'Field Guide' });
    await createDiscount(server, { code: 'TEN', type: 'percentage', basis_points: 1000 });
    const link = await createLink(server, [product.id], { allow_discount_codes: true });

    const paid = await buy(
      server,
      link.url,
      { customer_email: 'ada@example.com', customer_name: 'Ada Lovelace' },
      {
        discount_code: 'TEN',
      },
    );
    assert.equal(paid.receipt_email, 'ada@example.com', 'the success page may promise the email: it is sent');
    await smtp.waitFor(1);
    await settled(server);
    assert.equal(smtp.received.length, 1, 'exactly one message');
    const mail = smtp.at(0);
    assert.deepEqual(mail.to, ['ada@example.com']);
    assert.equal(mail.parsed.subject, 'Your receipt from Test Shop');
    assert.equal(mail.parsed.from?.value[0]?.address, 'receipts@shop.test');
    assert.equal(mail.parsed.replyTo?.value[0]?.address, 'help@shop.test');
    const text = mail.parsed.text ?? '';
    for (const line of [
      'Hello Ada Lovelace,',
      'Item: Field Guide',
      'Quantity: 1',
      'Amount: $25.00',
      'Discount: −$2.50',
      'Total paid: $22.50',
      `Order: ${paid.order_id}`,
      'help@shop.test',
    ])
      assert.ok(text.includes(line), `text part has "${line}":\n${text}`);
    const htmlPart = String(mail.parsed.html);
    assert.match(htmlPart, /\$22\.50/);
    assert.ok(htmlPart.includes(paid.order_id));

    // The order shows its receipt as sent, and the merchant got no notice (no notify_email).
    const order = await server.api(`/v1/orders/${paid.order_id}?expand=receipt`);
    assert.equal(order.body.receipt.status, 'sent');
    assert.equal(order.body.receipt.to, 'ada@example.com');
    assert.equal(order.body.receipt.attempts, 1);
    const plain = await server.api(`/v1/orders/${paid.order_id}`);
    assert.equal('receipt' in plain.body, false, 'without expand, the order as webhooks carry it');
    const bad = await server.api(`/v1/orders?expand=everything`);
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail[0].loc, ['query', 'expand']);
    const list = await server.api('/v1/orders?expand=receipt');
    assert.equal(list.body.items[0].receipt.status, 'sent');

    // Resend: a second message, on request only.
    const resent = await server.api(`/v1/orders/${paid.order_id}/receipt`, { method: 'POST' });
    assert.equal(resent.status, 202);
    assert.equal(resent.body.status, 'queued');
    await smtp.waitFor(2);
    await settled(server);
    assert.equal(smtp.received.length, 2);
    assert.equal(smtp.at(1).parsed.subject, 'Your receipt from Test Shop');
    assert.notEqual(smtp.at(1).parsed.messageId, mail.parsed.messageId);
    const unknown = await server.api('/v1/orders/00000000-0000-4000-8000-000000000000/receipt', { method: 'POST' });
    assert.equal(unknown.status, 404);
  });

  test('a subscription receipt names the next billing date; the merchant gets a "New order" notice', async () => {
    const smtp = await startSmtpReceiver();
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url });
    cleanups.push(() => server.stop());
    await server.api('/v1/organizations/current', { method: 'PATCH', body: { notify_email: 'owner@shop.test' } });
    const product = await createSubscriptionProduct(server);
    const link = await createLink(server, [product.id]);
    const paid = await buy(server, link.url, { customer_email: 'sub@example.com' });
    await smtp.waitFor(2);
    await settled(server);
    assert.equal(smtp.received.length, 2);
    const receipt = smtp.received.find((m) => m.to[0] === 'sub@example.com')!;
    const notice = smtp.received.find((m) => m.to[0] === 'owner@shop.test')!;
    assert.equal(receipt.parsed.subject, 'Your Test Shop subscription receipt');
    const sub = (await server.api(`/v1/subscriptions/${paid.subscription_id}?expand=receipt`)).body;
    const next = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(sub.current_period_end),
    );
    assert.ok(receipt.parsed.text?.includes(`Next billing date: ${next}`), receipt.parsed.text);
    assert.ok(receipt.parsed.text?.includes(`Subscription: ${paid.subscription_id}`));
    assert.equal(sub.receipt.status, 'sent');
    assert.match(notice.parsed.subject ?? '', /^New order: Membership \(\$/);
    assert.ok(notice.parsed.text?.includes('sub@example.com'));
  });

  test("a receipt is written in the page's language: German, Arabic right to left, English for an unknown tag", async () => {
    const smtp = await startSmtpReceiver();
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url });
    cleanups.push(() => server.stop());
    const org = await server.api('/v1/organizations/current', {
      method: 'PATCH',
      body: { notify_email: 'owner@shop.test', default_locale: 'fr' },
    });
    assert.equal(org.status, 200, JSON.stringify(org.body));
    const product = await createProduct(server, { name: 'Field Guide' });
    const link = await createLink(server, [product.id]);
    const bad = await openLink(link.url, { customer_email: 'bad@example.com' });
    const refused = await server.api(`/v1/checkouts/client/${bad.secret}/confirm`, {
      body: { card_number: CARD, locale: '<de>' },
      token: null,
    });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.detail[0].loc, ['body', 'locale']);

    const paid = await buy(
      server,
      link.url,
      { customer_email: 'max@example.com', customer_name: 'Max' },
      { locale: 'de' },
    );
    await buy(server, link.url, { customer_email: 'layla@example.com' }, { locale: 'ar' });
    await buy(server, link.url, { customer_email: 'kim@example.com' }, { locale: 'xx-YY' });
    await smtp.waitFor(6);
    await settled(server);
    const to = (address: string) => smtp.received.find((m) => m.to[0] === address)!.parsed;
    // The merchant's notices are in the organization's own language, whatever the customer read.
    const notices = smtp.received.filter((m) => m.to[0] === 'owner@shop.test').map((m) => m.parsed);
    assert.equal(notices.length, 3);
    for (const notice of notices) assert.match(notice.subject ?? '', /^Nouvelle commande : Field Guide \(/);

    const german = to('max@example.com');
    assert.equal(german.subject, 'Ihre Quittung von Test Shop');
    const euros = new Intl.NumberFormat('de', { style: 'currency', currency: 'USD' }).format(25);
    for (const line of ['Guten Tag Max,', 'Artikel: Field Guide', `Bezahlt: ${euros}`, `Bestellung: ${paid.order_id}`])
      assert.ok(german.text?.includes(line), `German text part has "${line}":\n${german.text}`);
    assert.match(String(german.html), /<html lang="de" dir="ltr">/);

    const arabic = to('layla@example.com');
    assert.equal(arabic.subject, 'إيصالك من Test Shop');
    assert.match(String(arabic.html), /<html lang="ar" dir="rtl">/);
    assert.match(String(arabic.html), /<th align="right"/, 'labels on the right, where Arabic starts');

    assert.equal(to('kim@example.com').subject, 'Your receipt from Test Shop');

    // A purchase that never had a receipt (as one made before receipts existed): Resend writes it in the
    // language of its checkout's confirm while the checkout is kept, else in the organization's.
    const unsent = async (address: string) => {
      const order = (await server.api('/v1/orders')).body.items.find((o: any) => o.customer_email === address);
      await server.ctx.db.run('DELETE FROM outbox_deliveries WHERE purchase_id = ?', [order.id]);
      return order;
    };
    const max = await unsent('max@example.com');
    const kim = await unsent('kim@example.com');
    await server.ctx.db.run('DELETE FROM checkout_sessions WHERE id = ?', [kim.checkout_id]);
    for (const order of [max, kim])
      assert.equal((await server.api(`/v1/orders/${order.id}/receipt`, { method: 'POST' })).status, 202);
    await smtp.waitFor(8);
    const resent = smtp.received.slice(6).map((m) => [m.to[0], m.parsed.subject]);
    assert.deepEqual(resent.sort(), [
      ['kim@example.com', 'Votre reçu de Test Shop'],
      ['max@example.com', 'Ihre Quittung von Test Shop'],
    ]);
  });

  test('HTML in product, organization and customer names arrives escaped', async () => {
    const smtp = await startSmtpReceiver();
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url });
    cleanups.push(() => server.stop());
    await server.api('/v1/organizations/current', { method: 'PATCH', body: { name: 'Shop <b>bold</b> & co' } });
    const product = await createProduct(server, { name: '<img src=x onerror=alert(1)>' });
    const link = await createLink(server, [product.id]);
    await buy(server, link.url, { customer_email: 'xss@example.com', customer_name: '<script>alert(2)</script>' });
    await smtp.waitFor(1);
    const htmlPart = String(smtp.at(0).parsed.html);
    assert.ok(!htmlPart.includes('<img src=x'), 'the product name is not markup');
    assert.ok(!htmlPart.includes('<script>'), 'the customer name is not markup');
    assert.ok(!htmlPart.includes('<b>bold</b>'), 'the organization name is not markup');
    assert.ok(htmlPart.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(htmlPart.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(htmlPart.includes('Shop &lt;b&gt;bold&lt;/b&gt; &amp; co'));
    // The plain part carries the names as typed.
    assert.ok(smtp.at(0).parsed.text?.includes('Item: <img src=x onerror=alert(1)>'));
  });

  test('a mail server refusing the first two attempts still gets exactly one message later', async () => {
    const smtp = await startSmtpReceiver((n) => n < 2);
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url });
    cleanups.push(() => server.stop());
    const link = await createLink(server, [(await createProduct(server)).id]);
    const paid = await buy(server, link.url, { customer_email: 'retry@example.com' });
    await smtp.waitFor(1);
    await settled(server);
    assert.equal(smtp.attempts(), 3, 'two refusals, then the accepted one');
    assert.equal(smtp.received.length, 1);
    const order = (await server.api(`/v1/orders/${paid.order_id}?expand=receipt`)).body;
    assert.equal(order.receipt.status, 'sent');
    assert.equal(order.receipt.attempts, 3);
  });

  test('a mail server that keeps refusing: retrying, then failed for good', async () => {
    const smtp = await startSmtpReceiver(() => true);
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url, MAIL_RETRY_SCHEDULE_SECONDS: '0,3600' });
    cleanups.push(() => server.stop());
    const link = await createLink(server, [(await createProduct(server)).id]);
    const paid = await buy(server, link.url, { customer_email: 'down@example.com' });
    assert.equal(paid.status, 'succeeded');
    while (smtp.attempts() < 2) await sleep(20);
    let order = (await server.api(`/v1/orders/${paid.order_id}?expand=receipt`)).body;
    while (order.receipt.attempts < 2) {
      await sleep(20);
      order = (await server.api(`/v1/orders/${paid.order_id}?expand=receipt`)).body;
    }
    assert.equal(order.receipt.status, 'retrying');
    assert.match(order.receipt.last_error, /Try again later/);
    assert.ok(order.receipt.next_attempt_at, 'the next try is scheduled');
    // Resend on a receipt waiting for its retry: tried now, not a second receipt.
    const resent = await server.api(`/v1/orders/${paid.order_id}/receipt`, { method: 'POST' });
    assert.equal(resent.body.id, order.receipt.id);
    await settled(server);
    order = (await server.api(`/v1/orders/${paid.order_id}?expand=receipt`)).body;
    assert.equal(order.receipt.status, 'failed');
    assert.equal(order.receipt.attempts, 3);
    assert.equal(smtp.received.length, 0);
  });

  test('a mail server that does not answer never holds up the confirm', async () => {
    let open = () => {};
    const smtp = await startSmtpReceiver(
      () => false,
      new Promise<void>((resolve) => {
        open = resolve;
      }),
    );
    cleanups.push(smtp.close);
    const server = await startTestServer({ ...FAST, SMTP_URL: smtp.url });
    cleanups.push(() => server.stop());
    const link = await createLink(server, [(await createProduct(server)).id]);
    const first = await buy(server, link.url, { customer_email: 'slow1@example.com' });
    while (smtp.attempts() < 1) await sleep(20);
    // The first receipt is stuck in the mail server's DATA: a second purchase still answers.
    const second = await buy(server, link.url, { customer_email: 'slow2@example.com' });
    assert.equal(second.status, 'succeeded');
    assert.equal(smtp.received.length, 0, 'nothing was accepted yet');
    const stuck = (await server.api(`/v1/orders/${first.order_id}?expand=receipt`)).body;
    assert.equal(stuck.receipt.status, 'queued');
    open();
    await smtp.waitFor(2);
    await settled(server);
    const done = (await server.api(`/v1/orders/${first.order_id}?expand=receipt`)).body;
    assert.equal(done.receipt.status, 'sent');
  });

  test('without SMTP_URL: an .eml file under DATA_DIR/outbox-mail, and no email promised', async () => {
    const server = await startTestServer(FAST);
    cleanups.push(() => server.stop());
    const dataDir = server.ctx.db.engine === 'sqlite' ? server.dataDir : '.tmp/unused';
    const link = await createLink(server, [(await createProduct(server, { name: 'Offline guide' })).id]);
    const paid = await buy(server, link.url, { customer_email: 'dev@example.com' });
    assert.equal(paid.receipt_email, null, 'no email is sent, so the page promises none');
    await settled(server);
    const order = (await server.api(`/v1/orders/${paid.order_id}?expand=receipt`)).body;
    assert.equal(order.receipt.status, 'written');
    const dir = join(dataDir, 'outbox-mail');
    const file = readdirSync(dir).find((f) => f.includes(order.receipt.id));
    assert.ok(file?.endsWith('.eml'), `an .eml file for the receipt in ${dir}`);
    const parsed = await simpleParser(readFileSync(join(dir, file!)));
    assert.equal((parsed.to as { value: { address: string }[] }).value[0]?.address, 'dev@example.com');
    assert.ok(parsed.text?.includes('Item: Offline guide'));
  });

  test('the configuration and the OpenAPI document know receipts', async () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example' }), /SMTP_URL/);
    assert.throws(() => loadConfig({ MAIL_FROM: 'not an address' }), /MAIL_FROM/);
    assert.throws(() => loadConfig({ MAIL_RETRY_SCHEDULE_SECONDS: '1,x' }), /MAIL_RETRY_SCHEDULE_SECONDS/);
    assert.equal(loadConfig({}).mail.from, 'checkout-link <no-reply@localhost>');
    assert.equal(
      loadConfig({ PUBLIC_URL: 'https://pay.shop.example' }).mail.from,
      'checkout-link <no-reply@pay.shop.example>',
    );
    assert.deepEqual(loadConfig({ MAIL_RETRY_SCHEDULE_SECONDS: '5,50' }).mail.retryScheduleSeconds, [5, 50]);
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const doc = (await server.api('/v1/openapi.json', { token: null })).body;
    assert.ok(doc.paths['/v1/orders/{id}/receipt'].post);
    assert.ok(doc.paths['/v1/subscriptions/{id}/receipt'].post);
    assert.ok(doc.paths['/v1/orders'].get.parameters.some((p: { name: string }) => p.name === 'expand'));
    assert.ok(doc.components.schemas.Organization.properties.support_email);
    assert.ok(doc.components.schemas.OrderWithReceipt.properties.receipt);
    assert.ok(doc.components.schemas.CheckoutPublic.properties.receipt_email);
    const bad = await server.api('/v1/organizations/current', { method: 'PATCH', body: { support_email: 'nope' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail[0].loc, ['body', 'support_email']);
    const cleared = await server.api('/v1/organizations/current', { method: 'PATCH', body: { notify_email: '' } });
    assert.equal(cleared.body.notify_email, null);
  });
});
