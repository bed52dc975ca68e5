import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import {
  hashToken,
  newId,
  newSecret,
  newSessionIds,
  newSessionSecret,
  newWebhookSecret,
  sameSecret,
  sessionIdFromSecret,
} from '../../server/core/ids.ts';

test('ids are UUIDv7, unique, and sort in creation order even within one millisecond', () => {
  const ids = Array.from({ length: 10_000 }, () => newId());
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  for (const id of ids.slice(0, 50)) {
    assert.ok(z.uuid().safeParse(id).success, id);
    assert.equal(id[14], '7', 'version 7');
    assert.match(id[19] ?? '', /[89ab]/, 'RFC 9562 variant');
  }
});

test('secrets carry 192 random bits, URL-safe, never repeated', () => {
  const secrets = Array.from({ length: 5_000 }, () => newSecret('cs_'));
  assert.equal(new Set(secrets).size, secrets.length);
  for (const s of secrets.slice(0, 50)) assert.match(s, /^cs_[A-Za-z0-9_-]{32}$/);
  // Every base64url character position varies: no constant bytes leak from the pool.
  const firstChars = new Set(secrets.map((s) => s[3]));
  assert.ok(firstChars.size > 40);
});

test('webhook secrets are whsec_ and the base64 of a 32-byte key, never repeated', () => {
  const secrets = Array.from({ length: 1_000 }, () => newWebhookSecret());
  assert.equal(new Set(secrets).size, secrets.length);
  for (const s of secrets.slice(0, 50)) {
    assert.match(s, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(Buffer.from(s.slice('whsec_'.length), 'base64').length, 32);
  }
});

test('tokens are stored as their SHA-256', () => {
  assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('a session secret carries its id and 128 random bits; anything else is not a secret of ours', () => {
  const id = newId();
  const a = newSessionSecret(id);
  const b = newSessionSecret(id);
  assert.match(a, /^cs_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b, 'the random half differs');
  assert.equal(sessionIdFromSecret(a), id);
  assert.ok(sameSecret(a, a));
  assert.ok(!sameSecret(a, b));
  for (const bad of [
    '',
    'cs_',
    `cl_${a.slice(3)}`,
    `${a}x`,
    a.slice(0, -1),
    'cs_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  ])
    assert.equal(sessionIdFromSecret(bad), null, bad);
});

test('a new session id and its secret, drawn together, are what newId and newSessionSecret make', () => {
  const made = Array.from({ length: 2_000 }, () => newSessionIds());
  const ids = made.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids, 'in creation order');
  for (const { id, clientSecret } of made.slice(0, 50)) {
    assert.ok(z.uuid().safeParse(id).success, id);
    assert.equal(id[14], '7', 'version 7');
    assert.match(clientSecret, /^cs_[A-Za-z0-9_-]{43}$/);
    assert.equal(sessionIdFromSecret(clientSecret), id);
  }
  assert.equal(new Set(made.map((m) => m.clientSecret.slice(-22))).size, made.length, 'the random half differs');
});
