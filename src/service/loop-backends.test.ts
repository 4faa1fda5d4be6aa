/**
 * Corrections, feeds' bookkeeping and alerts on both backends: the same SQL must run on PGlite and on a Postgres
 * server (jsonb targets, timestamps, intervals). The Postgres run needs TEST_DATABASE_URL and gets a schema of its own.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../test/helpers.js';
import { FIXTURES, writeFixture } from '../server/fixtures.js';
import { addCorrection, listCorrections, undoCorrection } from './corrections.js';
import { getDocument } from './documents.js';
import { timeline } from './statements.js';
import { addAlert, alertMatches, getAlert, markSeen } from './alerts.js';
import { addFeed, feedLog, findFeed, pollFeed } from '../watch/feeds.js';
import { fixtureKb } from '../server/fixtures.js';

for (const backend of backends) {
  describe(`corrections, feeds and alerts on ${backend.name}`, { skip: backend.skip ?? false }, () => {
    test('a correction applies and is undone; an alert sees what is stored after it; a failed poll backs off', async () => {
      const store = await backend.open();
      try {
        const id = await writeFixture(store, FIXTURES[1]!);
        const reject = await addCorrection(store.db, { kind: 'event-reject', target: { document: id, local: 'v2' }, author: 'tester', reason: 'why not' });
        assert.deepEqual(reject.target, { document: id, start: FIXTURES[1]!.text.indexOf('accused'), end: FIXTURES[1]!.text.indexOf('accused') + 'accused'.length });
        assert.equal((await timeline(store.db, { type: 'ACCUSE' })).items.length, 0);
        assert.equal((await getDocument(store.db, id))!.events.find((v) => v.trigger.text === 'accused')!.rejected, true);
        await undoCorrection(store.db, reject.id, 'tester');
        assert.equal((await listCorrections(store.db, { all: true })).items[0]!.undoneBy, 'tester');
        assert.equal((await timeline(store.db, { type: 'ACCUSE' })).items.length, 1);

        const alert = await addAlert(store.db, 'accusations', { actor: 'kb:russia', type: 'ACCUSE' });
        assert.equal((await alertMatches(store.db, alert)).length, 1);
        assert.equal((await getAlert(store.db, alert.id))!.newMatches, 0);
        await writeFixture(store, { ...FIXTURES[1]!, text: FIXTURES[1]!.text.replace('Friday', 'Saturday') });
        assert.equal((await getAlert(store.db, alert.id))!.newMatches, 1);
        await markSeen(store.db, alert.id);
        assert.equal((await getAlert(store.db, alert.id))!.newMatches, 0);

        // Nothing listens on port 9 of loopback: the poll fails, is logged, and the feed backs off.
        const feed = await addFeed(store.db, 'http://127.0.0.1:9/feed.xml', { everySeconds: 60, allowPrivate: true });
        const line = await pollFeed(store, feed, { kb: fixtureKb(), timeoutMs: 2000 });
        assert.equal(line.status, 'failed');
        const backed = (await findFeed(store.db, feed.id))!;
        assert.equal(backed.failures, 1);
        assert.equal((Date.parse(backed.nextPollAt) - Date.parse(backed.lastPolledAt!)) / 1000, 120);
        assert.equal((await feedLog(store.db, feed.id)).length, 1);
      } finally {
        await store.dispose();
      }
    });
  });
}
