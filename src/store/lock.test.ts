/**
 * One process per PGlite folder, with real processes: the `dossier` command run twice on one folder (and the
 * server beside an ingest) refuses the second with one line and exit status 2, the folder stays readable, and a
 * lock left by a dead process, or released on SIGINT/SIGTERM, does not keep the folder closed.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE, lockFolder, processStart, readLock } from './lock.js';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/dossier.js');
const dir = mkdtempSync(join(tmpdir(), 'dossier-lock-'));
const data = join(dir, 'store');
const lockPath = join(data, LOCK_FILE);
const env = { ...process.env, DATABASE_URL: '' };
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// Articles written for this test.
const article = (town: string) => [
  `Ferry service resumes in ${town}`,
  '',
  `The harbour office in ${town} said on Monday that the morning ferry would run again from next week.`,
  `Repairs to the pier in ${town} took four months and were paid for by the regional council.`,
  'Fishermen said the works had blocked their boats for most of the winter.',
].join('\n');

function dossier(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, '--data', data, ...args], { encoding: 'utf8', env, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function start(args: string[]): ChildProcess & { exited: Promise<{ code: number | null; signal: string | null }>; stderrText: () => string } {
  const child = spawn(process.execPath, [BIN, '--data', data, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (b) => (err += b));
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: string | null }>((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return Object.assign(child, { exited, stderrText: () => err });
}

async function until(what: string, cond: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const refusal = (pid: number, command: string) =>
  new RegExp(`^dossier: ${data.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is in use by process ${pid} \\(${command}\\); stop it or use a Postgres server for concurrent writers\\n$`);

test('an ingest beside a running server is refused with one line and exit status 2; the store stays intact', async () => {
  writeFileSync(join(dir, 'tirana.txt'), article('Durrës'));
  const server = start(['serve', '--port', '0', '--no-build']);
  await until('the server to listen', () => /serving the API/.test(server.stderrText()) || server.exitCode !== null);
  assert.match(server.stderrText(), /serving the API/);
  assert.equal(readLock(lockPath)?.pid, server.pid);

  const second = dossier(['ingest', join(dir, 'tirana.txt')]);
  assert.equal(second.status, 2);
  assert.match(second.stderr, refusal(server.pid!, 'dossier serve'));

  server.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
  assert.equal(existsSync(lockPath), false, 'the server released the lock on SIGTERM');

  const ingest = dossier(['ingest', join(dir, 'tirana.txt')]);
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.match(ingest.stdout, /new 1/);
});

test('two ingests started together: one runs, the other is refused, and what the first stored is there', async () => {
  const a = start(['ingest', '-', '--date', '2024-03-01']);
  const b = start(['ingest', '-', '--date', '2024-03-01']);
  // Both wait for standard input once they hold the store; the one that does not hold it exits at once.
  const first = await Promise.race([a.exited.then((r) => ({ r, loser: a, winner: b })), b.exited.then((r) => ({ r, loser: b, winner: a }))]);
  assert.equal(first.r.code, 2, first.loser.stderrText());
  assert.match(first.loser.stderrText(), refusal(first.winner.pid!, 'dossier ingest'));
  first.winner.stdin!.end(article('Sarandë'));
  assert.equal((await first.winner.exited).code, 0, first.winner.stderrText());
  assert.equal(existsSync(lockPath), false);

  const docs = dossier(['docs']);
  assert.equal(docs.status, 0, docs.stderr);
  assert.match(docs.stdout, /Ferry service resumes in Sarandë/);
  assert.match(docs.stdout, /Ferry service resumes in Durrës/);
});

test('SIGINT during an ingest releases the lock', async () => {
  const holder = start(['ingest', '-']);
  await until('the lock', () => readLock(lockPath)?.pid === holder.pid);
  await new Promise((r) => setTimeout(r, 1500));
  holder.kill('SIGINT');
  const exit = await holder.exited;
  assert.ok(exit.signal === 'SIGINT' || exit.code !== 0, `ended by the signal (${JSON.stringify(exit)})`);
  assert.equal(existsSync(lockPath), false);
  assert.equal(dossier(['stats']).status, 0);
});

test('a lock left by a process that died is taken over', () => {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(dead.stdout);
  writeFileSync(lockPath, JSON.stringify({ pid, command: 'dossier ingest', startedAt: new Date().toISOString() }));
  const docs = dossier(['docs']);
  assert.equal(docs.status, 0, docs.stderr);
  assert.match(docs.stdout, /Ferry service resumes in Durrës/);
  assert.equal(existsSync(lockPath), false, 'released after use');
});

test('in one process: a second lock on a held folder is refused, and released locks can be taken again', () => {
  const folder = join(dir, 'plain');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const lock = lockFolder(folder, 'first holder');
  assert.throws(() => lockFolder(folder, 'second'), /is in use by process \d+ \(first holder\)/);
  const owner = JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8'));
  assert.equal(owner.pid, process.pid);
  assert.equal(owner.command, 'first holder');
  assert.ok(!Number.isNaN(Date.parse(owner.startedAt)));
  lock.release();
  lock.release();
  assert.equal(existsSync(join(folder, LOCK_FILE)), false);
  lockFolder(folder, 'again').release();
  // A lock naming this very process, which never took it (a pid reused after a restart), is stale.
  const lockFile = join(folder, LOCK_FILE);
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, command: 'dossier serve', startedAt: '2020-01-01T00:00:00.000Z' }));
  lockFolder(folder, 'same pid, new life').release();
  // A live process that started after the lock was taken is not its owner (Linux knows when it started).
  if (processStart(process.ppid) !== null) {
    writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, command: 'dossier ingest', startedAt: '2000-01-01T00:00:00.000Z' }));
    lockFolder(folder, 'pid reused').release();
  }
  // The same live process, with a lock taken after it started, holds it.
  writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, command: 'dossier ingest', startedAt: new Date().toISOString() }));
  assert.throws(() => lockFolder(folder, 'third'), new RegExp(`is in use by process ${process.ppid} \\(dossier ingest\\)`));
  rmSync(lockFile);
  // A lock file that is not one (truncated by a crash) is stale too.
  writeFileSync(join(folder, LOCK_FILE), '{"pid":');
  lockFolder(folder, 'after a crash').release();
  assert.equal(existsSync(join(folder, LOCK_FILE)), false);
});

test('the temporary lock files of a process killed mid-way are swept by the next holder; a live one\'s stay', () => {
  const folder = join(dir, 'leftovers');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
  const deadFile = join(folder, `${LOCK_FILE}.${dead}.abc123`);
  const liveFile = join(folder, `${LOCK_FILE}.${process.ppid}.def456`);
  writeFileSync(deadFile, '{}\n');
  writeFileSync(liveFile, '{}\n');
  lockFolder(folder, 'sweeper').release();
  assert.equal(existsSync(deadFile), false);
  assert.equal(existsSync(liveFile), true);
});
