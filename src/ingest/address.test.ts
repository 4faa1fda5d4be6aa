/**
 * The address guard in every form an address can take: plain IPv4, IPv4 carried inside IPv6 (mapped, translated,
 * NAT64, 6to4), IPv4-compatible, Teredo, and the IANA special-purpose ranges of both families; and the fetch that
 * uses it, on the address connected to and on every redirect hop.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { blockedReason, ipv6Groups, isPublicAddress } from './address.js';
import { fetchUrl, FetchError } from './fetch.js';

const refused: [string, RegExp][] = [
  // IPv4 special-purpose registry, one address in each range, and its edges where they matter.
  ['0.0.0.0', /this network/], ['0.255.255.255', /this network/],
  ['10.0.0.1', /private/], ['10.255.255.255', /private/],
  ['100.64.0.1', /shared/], ['100.127.255.254', /shared/],
  ['127.0.0.1', /loopback/], ['127.1.2.3', /loopback/],
  ['169.254.169.254', /link-local/],
  ['172.16.0.1', /private/], ['172.31.255.255', /private/],
  ['192.0.0.8', /IETF/], ['192.0.0.170', /IETF/],
  ['192.0.2.10', /documentation/], ['198.51.100.7', /documentation/], ['203.0.113.99', /documentation/],
  ['192.31.196.1', /AS112/], ['192.52.193.1', /AMT/], ['192.88.99.1', /6to4 relay/], ['192.175.48.6', /AS112/],
  ['192.168.1.1', /private/],
  ['198.18.0.1', /benchmarking/], ['198.19.255.255', /benchmarking/],
  ['224.0.0.251', /multicast/], ['239.255.255.250', /multicast/],
  ['240.0.0.1', /reserved/], ['255.255.255.255', /reserved|broadcast/],
  // IPv6 special-purpose registry.
  ['::', /unspecified/], ['::1', /loopback/], ['0:0:0:0:0:0:0:1', /loopback/],
  ['64:ff9b:1::a', /local-use/], ['100::1', /discard/],
  ['2001::1', /IETF/], ['2001:2::1', /IETF/], ['2001:db8::1', /documentation/], ['3fff::1', /documentation/],
  ['2620:4f:8000::1', /AS112/], ['5f00::1', /segment routing/],
  ['fc00::1', /unique local/], ['fd12:3456::1', /unique local/],
  ['fe80::1', /link-local/], ['fe80::1%eth0', /link-local/], ['febf::1', /link-local/],
  ['fec0::1', /site-local/], ['ff02::1', /multicast/],
  // IPv4-mapped, written every way the URL parser and resolvers write it.
  ['::ffff:127.0.0.1', /IPv4-mapped 127\.0\.0\.1: loopback/],
  ['::ffff:7f00:1', /IPv4-mapped 127\.0\.0\.1: loopback/],
  ['0:0:0:0:0:ffff:7f00:1', /IPv4-mapped 127\.0\.0\.1: loopback/],
  ['0000:0000:0000:0000:0000:FFFF:7F00:0001', /IPv4-mapped 127\.0\.0\.1: loopback/],
  ['::ffff:a9fe:a9fe', /IPv4-mapped 169\.254\.169\.254: link-local/],
  ['::ffff:10.1.2.3', /IPv4-mapped 10\.1\.2\.3: private/],
  ['::ffff:c0a8:101', /IPv4-mapped 192\.168\.1\.1: private/],
  ['[::ffff:127.0.0.1]', /loopback/],
  // SIIT-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated).
  ['::ffff:0:7f00:1', /IPv4-translated 127\.0\.0\.1/], ['::ffff:0:10.0.0.1', /IPv4-translated 10\.0\.0\.1: private/],
  ['::127.0.0.1', /IPv4-compatible/], ['::7f00:1', /IPv4-compatible/], ['::a9fe:a9fe', /IPv4-compatible/], ['::8.8.8.8', /IPv4-compatible/],
  // NAT64 and 6to4 carrying private addresses.
  ['64:ff9b::127.0.0.1', /NAT64 127\.0\.0\.1: loopback/], ['64:ff9b::7f00:1', /NAT64 127\.0\.0\.1/],
  ['64:ff9b::a9fe:a9fe', /NAT64 169\.254\.169\.254/], ['64:ff9b::c0a8:1', /NAT64 192\.168\.0\.1: private/],
  ['2002:7f00:1::', /6to4 127\.0\.0\.1: loopback/], ['2002:a00:1::1', /6to4 10\.0\.0\.1: private/],
  ['2002:a9fe:a9fe:1:2:3:4:5', /6to4 169\.254\.169\.254/],
  // Teredo carries a server and an obfuscated client address; the whole prefix is refused.
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /Teredo/], ['2001:0:7f00:1::1', /Teredo/],
  // Not addresses at all.
  ['localhost', /not an IP address/], ['', /not an IP address/],
];

const allowed = ['8.8.8.8', '1.1.1.1', '93.184.215.14', '100.63.255.255', '100.128.0.1', '172.15.255.255', '172.32.0.1', '192.0.1.1',
  '198.17.255.255', '198.20.0.1', '223.255.255.255', '2606:4700:4700::1111', '2a00:1450:4001:81c::200e', '2001:4860:4860::8888',
  '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '64:ff9b::1.1.1.1', '2002:808:808::1'];

test('every special-purpose address is refused, in every form, with the range named', () => {
  for (const [ip, why] of refused) {
    const reason = blockedReason(ip);
    assert.ok(reason, `${ip} should be refused`);
    assert.match(reason, why, `${ip}: ${reason}`);
    assert.equal(isPublicAddress(ip), false);
  }
});

test('ordinary public addresses pass, also when carried in IPv6', () => {
  for (const ip of allowed) assert.equal(blockedReason(ip), null, ip);
});

test('IPv6 text forms parse to the same groups', () => {
  const loop = [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1];
  assert.deepEqual(ipv6Groups('::ffff:127.0.0.1'), loop);
  assert.deepEqual(ipv6Groups('0:0:0:0:0:ffff:7f00:1'), loop);
  assert.deepEqual(ipv6Groups('[::FFFF:7F00:1]'), loop);
  assert.deepEqual(ipv6Groups('1::'), [1, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(ipv6Groups('1.2.3.4'), null);
});

let server: Server;
let port = 0;
const hits: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/hop-name') {
      res.writeHead(302, { location: `http://inside.example:${port}/inside` });
      res.end();
    } else if (req.url === '/hop-literal') {
      res.writeHead(301, { location: `http://[::ffff:7f00:1]:${port}/inside` });
      res.end();
    } else if (req.url === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync('The council met on Tuesday. '.repeat(2000)));
    } else if (req.url === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('The first line arrives, ');
      // …and the rest never does.
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('The council met on Tuesday.');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

async function refusedFetch(url: string, opts = {}): Promise<string> {
  const err = await fetchUrl(url, opts).then(() => null, (e) => e);
  assert.ok(err instanceof FetchError, `${url} should be refused, got ${err}`);
  return err.message;
}

test('URLs naming loopback in any form are refused before anything is sent', async () => {
  hits.length = 0;
  for (const host of ['127.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[0:0:0:0:0:ffff:7f00:1]', '[::127.0.0.1]', '[64:ff9b::7f00:1]',
    '[2002:7f00:1::]', '[::1]', '0x7f.1', '2130706433', '127.1', '[::ffff:a9fe:a9fe]']) {
    const message = await refusedFetch(`http://${host}:${port}/x`);
    assert.match(message, /private or local address .*--allow-private/, host);
  }
  assert.deepEqual(hits, [], 'the server saw no request');
});

test('a host name is checked on the address the connection uses (no DNS rebinding)', async () => {
  hits.length = 0;
  // A rebinding name answers a public address to a first look and a private one to the connection. There is no
  // first look here: the name is resolved once, by the connection, and that answer is the one checked.
  let asked = 0;
  const resolve = async () => {
    asked++;
    return [{ address: '127.0.0.1', family: 4 }];
  };
  const message = await refusedFetch(`http://news.example:${port}/x`, { resolve });
  assert.match(message, /127\.0\.0\.1: loopback/);
  assert.equal(asked, 1, 'resolved once, by the connection itself');
  const mapped = await refusedFetch(`http://news.example:${port}/x`, { resolve: async () => [{ address: '::ffff:7f00:1', family: 6 }] });
  assert.match(mapped, /IPv4-mapped 127\.0\.0\.1/);
  const mixed = await refusedFetch(`http://news.example:${port}/x`, { resolve: async () => [{ address: '8.8.8.8', family: 4 }, { address: 'fd00::5', family: 6 }] });
  assert.match(mixed, /fd00::5: unique local/);
  assert.match(await refusedFetch(`http://localhost:${port}/x`), /loopback/);
  assert.deepEqual(hits, []);
});

test('every redirect hop is checked again', async () => {
  // The test server's own address is let through, so the first hop is fetched; where it redirects is checked anew.
  const guard = (ip: string) => (ip === '127.0.0.1' ? null : blockedReason(ip));
  hits.length = 0;
  const literal = await refusedFetch(`http://127.0.0.1:${port}/hop-literal`, { guard });
  assert.match(literal, /IPv4-mapped 127\.0\.0\.1: loopback.*\(redirected to http:\/\/\[::ffff:7f00:1\]/);
  const named = await refusedFetch(`http://127.0.0.1:${port}/hop-name`, { guard, resolve: async () => [{ address: '10.0.0.7', family: 4 }] });
  assert.match(named, /10\.0\.0\.7: private.*redirected to http:\/\/inside\.example/);
  assert.deepEqual(hits, ['/hop-literal', '/hop-name'], 'only the first hops reached the server');
  // With --allow-private the same redirect is followed.
  const page = await fetchUrl(`http://127.0.0.1:${port}/hop-literal`, { allowPrivate: true });
  assert.equal(page.body.toString(), 'The council met on Tuesday.');
  assert.equal(page.url, `http://[::ffff:7f00:1]:${port}/inside`);
});

test('a body that stops arriving times out, and the message says so', async () => {
  const message = await refusedFetch(`http://127.0.0.1:${port}/trickle`, { allowPrivate: true, timeoutMs: 500 });
  assert.equal(message, 'timed out after 0.5 s while reading the body');
});

test('a compressed body is decompressed, and the size cap applies to what it decompresses to', async () => {
  const page = await fetchUrl(`http://127.0.0.1:${port}/gzip`, { allowPrivate: true });
  assert.equal(page.body.toString(), 'The council met on Tuesday. '.repeat(2000));
  const capped = await refusedFetch(`http://127.0.0.1:${port}/gzip`, { allowPrivate: true, maxBytes: 10_000 });
  assert.match(capped, /is larger than the 10 KB limit/);
});
