import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLink, createProduct, openLink } from '../helpers/factories.ts';
import { testServers } from '../helpers/test-server.ts';

describe('two server instances on one database, as two processes would be (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  const servers = testServers();
  after(() => servers.stopAll());

  test('a link made on one serves on the other; a payment on one reaches the other’s stream; a delete shows within the cache time', async () => {
    const a = await servers.start();
    const b = await servers.sharing(a, { LINK_CACHE_MS: '300' });

    const link = await createLink(a, [(await createProduct(a)).id]);
    const onB = link.url.replace(a.url, b.url);
    const { secret } = await openLink(onB, { customer_email: 'two@example.com' });

    const controller = new AbortController();
    const res = await fetch(`${b.url}/v1/checkouts/client/${secret}/stream`, { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('"status":"open"');
    const paid = await a.api(`/v1/checkouts/client/${secret}/confirm`, {
      body: { card_number: '4242424242424242' },
      token: null,
    });
    assert.equal(paid.status, 200);
    await readUntil('"status":"succeeded"');
    assert.match(text, /"status":"succeeded"/, 'B saw A’s payment by re-reading storage');
    controller.abort();

    assert.equal((await fetch(onB, { redirect: 'manual' })).status, 307);
    await a.api(`/v1/checkout-links/${link.id}`, { method: 'DELETE' });
    await sleep(400);
    assert.equal((await fetch(onB, { redirect: 'manual' })).status, 404, 'B stops serving once its cache entry lapses');
  });
});
