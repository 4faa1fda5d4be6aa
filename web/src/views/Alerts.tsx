/**
 * Alerts and watched feeds: saved queries with their new matches since last seen (the badge in the header counts
 * them), a form to save one, each alert's matches with a link to its Atom feed, and the feeds the server polls
 * with the log of what each poll brought.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, authHeaders, docHref, useApi } from '../api';
import { Status } from '../components/ui';
import type { Alert, AlertMatch } from '../../../src/service/alerts.js';
import type { Feed, FeedLogLine } from '../../../src/watch/types.js';

const post = (path: string, body?: unknown) => api(path, {
  method: 'POST', headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...authHeaders() }, body: body ? JSON.stringify(body) : undefined,
});

/** The new matches of every alert, for the header; looked at again every 30 s and on each view change. */
export function AlertBadge({ view }: { view: string }) {
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    const look = () => api<{ newMatches: number }>('/api/alerts').then((r) => live && setN(r.newMatches), () => {});
    look();
    const t = setInterval(look, 30_000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [view]);
  if (!n) return null;
  return <a className="badge alert-badge" href="#/alerts" title={`${n} new match${n === 1 ? '' : 'es'} in your alerts`}>{n}</a>;
}

export function AlertsView({ id }: { id?: string }) {
  const alerts = useApi<{ items: Alert[]; newMatches: number }>('/api/alerts');
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', actor: '', type: '', place: '', topic: '', keyword: '' });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post('/api/alerts', form);
      setError(null);
      setForm({ name: '', actor: '', type: '', place: '', topic: '', keyword: '' });
      alerts.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <article className="alerts">
      <h1>Alerts</h1>
      <p className="muted">Saved queries: what was stored since you last looked is marked new. Each alert is also an Atom feed for any reader.</p>
      <Status loading={alerts.loading && !alerts.data} error={alerts.error} empty={alerts.data && !alerts.data.items.length && 'No alerts yet.'}>
        <ul className="alert-list">
          {alerts.data?.items.map((a) => (
            <li key={a.id} data-alert={a.id}>
              <a href={`#/alerts/${a.id}`}>{a.name}</a> {a.newMatches > 0 && <span className="badge new">{a.newMatches} new</span>}
              <span className="muted small"> · <a href={`/api/alerts/${a.id}.atom`}>Atom</a></span>
            </li>
          ))}
        </ul>
      </Status>
      {id && <AlertMatches id={id} onSeen={alerts.reload} />}
      <form className="alert-form" onSubmit={save}>
        <h2>New alert</h2>
        {(['name', 'actor', 'type', 'place', 'topic', 'keyword'] as const).map((k) => (
          <label key={k}>{k}<input name={k} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            placeholder={{ name: 'what to call it', actor: 'Russia', type: 'THREATEN', place: 'Kosovo', topic: 'NATO membership', keyword: 'words or "a phrase"' }[k]} /></label>
        ))}
        <button type="submit">Save alert</button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
      <FeedsPanel />
    </article>
  );
}

function AlertMatches({ id, onSeen }: { id: string; onSeen: () => void }) {
  const { data, error, loading, reload } = useApi<{ alert: Alert; matches: AlertMatch[] }>(`/api/alerts/${encodeURIComponent(id)}`);
  const seen = async () => {
    await post(`/api/alerts/${encodeURIComponent(id)}/seen`).catch(() => {});
    reload();
    onSeen();
  };
  return (
    <section className="alert-matches">
      <Status loading={loading && !data} error={error}>
        {data && (<>
          <h2>{data.alert.name} <span className="muted small">({data.alert.newMatches} new)</span></h2>
          {data.alert.newMatches > 0 && <button type="button" onClick={seen}>Mark all seen</button>}
          <Status empty={!data.matches.length && 'Nothing matches yet.'}>
            <ul className="matches">
              {data.matches.map((m) => (
                <li key={m.documentId} className={m.isNew ? 'new' : undefined}>
                  {m.isNew && <span className="badge new">new</span>} <a href={docHref(m.documentId, m.start)}>{m.title ?? '(untitled)'}</a>
                  <span className="muted small"> · {m.date ?? 'undated'} · {m.source ?? ''}</span>
                  <div className="evidence">{m.evidence}</div>
                </li>
              ))}
            </ul>
          </Status>
        </>)}
      </Status>
    </section>
  );
}

function FeedsPanel() {
  const feeds = useApi<{ items: Feed[] }>('/api/feeds');
  const [url, setUrl] = useState('');
  const [every, setEvery] = useState('30m');
  const [local, setLocal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [log, setLog] = useState<{ feed: Feed; items: FeedLogLine[] } | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post('/api/feeds', { url, every, allowPrivate: local });
      setError(null);
      setUrl('');
      feeds.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const remove = async (f: Feed) => {
    await api(`/api/feeds/${f.id}`, { method: 'DELETE', headers: authHeaders() }).catch((err: Error) => setError(err.message));
    feeds.reload();
  };
  return (
    <section className="feeds">
      <h2>Watched feeds</h2>
      <Status loading={feeds.loading && !feeds.data} error={feeds.error} empty={feeds.data && !feeds.data.items.length && 'No feeds are watched.'}>
        <ul className="feed-list">
          {feeds.data?.items.map((f) => (
            <li key={f.id} data-feed={f.id}>
              {f.url} <span className="muted small">every {f.everySeconds} s · last {f.lastPolledAt ?? 'never'}{f.failures ? ` · ${f.failures} failure(s): ${f.lastError}` : ''}</span>{' '}
              <button type="button" className="fix" onClick={() => {
                feeds.reload();
                api<{ feed: Feed; items: FeedLogLine[] }>(`/api/feeds/${f.id}/log`).then(setLog, (err: Error) => setError(err.message));
              }}>log</button>
              <button type="button" className="fix" onClick={() => remove(f)}>remove</button>
            </li>
          ))}
        </ul>
      </Status>
      {log && (
        <ul className="feed-log" aria-label={`log of ${log.feed.url}`}>
          {log.items.map((l) => <li key={l.id}>{l.at} · {l.status}{l.status === 'fetched' ? (l.items ? `: ${l.items} new items, ${l.newDocuments} stored, ${l.duplicates} duplicates, ${l.failed} failed` : ': nothing new') : ''}{l.message ? ` · ${l.message}` : ''}</li>)}
        </ul>
      )}
      <form className="feed-form" onSubmit={add}>
        <label>Feed URL<input name="feed-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org/feed.xml" /></label>
        <label>every<input name="feed-every" value={every} onChange={(e) => setEvery(e.target.value)} size={5} /></label>
        <label className="toggle"><input type="checkbox" name="feed-private" checked={local} onChange={(e) => setLocal(e.target.checked)} />on a private address (a server that allows it)</label>
        <button type="submit">Watch</button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
