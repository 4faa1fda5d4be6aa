import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { inflatedFile, modelCacheDir } from './model-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-model-cache-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const counted = () => {
  const calls = { n: 0 };
  return { calls, inflate: (file: Buffer) => { calls.n++; return gunzipSync(file); } };
};

test('the first read inflates and keeps the bytes; the next reads them back without inflating', () => {
  const path = join(dir, 'tiny.bin.gz');
  const body = Buffer.from('DOSSIER-SYNTAX 1\n weights of Valmora '.repeat(50));
  writeFileSync(path, gzipSync(body));
  const cache = join(dir, 'cache-a');
  const { calls, inflate } = counted();
  assert.deepEqual(inflatedFile(path, inflate, cache), body);
  assert.equal(calls.n, 1);
  assert.deepEqual(inflatedFile(path, inflate, cache), body);
  assert.equal(calls.n, 1, 'read from the cache');
  assert.equal(readdirSync(cache).length, 1);
});

test('a retrained model is inflated afresh and replaces the old copy; a copy of the wrong length is ignored', () => {
  const path = join(dir, 'model.bin.gz');
  const cache = join(dir, 'cache-b');
  const { calls, inflate } = counted();
  writeFileSync(path, gzipSync(Buffer.from('first model of Tarsk')));
  inflatedFile(path, inflate, cache);
  const second = Buffer.from('second model of Tarsk, longer than the first');
  writeFileSync(path, gzipSync(second));
  assert.deepEqual(inflatedFile(path, inflate, cache), second);
  assert.equal(calls.n, 2);
  const copies = readdirSync(cache);
  assert.equal(copies.length, 1, 'the first copy is gone');
  // Cut short (a disk that filled up while another program wrote it): not used.
  writeFileSync(join(cache, copies[0]!), second.subarray(0, 10));
  assert.deepEqual(inflatedFile(path, inflate, cache), second);
  assert.equal(calls.n, 3);
});

test('with caching off, or a cache that cannot be written, the file is inflated each time', () => {
  const path = join(dir, 'off.bin.gz');
  const body = Buffer.from('Ruritania');
  writeFileSync(path, gzipSync(body));
  const { calls, inflate } = counted();
  assert.deepEqual(inflatedFile(path, inflate, null), body);
  // The cache "folder" is a file: nothing can be written under it.
  const blocked = join(dir, 'blocked');
  writeFileSync(blocked, '');
  assert.deepEqual(inflatedFile(path, inflate, blocked), body);
  assert.deepEqual(inflatedFile(path, inflate, blocked), body);
  assert.equal(calls.n, 3);
  // A missing model is the caller's error, as without the cache.
  assert.throws(() => inflatedFile(join(dir, 'none.bin.gz'), inflate, join(dir, 'cache-c')), /ENOENT/);
});

test('the cache folder: DOSSIER_CACHE, off, XDG_CACHE_HOME', () => {
  assert.equal(modelCacheDir({ DOSSIER_CACHE: '/var/cache/x' }), '/var/cache/x');
  assert.equal(modelCacheDir({ DOSSIER_CACHE: 'off' }), null);
  assert.equal(modelCacheDir({ DOSSIER_CACHE: '' }), null);
  assert.equal(modelCacheDir({ XDG_CACHE_HOME: '/xdg' }), join('/xdg', 'dossier'));
});
