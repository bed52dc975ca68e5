import { createServer } from 'node:http';

/** The reference: the least a Node server can do to answer a redirect. */
const server = createServer((_req, res) => {
  res.writeHead(307, { location: 'http://localhost/checkout/cs_reference' });
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
