import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashToken } from '../../server/core/ids.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('access tokens: list, create, revoke (PostgreSQL when TEST_DATABASE_URL is set)', () => {
  let server: TestServer;
  let other: TestServer;
  before(async () => {
    server = await startTestServer();
    // A second instance on the same storage, as a second process would be.
    other = await startTestServer({}, server.dataDir);
  });
  after(async () => {
    await other.stop({ keepData: true });
    await server.stop();
  });

  test('create answers the token once; the list never shows it; it is stored hashed', async () => {
    const created = await server.api('/v1/tokens', { body: { label: 'Zapier', scopes: ['read'] } });
    assert.equal(created.status, 201);
    assert.match(created.body.token, /^clat_/);
    assert.equal(created.body.label, 'Zapier');
    assert.deepEqual(created.body.scopes, ['read']);
    assert.equal(created.body.last_used_at, null);

    const list = await server.api('/v1/tokens');
    assert.equal(list.status, 200);
    const listed = list.body.items.find((t: any) => t.id === created.body.id);
    assert.deepEqual(Object.keys(listed).sort(), ['created_at', 'id', 'label', 'last_used_at', 'scopes']);
    assert.ok(!JSON.stringify(list.body).includes(created.body.token));
    assert.equal(list.body.pagination.total_count, list.body.items.length);

    const row = await server.ctx.db.get<{ token_hash: string }>('SELECT token_hash FROM access_tokens WHERE id = ?', [
      created.body.id,
    ]);
    assert.equal(row!.token_hash, hashToken(created.body.token));
    const raw = await server.ctx.db.all('SELECT * FROM access_tokens');
    assert.ok(!JSON.stringify(raw).includes(created.body.token));

    // Its first use is recorded.
    assert.equal((await server.api('/v1/products', { token: created.body.token })).status, 200);
    const after = (await server.api('/v1/tokens')).body.items.find((t: any) => t.id === created.body.id);
    assert.ok(after.last_used_at);
  });

  test('a read token may list but neither create nor revoke tokens (403)', async () => {
    const read = (await server.api('/v1/tokens', { body: { label: 'read only', scopes: ['read'] } })).body;
    const victim = (await server.api('/v1/tokens', { body: { label: 'victim', scopes: ['read', 'write'] } })).body;
    assert.equal((await server.api('/v1/tokens', { token: read.token })).status, 200);
    const create = await server.api('/v1/tokens', {
      body: { label: 'escalate', scopes: ['write'] },
      token: read.token,
    });
    assert.equal(create.status, 403);
    assert.equal(create.body.error, 'insufficient_scope');
    const revoke = await server.api(`/v1/tokens/${victim.id}`, { method: 'DELETE', token: read.token });
    assert.equal(revoke.status, 403);
    assert.equal((await server.api('/v1/products', { token: victim.token })).status, 200);
  });

  test('a revoked token answers 401 at once, in this instance and in another one', async () => {
    const t = (await server.api('/v1/tokens', { body: { label: 'CI', scopes: ['read', 'write'] } })).body;
    assert.equal((await other.api('/v1/products', { token: t.token })).status, 200);
    const revoked = await server.api(`/v1/tokens/${t.id}`, { method: 'DELETE' });
    assert.equal(revoked.status, 204);
    assert.equal((await server.api('/v1/products', { token: t.token })).status, 401);
    assert.equal((await other.api('/v1/products', { token: t.token })).status, 401);
    assert.ok(!(await server.api('/v1/tokens')).body.items.some((x: any) => x.id === t.id));
    assert.equal((await server.api(`/v1/tokens/${t.id}`, { method: 'DELETE' })).status, 404);
  });

  test('bad input names the field; another organization’s token is a 404', async () => {
    const bad = await server.api('/v1/tokens', { body: { label: '', scopes: ['admin'] } });
    assert.equal(bad.status, 422);
    const locs = bad.body.detail.map((d: any) => d.loc.join('.'));
    assert.ok(locs.includes('body.label'), locs.join());
    assert.ok(
      locs.some((l: string) => l.startsWith('body.scopes')),
      locs.join(),
    );
    const empty = await server.api('/v1/tokens', { body: { label: 'x', scopes: [] } });
    assert.deepEqual(empty.body.detail[0].loc, ['body', 'scopes']);

    const foreign = await startTestServer();
    try {
      const theirs = (await foreign.api('/v1/tokens')).body.items[0];
      assert.equal((await server.api(`/v1/tokens/${theirs.id}`, { method: 'DELETE' })).status, 404);
      assert.equal((await foreign.api('/v1/products')).status, 200);
    } finally {
      await foreign.stop();
    }
  });
});
