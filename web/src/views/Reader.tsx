/**
 * The reader: a document's cleaned text with its mentions, quotes, events and time expressions laid over it as
 * React elements built from the spans. Names link to their entity; hovering says what each highlight is.
 */
import { useEffect, useMemo, useState } from 'react';
import { docHref, entityHref, useApi, type DocumentDetail } from '../api';
import { renderSpans, type Annotation } from '../components/spans';
import { EntityLink, EventBadge, Status, eventClass } from '../components/ui';
import { CorrectedBadge, EventFix, SpeakerFix } from './Corrections';

const LAYERS = [['mention', 'Names'], ['quote', 'Quotes'], ['event', 'Events'], ['time', 'Times']] as const;

export function ReaderView({ id, at }: { id: string; at?: number }) {
  const { data: d, error, loading, reload } = useApi<DocumentDetail>(id ? `/api/documents/${encodeURIComponent(id)}` : null);
  const [shown, setShown] = useState<Record<string, boolean>>({ mention: true, quote: true, event: true, time: true });
  const annotations = useMemo(() => (d ? annotate(d) : []), [d]);
  useEffect(() => {
    if (d && at !== undefined) document.getElementById('reader-target')?.scrollIntoView({ block: 'center' });
  }, [d, at]);
  if (!d) return <Status loading={loading} error={error} />;
  const visible = annotations.filter((a) => shown[a.kind]);
  return (
    <article className="reader">
      <h1>{d.title ?? '(untitled)'}</h1>
      <dl className="meta">
        <dt>Date</dt><dd>{d.date ?? 'unknown'}{d.dateSource ? ` (${d.dateSource}${d.dateRange ? `, between ${d.dateRange.from} and ${d.dateRange.to}` : ''})` : ''}</dd>
        <dt>Source</dt><dd>{d.source ?? 'unknown outlet'}</dd>
        <dt>Origin</dt><dd>{d.sourceList.map((s, i) => <span key={i}>{i > 0 && ', '}{s.outlet && s.outlet !== d.source ? `${s.outlet}: ` : ''}{s.url && /^https?:/i.test(s.url) ? <a href={s.url} rel="noreferrer noopener" target="_blank">{s.url}</a> : s.source}</span>)}</dd>
        {d.pages && (<><dt>Pages</dt><dd>{d.pages.length} (a PDF)</dd></>)}
        {d.byline && (<><dt>By</dt><dd>{d.byline}</dd></>)}
        <dt>Language</dt><dd>{d.language} · {d.wordCount} words · id {d.id.slice(0, 12)}</dd>
        {d.nearDuplicates.length > 0 && (<><dt>Near-duplicates</dt><dd>{d.nearDuplicates.map((n) => <a key={n.id} className="near-duplicate" href={docHref(n.id)}>{n.title ?? n.id.slice(0, 10)} ({n.source}{n.similarity ? `, ${Math.round(n.similarity * 100)}% similar` : ''})</a>)}</dd></>)}
      </dl>
      <div className="layers" role="group" aria-label="Highlight">
        {LAYERS.map(([k, label]) => (
          <label key={k} className={`toggle ${k}`}><input type="checkbox" checked={shown[k]} onChange={(e) => setShown({ ...shown, [k]: e.target.checked })} />{label}</label>
        ))}
      </div>
      <div className="reader-body">
        <div className="text" data-testid="document-text">{renderSpans(d.text, visible, { markAt: at })}</div>
        <aside>
          <h2>Actors ({d.entities.length})</h2>
          <ul className="entities">{d.entities.map((e) => <li key={e.id}><a href={entityHref(e.id)}>{e.name}</a> <span className="muted small">{e.type} · {e.mentions.length}×</span> <CorrectedBadge ids={e.corrections} /></li>)}</ul>
          <h2>Quotes ({d.quotes.length})</h2>
          <ul className="quotes">{d.quotes.map((q) => <li key={q.id}><a href={docHref(d.id, q.start)}>“{q.text.length > 120 ? `${q.text.slice(0, 120)}…` : q.text}”</a> — <EntityLink id={q.speakerId} name={q.speakerName ?? q.speakerText} /> <CorrectedBadge ids={q.corrections} /> <SpeakerFix document={d.id} local={q.id} done={reload} /></li>)}</ul>
          <h2>Events ({d.events.length})</h2>
          <ul className="events">{d.events.map((v) => <li key={v.id} data-event={v.id} className={v.rejected ? 'rejected' : undefined}><EventBadge type={v.type} /> <EntityLink id={v.sourceId} name={v.sourceName} /> → <EntityLink id={v.targetId} name={v.targetName} />{v.negated ? ' (negated)' : ''} <span className="muted small">{v.date ?? ''} {v.modality}</span> <CorrectedBadge ids={v.corrections} rejected={v.rejected} /> <EventFix document={d.id} local={v.id} rejected={v.rejected} done={reload} /></li>)}</ul>
          {d.stances.length > 0 && (<><h2>Stances</h2><ul>{d.stances.map((s, i) => <li key={i}><EntityLink id={s.holderId} name={s.holderName} />: <span className={`badge ${s.polarity}`}>{s.polarity}</span> {s.topic}</li>)}</ul></>)}
        </aside>
      </div>
    </article>
  );
}

function annotate(d: DocumentDetail): Annotation[] {
  const out: Annotation[] = [];
  for (const e of d.entities) {
    for (const m of e.mentions) out.push({ start: m.start, end: m.end, kind: 'mention', title: `${e.name} (${e.type}${m.kind && m.kind !== 'name' ? `, ${m.kind}` : ''})`, href: entityHref(e.id) });
  }
  for (const q of d.quotes) out.push({ start: q.start, end: q.end, kind: 'quote', title: `Quote by ${q.speakerName ?? q.speakerText ?? 'unknown speaker'}${q.direct ? '' : ' (reported)'}` });
  for (const v of d.events) {
    out.push({ start: v.trigger.start, end: v.trigger.end, kind: 'event', extra: eventClass(v.type), title: `${v.type}: ${v.sourceName ?? '?'} → ${v.targetName ?? '?'}${v.negated ? ' (negated)' : ''}` });
  }
  for (const t of d.times) out.push({ start: t.start, end: t.end, kind: 'time', title: `Time: ${t.value ?? 'unresolved'}` });
  return out;
}
