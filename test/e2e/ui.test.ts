/**
 * The web UI in a real browser: a server on a free port over a fresh store, the seed articles imported through the
 * API and a hand-written article through the Import view, then every view opened and checked for real content.
 * Screenshots go to test-output/; with UPDATE_SCREENSHOTS=1 the main views also go to docs/screenshots/ for the
 * README (so that an ordinary test run leaves the work tree clean).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, openPage } from './browser.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { ensureWebBuilt, startServer, type RunningServer } from '../../src/server/serve.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const OUT = join(ROOT, 'test-output');
const DOCS = join(ROOT, 'docs/screenshots');
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1';

const skip = chromiumMissing() || (!existsSync(SEEDS) ? `${SEEDS} is missing: the browser tests import the seed articles from there` : false);

describe('web UI in Chromium', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];

  const api = async (path: string) => (await fetch(new URL(path, server.url))).json() as Promise<any>;
  const open = async (hash: string) => {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('main h1');
  };
  const shoot = async (name: string, forDocs = false) => {
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
    if (forDocs && UPDATE_DOCS) await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage: false });
  };

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    mkdirSync(DOCS, { recursive: true });
    await ensureWebBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-e2e-'));
    server = await startServer({ port: 0, host: '127.0.0.1', store: { dataDir }, kb: defaultKnowledgeBase(), noBuild: true });
    ({ browser, page } = await openPage(pageErrors));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('an empty store opens on the Import view; pasted text is imported and stays text', async () => {
    await page.goto(server.url);
    await page.waitForSelector('main[data-view="import"] h1');
    await shoot('import-empty');
    // Markup inside an article must be shown as characters and never run.
    const text = 'Serbia and NATO officials met again in Belgrade this week to plan a joint rescue drill.\n\n' +
      'A forum post quoted in the piece contained <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> verbatim.';
    await page.fill('textarea[name="text"]', text);
    await page.fill('input[name="title"]', 'A drill is planned');
    await page.fill('input[name="date"]', '2023-06-01');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.progress[data-status="done"] .new-documents a');
    await shoot('import', true);
    await page.click('.new-documents a');
    await page.waitForSelector('[data-testid="document-text"]');
    const shown = await page.textContent('[data-testid="document-text"]');
    assert.ok(shown!.includes('<script>window.__pwned = 1</script>'), 'the script tag is shown as text');
    assert.ok(shown!.includes('<img src=x onerror="window.__pwned = 2">'), 'the img tag is shown as text');
    assert.equal(await page.locator('[data-testid="document-text"] script, [data-testid="document-text"] img').count(), 0);
    assert.equal(await page.evaluate(() => (window as any).__pwned), undefined);
  });

  test('the seed articles import through the API', async () => {
    const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as { documents: { file: string; date: string }[] };
    for (const d of manifest.documents) {
      const form = new FormData();
      form.append('files', new Blob([readFileSync(join(SEEDS, d.file))]), d.file);
      form.set('date', d.date);
      const res = await fetch(new URL('/api/import?wait=true', server.url), { method: 'POST', body: form });
      const job = await res.json() as any;
      assert.equal(job.status, 'done', JSON.stringify(job));
      assert.equal(job.summary.new, 1, `${d.file}: ${JSON.stringify(job.summary.failures)}`);
    }
    assert.equal((await api('/api/stats')).documents, manifest.documents.length + 1);
  });

  test('Overview shows counts, actors and the chart', async () => {
    await open('#/overview');
    await page.waitForSelector('.actors li');
    assert.match((await page.textContent('.counts'))!, /6\s*documents/);
    assert.ok(await page.locator('.barchart rect.bar').count() > 0);
    await shoot('overview', true);
  });

  test('an entity page of a quoted person shows the quote', async () => {
    const people = (await api('/api/entities?type=PERSON&limit=50')).items as { id: string }[];
    let speaker: { id: string; name: string; quote: string } | null = null;
    for (const p of people) {
      const profile = await api(`/api/entities/${encodeURIComponent(p.id)}`);
      if (profile.quotes.length) {
        speaker = { id: p.id, name: profile.name, quote: profile.quotes[0].text };
        break;
      }
    }
    assert.ok(speaker, 'some person in the seeds has a quote');
    await open(`#/entity/${encodeURIComponent(speaker.id)}`);
    assert.equal((await page.textContent('main h1'))!.startsWith(speaker.name), true);
    await page.waitForSelector('.quotes blockquote');
    const quotes = await page.locator('.quotes blockquote').allTextContents();
    assert.ok(quotes.includes(speaker.quote), `the quote “${speaker.quote.slice(0, 60)}” is shown`);
    await shoot('entity', true);
  });

  test('the reader highlights mentions that link to their entity', async () => {
    const doc = (await api('/api/documents?source=upload&limit=1')).items[0];
    await open(`#/doc/${doc.id}`);
    const mention = page.locator('[data-testid="document-text"] a.mention').first();
    await mention.waitFor();
    const href = (await mention.getAttribute('href'))!;
    assert.match(href, /^#\/entity\//);
    assert.ok((await mention.getAttribute('title'))!.length > 0, 'hovering names the entity');
    await shoot('reader', true);
    const target = decodeURIComponent(href.replace('#/entity/', ''));
    const name = (await api(`/api/entities/${encodeURIComponent(target)}`)).name as string;
    await mention.click();
    await page.waitForSelector('main[data-view="entity"] h1');
    assert.ok((await page.textContent('main h1'))!.startsWith(name));
  });

  test('the graph has NATO and Serbia, drawn and listed', async () => {
    const graph = await api('/api/graph');
    const ids = graph.nodes.map((n: any) => n.id);
    assert.ok(ids.includes('kb:nato') && ids.includes('kb:serbia'), `nodes: ${ids.slice(0, 20).join(', ')}`);
    await open('#/graph');
    await page.waitForSelector('.sigma-box canvas');
    await page.waitForSelector('.graph-nodes li[data-node-id="kb:nato"]', { state: 'attached' });
    assert.equal(await page.locator('.graph-nodes li[data-node-id="kb:serbia"]').count(), 1);
    await page.waitForTimeout(300);
    await shoot('graph', true);
    await page.click('.graph-lists summary');
    await page.click('.graph-nodes li[data-node-id="kb:serbia"] a');
    await page.waitForSelector('main[data-view="entity"] h1');
  });

  test('the timeline lists what the API returns and zooms', async () => {
    const tl = await api('/api/timeline?limit=200');
    await open('#/timeline');
    if (tl.total > 0) {
      await page.waitForSelector('.entries li');
      assert.ok(await page.locator('.axis-chart circle.dot').count() > 0);
      const ticksBefore = await page.locator('.axis-chart .tick').allTextContents();
      await page.click('.scale button:has-text("month")');
      const ticksAfter = await page.locator('.axis-chart .tick').allTextContents();
      assert.notDeepEqual(ticksAfter, ticksBefore, 'zooming changes the axis');
      await page.click('.scale button:has-text("all")');
    } else {
      await page.waitForSelector('.empty');
    }
    await shoot('timeline', true);
  });

  test('the map draws countries and the places the API returns', async () => {
    const places = await api('/api/places');
    await open('#/map');
    await page.waitForSelector('.worldmap path.country');
    assert.ok(await page.locator('.worldmap path.country').count() > 100);
    assert.equal(await page.locator('.worldmap a.place').count(), places.places.length);
    await shoot('map', true);
  });

  test('search highlights the terms and finds names', async () => {
    await open('#/search/NATO');
    await page.waitForSelector('.hits li');
    assert.ok(await page.locator('.hits mark').count() > 0);
    assert.ok((await page.locator('.names a').allTextContents()).some((n) => /NATO/.test(n)));
    await shoot('search', true);
  });

  test('compare sources shows each source for an actor', async () => {
    const profile = await api('/api/entities/kb:serbia');
    await open('#/compare/kb:serbia');
    await page.waitForSelector('main h1 a');
    const withFacts = new Set([...profile.quotes, ...profile.events, ...profile.stances].map((x: any) => x.documentId));
    if (withFacts.size) {
      await page.waitForSelector('.columns-per-source .source-card');
      assert.equal(await page.locator('.columns-per-source .source-card').count(), withFacts.size);
    }
    await shoot('compare', true);
  });

  test('the documents view lists every document', async () => {
    await open('#/documents');
    await page.waitForSelector('table.docs tbody tr');
    assert.equal(await page.locator('table.docs tbody tr').count(), 6);
    await shoot('documents');
  });

  test('no page raised an error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
