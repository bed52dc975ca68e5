import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { closeGracefully } from '../../server/http/graceful-close.ts';

/** A plain HTTP server with one route that answers when `release` is called, or at once. */
async function serve() {
  const held: (() => void)[] = [];
  const server = createServer((req, res) => {
    const answer = () => res.end(`answered ${req.url}`);
    if (req.url === '/slow') held.push(answer);
    else answer();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const release = () => {
    for (const answer of held.splice(0)) answer();
  };
  return { server, port, release };
}

/** Connects and waits until the server has accepted: a connection still in the backlog is reset by any close. */
const open = async (server: Server, port: number) => {
  const accepted = once(server, 'connection');
  const socket = connect(port, '127.0.0.1');
  await Promise.all([once(socket, 'connect'), accepted]);
  return socket;
};

/** Sends one keep-alive request and resolves with the raw response text once a full response is in. */
const ask = (socket: Socket, path: string) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    const onData = (d: Buffer) => {
      text += d;
      if (/\r\n\r\nanswered \S+$/.test(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: keep-alive\r\n\r\n`);
  });

test('a connection accepted just before shutdown still gets its first request answered', async () => {
  const { server, port } = await serve();
  const socket = await open(server, port);
  let reset = false;
  socket.on('error', () => (reset = true));
  const closed = closeGracefully(server, 30_000);
  // Shutdown has begun; the request is only now on the wire.
  await new Promise((r) => setTimeout(r, 100));
  const text = await ask(socket, '/late');
  assert.match(text, /^HTTP\/1\.1 200/);
  assert.match(text, /answered \/late$/);
  await closed;
  assert.equal(reset, false, 'the client saw no reset');
});

test('a request in flight finishes; the idle keep-alive connection beside it is closed', async () => {
  const { server, port, release } = await serve();
  const idle = await open(server, port);
  await ask(idle, '/first');
  const busy = await open(server, port);
  const slow = ask(busy, '/slow');
  await new Promise((r) => setTimeout(r, 50));
  let done = false;
  const closed = closeGracefully(server, 30_000).then(() => (done = true));
  await once(idle, 'close');
  assert.equal(done, false, 'shutdown waits for the request in flight');
  release();
  assert.match(await slow, /answered \/slow$/);
  await closed;
  if (!busy.destroyed) await once(busy, 'close');
});

test('after the timeout whatever is still open is cut', async () => {
  const { server, port } = await serve();
  const busy = await open(server, port);
  busy.on('error', () => {});
  void ask(busy, '/slow').catch(() => {});
  await new Promise((r) => setTimeout(r, 50));
  await closeGracefully(server, 200);
  if (!busy.destroyed) await once(busy, 'close');
  assert.equal(busy.destroyed, true);
});
