import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, test } from 'node:test';
import { startChild } from '../helpers/child-server.ts';
import { createLink, createProduct, openLink } from '../helpers/factories.ts';
import { deliveriesSettled, pendingDeliveries } from '../helpers/outbox.ts';
import { startSmtpReceiver } from '../helpers/smtp-receiver.ts';
import { startTestServer } from '../helpers/test-server.ts';

const CARD = '4242424242424242';
const FAST = { MAIL_POLL_MS: '20', MAIL_RETRY_SCHEDULE_SECONDS: '0,0', MAIL_TIMEOUT_MS: '500' };

const confirm = (base: string, secret: string) =>
  fetch(`${base}/v1/checkouts/client/${secret}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card_number: CARD }),
  });

describe('receipts survive crashes and are sent once across processes (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  test('SIGKILL between the order and the send, restart on the same data: the receipt is delivered once', async () => {
    const smtp = await startSmtpReceiver();
    cleanups.push(smtp.close);
    const setup = await startTestServer();
    const link = await createLink(setup, [(await createProduct(setup)).id]);
    await setup.stop({ keepData: true });

    // A lease (four timeouts) that outlasts the restart below on a loaded machine, so the crash is seen pending.
    const { url, child } = await startChild(setup.dataDir, 'before-mail-send', {
      ...FAST,
      MAIL_TIMEOUT_MS: '1500',
      SMTP_URL: smtp.url,
    });
    const exited = once(child, 'exit');
    const { secret } = await openLink(link.url.replace(setup.url, url), { customer_email: 'kill@example.com' });
    // The child may die before or after answering: the order and its receipt are committed either way.
    await confirm(url, secret).catch(() => null);
    const [, signal] = await exited;
    assert.equal(signal, 'SIGKILL', 'the child died holding the claimed receipt');
    assert.equal(smtp.attempts(), 0, 'nothing reached the mail server');

    // A longer timeout here keeps a loaded machine from failing the one attempt.
    const server = await startTestServer({ ...FAST, MAIL_TIMEOUT_MS: '10000', SMTP_URL: smtp.url }, setup.dataDir);
    cleanups.push(() => server.stop());
    assert.equal(await pendingDeliveries(server, 'receipt'), 1, 'the crash left the receipt pending in the outbox');
    await smtp.waitFor(1);
    await deliveriesSettled(server, 'receipt');
    const [order] = (await server.api('/v1/orders?expand=receipt')).body.items;
    assert.equal(order.customer_email, 'kill@example.com');
    assert.equal(order.receipt.status, 'sent');
    assert.equal(order.receipt.attempts, 1, 'the killed claim was not an attempt');
    assert.equal(smtp.received.length, 1, 'delivered once');
    assert.deepEqual(smtp.at(0).to, ['kill@example.com']);
  });

  test('two server processes on one database send one receipt per order', async () => {
    const smtp = await startSmtpReceiver();
    cleanups.push(smtp.close);
    // A lease long enough that only a real double claim, not a slow send on a loaded machine, could send twice.
    const env = { ...FAST, MAIL_TIMEOUT_MS: '15000', SMTP_URL: smtp.url };
    const a = await startTestServer(env);
    cleanups.push(() => a.stop());
    const link = await createLink(a, [(await createProduct(a)).id]);
    const { url: bUrl, child } = await startChild(a.dataDir, '', env);
    cleanups.push(async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    });
    const purchases = 12;
    await Promise.all(
      Array.from({ length: purchases }, async (_, i) => {
        const base = i % 2 ? bUrl : a.url;
        const { secret } = await openLink(link.url.replace(a.url, base), { customer_email: `p${i}@example.com` });
        assert.equal((await confirm(base, secret)).status, 200);
      }),
    );
    await smtp.waitFor(purchases);
    await deliveriesSettled(a, 'receipt');
    const recipients = smtp.received.map((m) => m.to[0]);
    assert.equal(recipients.length, purchases, 'one message per order');
    assert.equal(new Set(recipients).size, purchases, 'no receipt was sent twice');
    const orders = (await a.api('/v1/orders?limit=100&expand=receipt')).body.items;
    assert.equal(orders.length, purchases);
    for (const o of orders) {
      assert.equal(o.receipt.status, 'sent');
      assert.equal(o.receipt.attempts, 1);
    }
  });
});
