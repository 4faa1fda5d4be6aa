/**
 * `dossier feeds`, `watch --once`, `alerts` and `corrections` as a user runs them: a child process over a store in a
 * temporary folder and a feed served on loopback.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/dossier.js');
const dir = mkdtempSync(join(tmpdir(), 'dossier-watch-cli-'));
let http: Server;
let base = '';

// Written for this test.
const ARTICLE = `<html><head><title>Snow training</title></head><body><article><h1>Snow training</h1>
<p>The government of North Macedonia asked NATO on Thursday for more training missions in the mountains, citing the hard winters of recent years.</p>
<p>Officials said the request covers the coming winter and the one after it, and that the army would provide the barracks and the transport.</p>
<p>A spokesman for the defence ministry said the missions would help the soldiers learn rescue work in deep snow, which the army has little of.</p>
</article></body></html>`;

/** Runs dossier without blocking the event loop (the feed server answers meanwhile). */
function dossier(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [BIN, '--data', join(dir, 'store'), ...args], { env: { ...process.env, DATABASE_URL: '', USER: 'tester' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => ok({ status, stdout, stderr }));
  });
}

before(async () => {
  http = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Wire</title>
        <item><title>Snow training</title><link>${base}/a/1</link><pubDate>Thu, 01 Feb 2024 10:00:00 GMT</pubDate></item></channel></rss>`);
    } else if (req.url === '/a/1') res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((ok) => http.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

test('feeds, watch --once, alerts and corrections from the command line', async () => {
  const bad = await dossier('feeds', 'add', `${base}/feed.xml`, '--every', 'often');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim(), 'dossier: --every: expected a period such as 90s, 30m, 2h or 1d (at most 30d), got "often"');
  assert.equal((await dossier('watch', '--once')).stderr.trim(), 'dossier: no feeds to watch (add one with `dossier feeds add URL [--every 30m]`)');
  const added = await dossier('feeds', 'add', `${base}/feed.xml`, '--every', '1h', '--allow-private');
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stdout, /^watching #1 http:\/\/127\.0\.0\.1:\d+\/feed\.xml every 1h/);
  const alert = await dossier('alerts', 'add', 'Snow', '--keyword', 'training missions');
  assert.match(alert.stdout, /^alert #1 Snow: /);

  const polled = await dossier('watch', '--once');
  assert.equal(polled.status, 0, polled.stderr);
  assert.match(polled.stdout, /feed\.xml {2}1 new item: 1 stored, 0 duplicate, 0 failed/);
  assert.match((await dossier('watch', '--once')).stdout, /no feed is due yet/);
  assert.match((await dossier('feeds', 'log')).stdout, /1 new item: 1 stored/);
  assert.match((await dossier('alerts')).stdout, /#1 +Snow +1 new/);
  const shown = await dossier('alerts', 'show', '1');
  assert.match(shown.stdout, /^\* 2024-02-01 {2}Snow training {2}Loop Wire/m);
  assert.match(shown.stdout, /more training missions in the mountains/);
  assert.match((await dossier('alerts')).stdout, /#1 +Snow +—/);

  const docs = JSON.parse((await dossier('docs', '--json')).stdout);
  const rejected = await dossier('correct', 'event', docs.items[0].id.slice(0, 8), 'v1', '--reject', '--why', 'test');
  assert.equal(rejected.status, 0, rejected.stderr);
  assert.match(rejected.stdout, /^recorded #1 .* tester {2}event “.*”.*: rejected {2}— test/);
  assert.match((await dossier('corrections')).stdout, /^#1 /);
  assert.match((await dossier('corrections', 'undo', '1')).stdout, /^undone #1/);
  assert.match((await dossier('corrections', 'undo', '1')).stderr, /^dossier: correction 1 was already undone \(\d{4}-/);
  assert.equal((await dossier('feeds', 'remove', '1')).status, 0);
  assert.match((await dossier('feeds', 'list')).stdout, /no feeds/);
});
