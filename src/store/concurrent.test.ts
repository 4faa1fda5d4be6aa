/**
 * Three writers on one Postgres server at once (three stores, three connection pools), starting together on a
 * fresh database: the migrations run once, every article is stored exactly once, each writer counts each of its
 * articles once as new or as a duplicate, and nothing is reported as failed. Skipped without TEST_DATABASE_URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from './store.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { ingest } from '../ingest/ingest.js';

const url = process.env.TEST_DATABASE_URL;

// Articles written for this test: each about a different town and trade, so that none nearly duplicates another.
const TOWNS = ['Berat', 'Korçë', 'Gjirokastër', 'Shkodër', 'Elbasan', 'Vlorë', 'Fier', 'Lezhë', 'Kukës', 'Pogradec', 'Tepelenë', 'Përmet'];
const TRADES = ['olive presses', 'bakeries', 'tanneries', 'printing shops', 'boatyards', 'vineyards', 'weaving mills', 'quarries',
  'apiaries', 'potteries', 'sawmills', 'dairies'];
const article = (i: number) => {
  const town = TOWNS[i % TOWNS.length]!;
  const trade = TRADES[(i * 5) % TRADES.length]!;
  return [
    `${trade[0]!.toUpperCase()}${trade.slice(1)} of ${town} report number ${i}`,
    '',
    `The chamber of commerce in ${town} counted ${40 + i} ${trade} this spring, ${i + 3} more than a year earlier.`,
    `Owners of the ${trade} told the local paper that orders from the coast had doubled since March.`,
    `A spokeswoman for the town hall of ${town} said a new road to the valley would open in ${2025 + (i % 3)}.`,
  ].join('\n');
};

// A long report and a lightly edited copy of it (the last sentence differs): near-duplicates of each other.
const report = (edited: boolean) => [
  'Harbour works in Durrës run late',
  '',
  ...Array.from({ length: 10 }, (_, i) => `Section ${i + 1}: the engineers on the southern quay said the crane rails and the drainage of berth ${i + 4} would need another season of work.`),
  edited ? 'The port authority declined to comment on Friday.' : 'The port authority did not answer questions on Friday.',
].join('\n');

test('three concurrent writers on a fresh Postgres database: each article stored once, counted once, no false failure',
  { skip: url ? false : 'TEST_DATABASE_URL is not set: the Postgres-server tests are skipped' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-concurrent-'));
    const kbDir = join(dir, 'kb');
    mkdirSync(kbDir);
    writeFileSync(join(kbDir, 'tiny.yaml'), 'entries:\n  - { id: berat, type: GPE, name: Berat, aliases: [] }\n');
    const kb = loadKnowledgeBase([kbDir]);

    // A database of its own, so the migrations start from nothing (the extension included); a schema of its own
    // where the role may not create databases.
    const name = `dossier_concurrent_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const target = new URL(url!);
    let drop: string;
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      target.pathname = `/${name}`;
      drop = `DROP DATABASE ${name}`;
    } catch {
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => {});
      await admin.query(`CREATE SCHEMA ${name}`);
      target.searchParams.set('options', `-c search_path=${name},public`);
      drop = `DROP SCHEMA ${name} CASCADE`;
    }

    const SHARED = 12;
    const OWN = 4;
    const files = (n: number, prefix: string, from: number) => Array.from({ length: n }, (_, k) => {
      const path = join(dir, `${prefix}-${from + k}.txt`);
      writeFileSync(path, article(from + k));
      return path;
    });
    const shared = files(SHARED, 'shared', 0);
    // Each writer: the shared articles in its own order, articles of its own, and a copy of the first shared
    // article under a name of its own (the same text: a second source of one document).
    const inputs = [0, 1, 2].map((w) => {
      const copy = join(dir, `copy-${w}.txt`);
      writeFileSync(copy, article(0));
      const order = w === 1 ? [...shared].reverse() : w === 2 ? shared.map((_, k) => shared[(k * 5) % SHARED]!) : shared;
      const extra = [copy];
      if (w < 2) {
        // Writers 0 and 1 each bring one of two near-duplicates: whichever is stored second is linked to the first.
        const near = join(dir, `report-${w}.txt`);
        writeFileSync(near, report(w === 1));
        extra.push(near);
      }
      return [...order, ...files(OWN, `own${w}`, 100 + w * OWN), ...extra];
    });

    let stores: Store[] = [];
    try {
      stores = await Promise.all([0, 1, 2].map(() => openStore({ databaseUrl: target.href })));
      const summaries = await Promise.all(stores.map((s, w) => ingest(s, inputs[w]!, { kb })));

      for (const [w, s] of summaries.entries()) {
        assert.deepEqual(s.failures, [], `writer ${w} reported no failure`);
        assert.equal(s.read, SHARED + OWN + (w < 2 ? 2 : 1));
        assert.equal(s.new + s.duplicate, s.read, `writer ${w}: every article counted once, as new or as duplicate`);
      }
      const distinct = SHARED + 3 * OWN + 2;
      assert.equal(summaries.reduce((n, s) => n + s.new, 0), distinct, 'each article new in exactly one writer');
      const stored = new Set(summaries.flatMap((s) => s.stored));
      assert.equal(stored.size, distinct);

      const db = stores[0]!.db;
      const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0]!.n);
      assert.equal(await count('SELECT count(*) AS n FROM documents'), distinct);
      assert.equal(await count('SELECT count(DISTINCT text) AS n FROM documents'), distinct);
      // The shared files are one source each (the same path from every writer); the copies add three.
      assert.equal(await count('SELECT count(*) AS n FROM document_sources'), distinct + 3);
      assert.equal(await count('SELECT count(*) AS n FROM schema_migrations'), await count("SELECT count(*) AS n FROM (SELECT DISTINCT version FROM schema_migrations) v"));
      // The near-duplicate pair is linked, whichever writer came second.
      assert.equal(summaries.reduce((n, s) => n + s.nearDuplicate, 0), 1);
      const linked = (await db.query<{ title: string; near_duplicate_of: string | null }>(
        `SELECT title, near_duplicate_of FROM documents WHERE title = 'Harbour works in Durrës run late'`)).rows;
      assert.equal(linked.length, 2);
      assert.equal(linked.filter((r) => r.near_duplicate_of).length, 1);
      // Every stored document has its layers (sentences), none was left half-written.
      assert.equal(await count('SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)'), 0);
      // Per-actor running counts agree with the rows they count.
      assert.equal(await count(`SELECT count(*) AS n FROM entities e WHERE e.document_count <>
        (SELECT count(*) FROM document_entities de WHERE de.entity_id = e.id)`), 0);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      // The closed pools' backends may take a moment to go.
      for (let i = 0; ; i++) {
        try {
          await admin.query(drop);
          break;
        } catch (err) {
          if (i >= 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
