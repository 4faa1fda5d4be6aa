/**
 * `dossier feeds add|list|remove|log`, `dossier watch` (polls the feeds on their schedule until stopped) and
 * `dossier alerts` (saved queries: list with new matches, add, show, remove). Thin over src/watch and
 * src/service/alerts.ts; the server runs the same schedule.
 */
import type { Command } from 'commander';
import { guarded, positiveInt, UserError } from './args.js';
import { ploverType, type CliDeps } from './statements.js';
import { addFeed, DEFAULT_EVERY, feedLog, FeedError, findFeed, listFeeds, parseEvery, removeFeed, type Feed, type FeedLogLine } from '../watch/feeds.js';
import { pollDueOnce, startWatcher } from '../watch/watcher.js';
import { addAlert, AlertError, alertMatches, getAlert, listAlerts, markSeen, removeAlert, type AlertQuery } from '../service/alerts.js';
import { findEntity } from '../service/entities.js';
import { shortId, table, truncate } from './output.js';

const asUserError = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof FeedError || err instanceof AlertError) throw new UserError(err.message);
    throw err;
  }
};

const every = (v: string) => {
  try {
    return parseEvery(v);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
};

const period = (s: number) => (s % 86400 === 0 ? `${s / 86400}d` : s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);

export function formatLogLine(feed: Pick<Feed, 'url'>, l: FeedLogLine): string {
  const what = l.status === 'failed' ? `failed: ${truncate(l.message ?? '', 160)}` : l.status === 'not-modified' ? 'not modified'
    : `${l.items} new item${l.items === 1 ? '' : 's'}: ${l.newDocuments} stored, ${l.duplicates} duplicate, ${l.failed} failed`;
  return `${l.at}  ${truncate(feed.url, 60)}  ${what}`;
}

export function registerWatchCommands(program: Command, deps: CliDeps): void {
  const { withStore, print, kbFromOptions } = deps;

  const feeds = program.command('feeds').description('the RSS/Atom feeds `dossier watch` (and the server) poll');
  feeds.command('add').description('watch a feed').argument('<url>')
    .option('--every <period>', 'how often to poll it: 90s, 30m, 2h, 1d', DEFAULT_EVERY)
    .option('--allow-private', 'the feed may be on a private or loopback address (a local server)')
    .action(guarded(async (url: string, o) => {
      const seconds = every(o.every);
      const feed = await withStore((s) => asUserError(() => addFeed(s.db, url, { everySeconds: seconds, allowPrivate: !!o.allowPrivate })));
      print(`watching #${feed.id} ${feed.url} every ${period(feed.everySeconds)} (run \`dossier watch\`, or the server, to poll it)`);
    }));
  feeds.command('list').description('the watched feeds with their last poll').option('--json', 'print JSON')
    .action(guarded(async (o) => {
      const list = await withStore((s) => listFeeds(s.db));
      if (o.json) return print(JSON.stringify(list, null, 2));
      if (!list.length) return print('no feeds (add one with `dossier feeds add URL`)');
      print(table(list.map((f) => [`#${f.id}`, truncate(f.url, 60), period(f.everySeconds), f.lastPolledAt ?? 'never', f.nextPollAt,
        f.failures ? `${f.failures} failure(s): ${truncate(f.lastError ?? '', 60)}` : 'ok']), ['id', 'url', 'every', 'last poll', 'next poll', 'state']));
    }));
  feeds.command('remove').description('stop watching a feed (the documents it brought stay)').argument('<id-or-url>')
    .action(guarded(async (which: string) => {
      const gone = await withStore((s) => removeFeed(s.db, which.replace(/^#/, '')));
      if (!gone) throw new UserError(`${which}: no such feed (see \`dossier feeds list\`)`);
      print(`removed #${gone.id} ${gone.url}`);
    }));
  feeds.command('log').description('what each poll brought, newest first').argument('[id-or-url]')
    .option('--limit <n>', 'how many lines', positiveInt, 30).option('--json', 'print JSON')
    .action(guarded(async (which: string | undefined, o) => {
      const { lines, urls } = await withStore(async (s) => {
        const feed = which ? await findFeed(s.db, which.replace(/^#/, '')) : null;
        if (which && !feed) throw new UserError(`${which}: no such feed (see \`dossier feeds list\`)`);
        const all = await listFeeds(s.db);
        return { lines: await feedLog(s.db, feed?.id ?? null, o.limit), urls: new Map(all.map((f) => [f.id, f.url])) };
      });
      if (o.json) return print(JSON.stringify(lines, null, 2));
      if (!lines.length) return print('nothing polled yet');
      print(lines.map((l) => formatLogLine({ url: urls.get(l.feedId) ?? `#${l.feedId}` }, l)).join('\n'));
    }));

  program.command('watch').description('poll the watched feeds on their schedule until stopped (Ctrl-C); each poll prints a line')
    .option('--once', 'poll the feeds that are due, then stop')
    .option('--timeout <seconds>', 'fetch timeout per URL', positiveInt, 15)
    .action(guarded(async (o) => {
      const kb = kbFromOptions();
      await withStore(async (store) => {
        if (!(await listFeeds(store.db)).length) throw new UserError('no feeds to watch (add one with `dossier feeds add URL [--every 30m]`)');
        const opts = {
          kb, timeoutMs: o.timeout * 1000,
          onPoll: (feed: Feed, line: FeedLogLine) => print(formatLogLine(feed, line)),
          onError: (err: Error) => process.stderr.write(`dossier: watch: ${err.message}\n`),
        };
        if (o.once) {
          if (!(await pollDueOnce(store, opts)).length) print('no feed is due yet (see `dossier feeds list`)');
          return;
        }
        let stop: () => void = () => {};
        const stopped = new Promise<void>((ok) => (stop = ok));
        const watcher = startWatcher(store, opts);
        process.stderr.write('dossier: watching; Ctrl-C stops\n');
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await stopped;
        await watcher.stop();
      });
    }));

  const alerts = program.command('alerts').description('saved queries that mark new matches since last seen; `alerts add`, `alerts show ID`, `alerts remove ID`')
    .option('--json', 'print JSON')
    .action(guarded(async (o) => {
      const list = await withStore((s) => listAlerts(s.db));
      if (o.json) return print(JSON.stringify(list, null, 2));
      if (!list.length) return print('no alerts (add one with `dossier alerts add NAME --actor Russia --type THREATEN`)');
      print(table(list.map((a) => [`#${a.id}`, a.name, a.newMatches ? `${a.newMatches} new` : '—', a.seenAt]), ['id', 'alert', 'new', 'last seen']));
    }));
  alerts.command('add').description('save a query; every filter given must hold in one document').argument('[name...]', 'what to call it (default: its filters)')
    .option('--actor <name>', 'an actor as source or target of an event (any spelling)')
    .option('--type <type>', 'a PLOVER event type', ploverType)
    .option('--place <name>', 'where an event is, or a party to it')
    .option('--topic <topic>', 'a stance topic ("NATO membership")')
    .option('--keyword <words>', 'words, "a phrase", -excluded, as `dossier search`')
    .action(guarded(async (nameParts: string[], o) => {
      const alert = await withStore(async (s) => {
        const id = async (name: string | undefined) => {
          if (!name) return undefined;
          const hit = await findEntity(s.db, name);
          if (!hit) throw new UserError(`${name}: no such actor in the store (see \`dossier entities\`)`);
          return hit.id;
        };
        const query: AlertQuery = { actor: await id(o.actor), type: o.type, place: await id(o.place), topic: o.topic, keyword: o.keyword };
        return asUserError(() => addAlert(s.db, nameParts.join(' '), query));
      });
      print(`alert #${alert.id} ${alert.name}: matches stored from now on are new (\`dossier alerts show ${alert.id}\`; Atom: /api/alerts/${alert.id}.atom)`);
    }));
  alerts.command('show').description('an alert\'s matches, newest first (new ones marked *); marks them seen').argument('<id>')
    .option('--new', 'only the new ones').option('--limit <n>', 'how many', positiveInt, 50).option('--keep-new', 'do not mark them seen').option('--json', 'print JSON')
    .action(guarded(async (id: string, o) => {
      const { alert, matches } = await withStore(async (s) => {
        const alert = await getAlert(s.db, id.replace(/^#/, ''));
        if (!alert) throw new UserError(`${id}: no such alert (see \`dossier alerts\`)`);
        const matches = await alertMatches(s.db, alert, { onlyNew: !!o.new, limit: o.limit });
        if (!o.keepNew) await markSeen(s.db, alert.id);
        return { alert, matches };
      });
      if (o.json) return print(JSON.stringify({ alert, matches }, null, 2));
      print(`#${alert.id} ${alert.name}: ${alert.newMatches} new`);
      if (!matches.length) return print('no matches');
      for (const m of matches) print(`${m.isNew ? '*' : ' '} ${m.date ?? 'undated'}  ${truncate(m.title ?? '(untitled)', 70)}  ${m.source ?? ''} [${shortId(m.documentId)}]\n    ${truncate(m.evidence, 160)}`);
    }));
  alerts.command('remove').description('delete an alert').argument('<id>')
    .action(guarded(async (id: string) => {
      if (!(await withStore((s) => removeAlert(s.db, id.replace(/^#/, ''))))) throw new UserError(`${id}: no such alert (see \`dossier alerts\`)`);
      print(`removed alert #${id.replace(/^#/, '')}`);
    }));
}
