import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore, type Store } from '../store/store.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { addFeed, feedLog, findFeed, listFeeds, parseEvery, pollFeed, removeFeed } from './feeds.js';
import { startWatcher } from './watcher.js';
import { addAlert, alertMatches, getAlert, listAlerts, markSeen } from '../service/alerts.js';

// Articles written for this test.
const page = (title: string, paragraphs: string[]) =>
  `<html><head><title>${title}</title></head><body><nav>Home | World</nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const TITLES: Record<string, string> = { '/a/1': 'Envoys meet in Skopje', '/a/2': 'Training missions asked for' };
const ARTICLES: Record<string, string> = {
  '/a/1': page('Envoys meet in Skopje', [
    'Jens Stoltenberg met Prime Minister Hristijan Mickoski in Skopje on Tuesday to discuss the reform of the army and the budget for the coming years.',
    'The two men spoke for an hour in the government building and then walked to the square, where a small crowd had gathered to watch the motorcade.',
    'Officials from both sides said the talks had been friendly and that a further meeting would be held in the spring, once the budget is passed.',
  ]),
  '/a/2': page('Training missions asked for', [
    'The government of North Macedonia asked NATO on Thursday for more training missions in the mountains, citing the hard winters of recent years.',
    'Officials said the request covers the coming winter and the one after it, and that the army would provide the barracks and the transport.',
    'A spokesman for the defence ministry said the missions would help the soldiers learn rescue work in deep snow, which the army has little of.',
  ]),
};

describe('watched feeds and alerts', () => {
  let http: Server;
  let base: string;
  let store: Store;
  let items = ['/a/1'];
  let failNext = false;
  let requests: { path: string; ifNoneMatch: string | undefined }[] = [];
  const kb = defaultKnowledgeBase();
  const feedXml = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>${items.map((p, i) =>
    `<item><title>${TITLES[p]}</title><link>${base}${p}</link><pubDate>Thu, 0${i + 1} Feb 2024 10:00:00 GMT</pubDate></item>`).join('')}</channel></rss>`;

  before(async () => {
    http = createServer((req, res) => {
      requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
      if (req.url === '/feed.xml') {
        if (failNext) {
          failNext = false;
          res.writeHead(503).end();
          return;
        }
        const etag = `"v${items.length}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feedXml());
        return;
      }
      const page = ARTICLES[req.url ?? ''];
      if (page) res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    store = await openStore({ dataDir: 'memory://' });
  });
  after(async () => {
    await store.close();
    await new Promise((ok) => http.close(ok));
  });

  test('periods read as people write them; a bad one is one line naming it', () => {
    assert.equal(parseEvery('30m'), 1800);
    assert.equal(parseEvery('90s'), 90);
    assert.equal(parseEvery('2h'), 7200);
    assert.equal(parseEvery('15'), 900);
    assert.throws(() => parseEvery('soon'), /--every: expected a period such as 90s/);
    assert.throws(() => parseEvery('0s'), /--every/);
  });

  test('the address guard stays: a local feed is refused unless the feed allows private addresses', async () => {
    const feed = await addFeed(store.db, `${base}/feed.xml`, { everySeconds: 60 });
    const line = await pollFeed(store, feed, { kb });
    assert.equal(line.status, 'failed');
    assert.match(line.message!, /private or local address/);
    const after = (await findFeed(store.db, feed.id))!;
    assert.equal(after.failures, 1);
    // Backoff: the next poll waits twice the period.
    const wait = (Date.parse(after.nextPollAt) - Date.parse(after.lastPolledAt!)) / 1000;
    assert.ok(wait >= 119 && wait <= 121, `waits ${wait} s`);
    assert.ok(await removeFeed(store.db, feed.id));
    assert.deepEqual(await listFeeds(store.db), []);
  });

  test('a watched local feed with a new item is in the store and in a matching alert within one polling period', async (t) => {
    requests = [];
    const feed = await addFeed(store.db, `${base}/feed.xml`, { everySeconds: 1, allowPrivate: true });
    const alert = await addAlert(store.db, 'training missions', { keyword: 'training missions' });
    const byActor = await addAlert(store.db, '', { actor: 'kb:north-macedonia', type: 'REQUEST' });
    const polls: string[] = [];
    const watcher = startWatcher(store, { kb, maxSleepMs: 200, onPoll: (_f, line) => polls.push(line.status) });
    try {
      const until = async (what: string, ok: () => Promise<boolean>, ms: number) => {
        const end = Date.now() + ms;
        while (!(await ok())) {
          if (Date.now() > end) assert.fail(`${what}: not within ${ms} ms (polls: ${polls.join(', ')})`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await until('first poll', async () => polls.length >= 1, 30_000);
      assert.equal(polls[0], 'fetched');
      assert.equal((await getAlert(store.db, alert.id))!.newMatches, 0, 'the first article does not match');
      // Unchanged, the feed answers 304 to the ETag it gave.
      await until('a conditional poll', async () => polls.includes('not-modified'), 5_000);
      assert.equal(requests.filter((r) => r.path === '/feed.xml').at(-1)!.ifNoneMatch, '"v1"');

      items = ['/a/1', '/a/2'];
      const added = Date.now();
      await until('the new item', async () => (await getAlert(store.db, alert.id))!.newMatches === 1, 1000 + 20_000);
      const took = Date.now() - added;
      const matches = await alertMatches(store.db, (await getAlert(store.db, alert.id))!);
      assert.equal(matches.length, 1);
      assert.equal(matches[0]!.title, 'Training missions asked for');
      assert.equal(matches[0]!.isNew, true);
      assert.match(matches[0]!.evidence, /more training missions/);
      assert.equal(requests.filter((r) => r.path === '/a/1').length, 1, 'an item is fetched once');
      const log = await feedLog(store.db, feed.id);
      const got = log.find((l) => l.newDocuments === 1 && l.documentIds.includes(matches[0]!.documentId));
      assert.ok(got, JSON.stringify(log));
      // One period (1 s) plus fetching and analysing the article.
      t.diagnostic(`the new item was stored and matched ${took} ms after the feed listed it (period 1 s)`);
      assert.ok(took < 1000 + 15_000, `took ${took} ms`);
      const actorAlert = (await listAlerts(store.db)).find((a) => a.id === byActor.id)!;
      assert.equal(actorAlert.name, 'actor kb:north-macedonia, type REQUEST');
      await markSeen(store.db, alert.id);
      assert.equal((await getAlert(store.db, alert.id))!.newMatches, 0);
      assert.equal((await alertMatches(store.db, (await getAlert(store.db, alert.id))!))[0]!.isNew, false);
    } finally {
      await watcher.stop();
    }
  });

  test('a failing feed is logged and backed off, then recovers', async () => {
    const feed = (await findFeed(store.db, `${base}/feed.xml`))!;
    failNext = true;
    const failed = await pollFeed(store, feed, { kb });
    assert.equal(failed.status, 'failed');
    assert.match(failed.message!, /HTTP 503/);
    const backed = (await findFeed(store.db, feed.id))!;
    assert.equal(backed.failures, 1);
    assert.match(backed.lastError!, /503/);
    const ok = await pollFeed(store, backed, { kb });
    assert.notEqual(ok.status, 'failed');
    assert.equal((await findFeed(store.db, feed.id))!.failures, 0);
  });
});
