import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifest, ManifestError } from './manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-manifest-'));
writeFileSync(join(dir, 'a.txt'), 'The council met on Monday and agreed the budget.\n');
const write = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};

test('a manifest gives each file its date, outlet, URL and title; files are relative to the manifest', async () => {
  const m = await loadManifest(write('m.json', { documents: [
    { file: 'a.txt', date: '2022-06-30', source: 'Valley Times', url: 'https://valley.example/a', title: 'Budget', topic: 'ignored' },
    { file: 'missing.txt', date: '2022-07-01' },
  ] }));
  assert.equal(m.entries.length, 2);
  assert.equal(m.entries[0]!.path, join(dir, 'a.txt'));
  assert.deepEqual({ ...[...m.byRealPath.values()][0]! }, { path: join(dir, 'a.txt'), date: '2022-06-30', source: 'Valley Times', url: 'https://valley.example/a', title: 'Budget' });
  // A listed file that does not exist is not matched; reading it says so.
  assert.equal(m.byRealPath.size, 1);
  assert.equal((await loadManifest(write('list.json', [{ file: 'a.txt' }]))).entries[0]!.date, null);
});

test('a bad manifest is one line naming the file and the document', async () => {
  const fails = async (body: unknown, pattern: RegExp) => {
    const path = write('bad.json', body);
    await assert.rejects(loadManifest(path), (err: Error) => err instanceof ManifestError && pattern.test(err.message) && err.message.startsWith(path));
  };
  await fails('{ not json', /not valid JSON/);
  await fails({ files: [] }, /expected a list of documents/);
  await fails({ documents: [] }, /lists no documents/);
  await fails({ documents: [{ date: '2022-01-01' }] }, /document 1: has no "file"/);
  await fails({ documents: [{ file: 'a.txt', date: '2023-02-30' }] }, /document 1 \(a\.txt\): "date" is not a day of the calendar/);
  await fails({ documents: [{ file: 'a.txt', url: 'ftp://x' }] }, /"url" must be an http\(s\) URL/);
  await fails({ documents: [{ file: 'a.txt' }, { file: './a.txt' }] }, /document 2 .*listed twice/);
  await fails({ documents: [{ file: 'a.txt', source: 3 }] }, /"source" must be text/);
  await assert.rejects(loadManifest(join(dir, 'none.json')), /none\.json: no such manifest file/);
});
