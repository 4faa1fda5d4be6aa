/**
 * The analyst's daily loop in a real browser (issue 13): corrections made in the UI that survive the same article
 * imported again and re-analysed. Starts and skips as test/e2e/ui.test.ts does (Chromium at /usr/bin/chromium).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultKnowledgeBase } from '../../src/kb/load.js';
import { ensureWebBuilt, startServer, type RunningServer } from '../../src/server/serve.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');
const skip = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing: install it (apt-get install -y chromium) to run the browser tests` : false;

// Written for this test: the quote's speaker is not named where the analysis looks, and one army is named two ways.
const ARTICLE = [
  'Talks in Skopje',
  '',
  'Jens Stoltenberg met Prime Minister Hristijan Mickoski in Skopje on Tuesday to discuss the reform of the army.',
  '"We stand with North Macedonia," an adviser to the delegation said after the talks.',
  'The Macedonian Army Command and the Army of North Macedonia will hold a joint exercise with NATO in May.',
].join('\n');

describe('the daily loop in Chromium', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];
  const api = async (path: string, init?: RequestInit) => (await fetch(new URL(path, server.url), init)).json() as Promise<any>;
  const importArticle = () => api('/api/import?wait=true', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: ARTICLE, date: '2024-06-12' }),
  });

  before(async () => {
    mkdirSync(OUT, { recursive: true });
    await ensureWebBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-e2e-loop-'));
    server = await startServer({ port: 0, host: '127.0.0.1', store: { dataDir }, kb: defaultKnowledgeBase(), noBuild: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('a speaker fixed and an entity merged in the UI survive re-import and re-analysis', async () => {
    const job = await importArticle();
    assert.equal(job.summary.new, 1, JSON.stringify(job));
    const id: string = job.summary.stored[0];

    await page.goto(`${server.url}#/doc/${id}`);
    await page.waitForSelector('[data-testid="document-text"]');
    const quote = page.locator('ul.quotes li').filter({ hasText: 'We stand with North Macedonia' });
    await quote.getByRole('button', { name: 'fix speaker' }).click();
    await quote.getByRole('textbox', { name: 'fix speaker' }).fill('Jens Stoltenberg');
    await quote.getByRole('button', { name: 'Save' }).click();
    await quote.locator('.badge.corrected').waitFor();
    assert.match((await quote.textContent())!, /Jens Stoltenberg/);

    await page.goto(`${server.url}#/entity/${encodeURIComponent('x:ORG:macedonian army command')}`);
    await page.waitForSelector('main h1');
    await page.getByRole('button', { name: 'merge into…' }).click();
    await page.getByRole('textbox', { name: 'merge into…' }).fill('Army of North Macedonia');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.startsWith('Army of North Macedonia'));
    await page.locator('main h1 .badge.corrected').waitFor();

    // The same article again (a duplicate), then re-analysed: deleted and imported afresh.
    assert.equal((await importArticle()).summary.duplicate, 1);
    assert.deepEqual(await api(`/api/documents/${id}`, { method: 'DELETE' }), { deleted: id });
    assert.equal((await importArticle()).summary.new, 1);

    await page.goto(`${server.url}#/doc/${id}`);
    await page.waitForSelector('[data-testid="document-text"]');
    const again = page.locator('ul.quotes li').filter({ hasText: 'We stand with North Macedonia' });
    await again.locator('.badge.corrected').waitFor();
    assert.match((await again.textContent())!, /Jens Stoltenberg/);
    const army = page.locator('ul.entities li').filter({ hasText: 'Army of North Macedonia' });
    assert.match((await army.textContent())!, /2×/);
    assert.equal(await page.locator('ul.entities li').filter({ hasText: 'Macedonian Army Command' }).count(), 0);

    // The panel lists both and undoes one.
    await page.goto(`${server.url}#/corrections`);
    await page.waitForSelector('.correction-list li');
    assert.equal(await page.locator('.correction-list li').count(), 2);
    await page.screenshot({ path: join(OUT, 'corrections.png') });
    await page.locator('.correction-list li').filter({ hasText: 'speaker' }).getByRole('button', { name: 'undo' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 1);
    assert.equal((await api(`/api/documents/${id}`)).quotes[0].speakerId, null);
    assert.deepEqual(pageErrors, []);
  });
});
