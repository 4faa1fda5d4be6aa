/**
 * Compare sources: for one actor, what each document reports (quotes, events, stances) side by side; events that
 * several documents report, with each one's sentence; and where sources disagree.
 */
import { useState, type FormEvent } from 'react';
import { api, docHref, qs, useApi, type Disagreement, type EntityProfile, type Page, type TimelineEntry } from '../api';
import { EntityLink, EventBadge, Status, dateLabel } from '../components/ui';
import { EventFlags, eventDateLabel } from '../components/EventFlags';

export function CompareView({ id }: { id: string }) {
  const [name, setName] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const profile = useApi<EntityProfile>(id ? `/api/entities/${encodeURIComponent(id)}` : null);
  const shared = useApi<Page<TimelineEntry>>(id ? `/api/timeline${qs({ actor: id, limit: 200 })}` : null);
  const disagreements = useApi<Page<Disagreement>>(id ? `/api/disagreements${qs({ actor: id, limit: 100 })}` : null);
  const pick = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const hit = await api<{ id: string }>(`/api/entities/lookup${qs({ name })}`);
      location.hash = `#/compare/${encodeURIComponent(hit.id)}`;
    } catch (err) {
      setNotFound((err as Error).message);
    }
  };
  const form = (
    <form onSubmit={pick} className="filters">
      <label>Actor<input value={name} onChange={(e) => setName(e.target.value)} placeholder="a name in any spelling" /></label>
      <button type="submit">Compare</button>
      {notFound && <span className="error">{notFound}</span>}
    </form>
  );
  if (!id) return <div><h1>Compare sources</h1>{form}<p className="muted">Choose an actor to see what each source says about it.</p></div>;
  const p = profile.data;
  if (!p) return <div><h1>Compare sources</h1>{form}<Status loading={profile.loading} error={profile.error} /></div>;

  const columns = p.documents.map((d) => ({
    doc: d,
    quotes: p.quotes.filter((q) => q.documentId === d.id),
    events: p.events.filter((v) => v.documentId === d.id),
    stances: p.stances.filter((s) => s.documentId === d.id),
  })).filter((c) => c.quotes.length || c.events.length || c.stances.length);
  const multi = (shared.data?.items ?? []).filter((v) => new Set(v.mentions.map((m) => m.documentId)).size > 1);
  const disputed = new Set((disagreements.data?.items ?? []).flatMap((d) => [d.a.documentId, d.b.documentId]));

  return (
    <div className="compare">
      <h1>Compare sources: <EntityLink id={p.id} name={p.name} /></h1>
      {form}
      <section>
        <h2>Where sources disagree ({disagreements.data?.total ?? 0})</h2>
        <Status loading={disagreements.loading && !disagreements.data} error={disagreements.error} empty={!disagreements.data?.items.length && 'No disagreements found for this actor.'}>
          {disagreements.data?.items.map((d) => (
            <div key={d.id} className="disagreement">
              <h3>{d.topic} <span className="badge conflictual">disagreement</span></h3>
              <div className="side-by-side">
                {[d.a, d.b].map((s, i) => (
                  <div key={i} className="source-card disputed">
                    <strong>{s.claim}</strong> — <a href={docHref(s.documentId, s.start)}>{s.documentTitle ?? '(untitled)'}</a> <span className="muted small">{dateLabel(s.date)} · {s.source}</span>
                    <p className="sentence">{s.text}</p>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </Status>
      </section>
      <section>
        <h2>Each source</h2>
        <Status empty={!columns.length && 'No quotes, events or stances for this actor yet.'}>
          <div className="side-by-side columns-per-source">
            {columns.map((c) => (
              <div key={c.doc.id} className={`source-card${disputed.has(c.doc.id) ? ' disputed' : ''}`}>
                <h3><a href={docHref(c.doc.id)}>{c.doc.title ?? '(untitled)'}</a></h3>
                <p className="muted small">{dateLabel(c.doc.date)}{disputed.has(c.doc.id) ? ' · disputed by another source' : ''}</p>
                {c.quotes.map((q, i) => <blockquote key={`q${i}`}>{q.text}</blockquote>)}
                {c.events.map((v, i) => <p key={`v${i}`}><EventBadge type={v.type} /> {v.role === 'source' ? '→' : '←'} <EntityLink id={v.otherId} name={v.otherName} /> <EventFlags negated={v.negated} modality={v.modality} /><br /><span className="small">{v.sentence}</span></p>)}
                {c.stances.map((s, i) => <p key={`s${i}`}><span className={`badge ${s.polarity}`}>{s.polarity}</span> {s.topic}: <span className="small">{s.evidence}</span></p>)}
              </div>
            ))}
          </div>
        </Status>
      </section>
      <section>
        <h2>Events reported by several sources ({multi.length})</h2>
        <Status empty={!multi.length && 'No event of this actor is reported by more than one document yet.'}>
          {multi.map((v) => (
            <div key={v.id} className="shared-event">
              <h3>{eventDateLabel(v.date, v.dateBasis)} <EventBadge type={v.type} /> <EntityLink id={v.sourceId} name={v.sourceName} /> → <EntityLink id={v.targetId} name={v.targetName} /> <EventFlags negated={v.negated} modality={v.modality} /></h3>
              <div className="side-by-side">
                {v.mentions.map((m, i) => (
                  <div key={i} className="source-card"><a href={docHref(m.documentId, m.sentenceStart)}>{m.documentTitle ?? '(untitled)'}</a> <span className="muted small">{m.source}</span>
                    <p className="sentence"><EventFlags negated={m.negated} modality={m.modality} /> {m.sentence}</p></div>
                ))}
              </div>
            </div>
          ))}
        </Status>
      </section>
    </div>
  );
}
