/**
 * One process per PGlite folder. PGlite is a whole Postgres inside the process that opened the folder: a second
 * process opening the same folder runs a second Postgres over the same files, and the two destroy the cluster for
 * good. So the folder carries a lock file (`dossier.lock`: pid, command, start time), created atomically when a
 * process opens the folder and removed when it closes the store or exits (normally, or on SIGINT/SIGTERM/SIGHUP).
 * A lock whose process is no longer alive (or whose pid now names a process started after the lock was taken) was
 * left by a crash (kill -9, power loss) and is taken over.
 *
 * Every open takes the lock, reads included: a PGlite reader writes too (checkpoints, the WAL on close), so no two
 * processes may share a folder; concurrent writers need a Postgres server.
 */
import { closeSync, linkSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { StoreError } from './db.js';

export const LOCK_FILE = 'dossier.lock';

export interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
}

export interface FolderLock {
  path: string;
  /** Removes the lock file (only while it is still ours); idempotent. */
  release(): void;
}

/** The files a lock leaves behind when its process dies mid-way: `dossier.lock.<pid>.<random>`, `dossier.lock.takeover`. */
const LEFTOVER = /^dossier\.lock\.(\d+)\.[a-z0-9]+$/;

/**
 * Removes the temporary lock files of processes that died between writing and removing them (kill -9 at the wrong
 * moment), once this process holds the lock: nothing else can be creating one for this folder then, except a
 * process still alive, whose files stay.
 */
function sweepLeftovers(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(folder, name));
    } catch {
      // gone already
    }
  }
}

/** A guard file lives this long at most; older, its creator died between creating and removing it. */
const GUARD_STALE_MS = 10_000;

/** What a lock file says about its owner; null when the file is unreadable or not a lock written by us. */
export function readLock(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isInteger(owner?.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process a lock names still holds it. Its pid must be alive, and be the same process: after a crash
 * and a restart (a container's, say) the pid may belong to another process, even to this one, which never took
 * this lock. On Linux the process's start time tells; a process started after the lock was taken is not its owner.
 */
function holds(owner: LockOwner, path: string): boolean {
  if (owner.pid === process.pid) return [...held].some((l) => l.path === path);
  if (!isAlive(owner.pid)) return false;
  const started = processStart(owner.pid);
  const taken = Date.parse(owner.startedAt);
  return started === null || Number.isNaN(taken) || started <= taken + START_SLACK_MS;
}

/** Clock ticks and boot-time rounding: a start time this much after the lock's is still the same process. */
const START_SLACK_MS = 5000;

/** When a process started (ms since the epoch), from /proc on Linux; null elsewhere or when unreadable. */
export function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22 of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return null;
    return (boot + ticks / CLOCK_TICKS) * 1000;
  } catch {
    return null;
  }
}

// USER_HZ, which /proc reports times in: 100 on every Linux architecture Node runs on.
const CLOCK_TICKS = 100;

/** How the current process is named when it did not say (`dossier ingest` and `dossier serve` do): its script. */
export function currentCommand(): string {
  const script = process.argv[1] ? basename(process.argv[1]) : '';
  return script ? `node ${script}` : 'node';
}

/**
 * Takes the folder's lock for this process, or throws a StoreError naming the process that holds it. `command` is
 * what the lock records as the owner's command (default: derived from process.argv).
 */
export function lockFolder(dataDir: string, command = currentCommand()): FolderLock {
  const folder = resolve(dataDir);
  const path = join(folder, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  // Written whole to a file of our own, then linked into place: link() fails when the lock exists, and a lock file
  // is never seen half-written.
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}`;
  try {
    writeFileSync(tmp, `${JSON.stringify(me)}\n`, { mode: 0o644 });
  } catch (err) {
    throw new StoreError(`${folder}: cannot write the lock file ${LOCK_FILE} (${(err as NodeJS.ErrnoException).code})`);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      let created: boolean;
      try {
        linkSync(tmp, path);
        created = true;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        created = code === 'EEXIST' ? false : createExclusive(path, tmp, folder);
      }
      if (created) break;
      const owner = readLock(path);
      if (owner && holds(owner, path)) {
        throw new StoreError(`${folder} is in use by process ${owner.pid} (${owner.command || 'unknown command'}); stop it or use a Postgres server for concurrent writers`);
      }
      // The owner died without releasing (kill -9, a crash), or the file is not a lock: take it over.
      if (attempt >= 50) throw new StoreError(`${folder}: cannot take over the stale lock file ${LOCK_FILE}`);
      removeStale(path, owner);
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
  }
  sweepLeftovers(folder);
  const lock: FolderLock = {
    path,
    release() {
      if (!held.delete(lock)) return;
      // Only ours: never remove a lock another process holds now.
      if (readLock(path)?.pid === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
      if (!held.size) uninstall();
    },
  };
  held.add(lock);
  install();
  return lock;
}

const held = new Set<FolderLock>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const releaseAll = () => [...held].forEach((l) => l.release());
const onSignal = Object.fromEntries(SIGNALS.map((s) => [s, () => {
  // Someone else handles this signal (the server closes gracefully, then exits, and 'exit' releases the lock).
  // Otherwise Node's default is to die at once, without 'exit': release, then die of the same signal.
  if (process.listenerCount(s) > 1) return;
  releaseAll();
  uninstall();
  process.kill(process.pid, s);
}])) as Record<NodeJS.Signals, () => void>;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', releaseAll);
  for (const s of SIGNALS) process.on(s, onSignal[s]);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', releaseAll);
  for (const s of SIGNALS) process.off(s, onSignal[s]);
}

/**
 * Removes a stale lock. Two processes may find the same stale lock at once; a guard file (created exclusively)
 * lets one of them re-read and remove it, so the other never removes the fresh lock the first has just written.
 */
function removeStale(path: string, seen: LockOwner | null): void {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > GUARD_STALE_MS) {
      try {
        unlinkSync(guard);
      } catch {
        // someone else removed it
      }
    } else sleep(20);
    return;
  }
  try {
    const now = readLock(path);
    const same = now?.pid === seen?.pid && now?.startedAt === seen?.startedAt;
    if (same) {
      try {
        unlinkSync(path);
      } catch {
        // gone already
      }
    }
  } finally {
    closeSync(fd);
    try {
      unlinkSync(guard);
    } catch {
      // taken for stale by another process meanwhile
    }
  }
}

/** For file systems without hard links: an exclusive create, then the content. False when the lock exists. */
function createExclusive(path: string, tmp: string, folder: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new StoreError(`${folder}: cannot create the lock file ${LOCK_FILE} (${code})`);
  }
  try {
    writeSync(fd, readFileSync(tmp));
  } finally {
    closeSync(fd);
  }
  return true;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
