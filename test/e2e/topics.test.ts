/**
 * The Topics view in a real browser, over hand-written reports of who stands where on Bosnia and Herzegovina's
 * NATO membership and on joining the EU: the topics listed by their full names, every holder's stances over time
 * with the cited sentence, a citation opening the reader at the sentence, a topic typed as people write it, and
 * the quotes about it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, openPage } from './browser.js';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { ensureWebBuilt, startServer, type RunningServer } from '../../src/server/serve.js';
import { writeFixture, type FixtureSpec } from '../../src/server/fixtures.js';

const OUT = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'test-output');

const BIH = { name: 'Bosnia and Herzegovina', type: 'GPE' as const, kbId: 'bosnia-and-herzegovina', mentions: ['Bosnia and Herzegovina'] };
const RS = { name: 'Republika Srpska', type: 'GPE' as const, kbId: 'republika-srpska', mentions: ['Republika Srpska'] };
const NATO = { name: 'NATO', type: 'ORG' as const, kbId: 'nato', mentions: ['NATO'] };

const REPORTS: FixtureSpec[] = [
  {
    title: 'Banja Luka restates its line', date: '2017-10-18', source: 'Banja Luka Daily',
    text: 'Republika Srpska firmly opposes Bosnia and Herzegovina ever joining NATO. "We will never let Bosnia and Herzegovina join NATO," the assembly speaker said.',
    entities: [RS, BIH, NATO, { name: 'Nenad Stevandić', type: 'PERSON', mentions: ['the assembly speaker'] }],
    quotes: [{ text: 'We will never let Bosnia and Herzegovina join NATO,', speaker: 'Nenad Stevandić' }],
    stances: [{ holder: 'Republika Srpska', topic: 'NATO membership', polarity: 'oppose', evidence: 'Republika Srpska firmly opposes Bosnia and Herzegovina ever joining NATO.', object: 'Bosnia and Herzegovina' }],
  },
  {
    title: 'Sarajevo keeps to its path', date: '2022-03-02', source: 'Sarajevo Times',
    text: 'Bosnia and Herzegovina has for years wanted to join NATO. It also wants to join the European Union within a decade.',
    entities: [BIH, NATO, { name: 'European Union', type: 'ORG', kbId: 'european-union', mentions: ['European Union'] }],
    stances: [
      { holder: 'Bosnia and Herzegovina', topic: 'NATO membership', polarity: 'support', evidence: 'Bosnia and Herzegovina has for years wanted to join NATO.', object: 'Bosnia and Herzegovina' },
      { holder: 'Bosnia and Herzegovina', topic: 'EU membership', polarity: 'support', evidence: 'It also wants to join the European Union within a decade.', object: 'Bosnia and Herzegovina' },
    ],
  },
  {
    title: 'A softer tone from Banja Luka', date: '2024-06-01', source: 'Balkan Insight',
    text: 'Republika Srpska now backs the NATO membership of Bosnia and Herzegovina, officials in Banja Luka said.',
    entities: [RS, BIH, NATO],
    stances: [{ holder: 'Republika Srpska', topic: 'NATO membership', polarity: 'support', evidence: 'Republika Srpska now backs the NATO membership of Bosnia and Herzegovina, officials in Banja Luka said.', object: 'Bosnia and Herzegovina' }],
  },
];

const LABEL = "Bosnia and Herzegovina's NATO membership";

describe('topics in Chromium', { skip: chromiumMissing() }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];
  const ids: string[] = [];

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    await ensureWebBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-topics-'));
    server = await startServer({ port: 0, host: '127.0.0.1', store: { dataDir }, kb: defaultKnowledgeBase(), noBuild: true, watch: false });
    for (const r of REPORTS) ids.push(await writeFixture(server.store, r));
    ({ browser, page } = await openPage(pageErrors));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('the topics are listed by their full names, the most discussed first', async () => {
    await page.goto(`${server.url}#/topics`);
    await page.waitForSelector('.topic-list li a');
    const items = await page.locator('.topic-list li').allInnerTexts();
    assert.match(items[0]!, /^Bosnia and Herzegovina's NATO membership 3 · 2 holders$/);
    assert.match(items[1]!, /^Bosnia and Herzegovina's EU membership 1 · 1 holder$/);
  });

  test("a topic lists every holder's stances over time, each with its sentence and where it is", async () => {
    const started = Date.now();
    await page.click(`.topic-list a:text-is("${LABEL}")`);
    await page.waitForSelector(`[data-testid="topic"][data-topic="${LABEL}"] .holder`);
    console.log(`# topic view: ${Date.now() - started} ms to content`);
    assert.equal(new URL(page.url()).hash, `#/topics?topic=${encodeURIComponent(LABEL).replace(/%20/g, '+').replace(/'/g, '%27')}`);
    assert.equal(await page.textContent('[data-testid="topic"] h2'), LABEL);
    const holders = await page.locator('.holder h3').allInnerTexts();
    assert.deepEqual(holders.map((h) => h.replace(/\s+/g, ' ').trim()), ['Republika Srpska now support 1 support, 1 oppose', 'Bosnia and Herzegovina now support 1 support']);
    // Oldest first; the later one is a change of position, not a contradiction.
    const rs = page.locator('.holder').first().locator('ol.stances > li');
    assert.deepEqual(await rs.evaluateAll((els) => els.map((e) => e.getAttribute('data-polarity'))), ['oppose', 'support']);
    assert.match(await rs.nth(1).innerText(), /a change of position: oppose in 2017-10-18/);
    assert.equal(await rs.nth(0).locator('blockquote.evidence').innerText(), REPORTS[0]!.stances![0]!.evidence);
    const cite = rs.nth(0).locator('cite a');
    const span = (await cite.getAttribute('data-span'))!;
    assert.equal(span, `0-${REPORTS[0]!.stances![0]!.evidence.length}`);
    assert.equal(await cite.getAttribute('href'), `#/doc/${ids[0]}/0`);
    // One dot per dated stance on the shared time axis.
    assert.equal(await page.locator('svg.stance-strips circle').count(), 3);
    assert.match(await page.locator('.topic-quotes').innerText(), /Nenad Stevandić: “We will never let Bosnia and Herzegovina join NATO,”/);
    await page.screenshot({ path: join(OUT, 'topics.png') });

    await cite.click();
    await page.waitForSelector('[data-testid="document-text"]');
    assert.match((await page.textContent('#reader-target')) ?? '', /^Republika Srpska|^Republika/);
  });

  test('a topic typed as people write it: "joining the EU"', async () => {
    await page.goto(`${server.url}#/topics`);
    await page.fill('input[name="topic"]', 'joining the EU');
    await page.click('form[aria-label="Topic"] button[type="submit"]');
    await page.waitForSelector('[data-testid="topic"][data-topic="EU membership"] .holder');
    assert.deepEqual((await page.locator('.holder h3 a').allInnerTexts()), ['Bosnia and Herzegovina']);
    assert.match(await page.locator('.holder blockquote').first().innerText(), /^It also wants to join the European Union within a decade\.$/);
  });

  test('a stance on an entity page links to its topic; no script errors', async () => {
    await page.goto(`${server.url}#/entity/kb:republika-srpska`);
    await page.waitForSelector('ul.stances li a[href^="#/topics"]');
    await page.locator('ul.stances li a[href^="#/topics"]').first().click();
    await page.waitForSelector('[data-testid="topic"] .holder');
    assert.equal(await page.textContent('[data-testid="topic"] h2'), 'NATO membership');
    assert.deepEqual(pageErrors, []);
  });
});
