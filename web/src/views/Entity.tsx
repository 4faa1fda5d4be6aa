/** An actor's page: who it is (KB facts), what it said, what it did and had done to it, its stances and company. */
import { docHref, entityHref, useApi, type EntityProfile } from '../api';
import { EntityLink, EventBadge, Status, dateLabel, eventClass } from '../components/ui';
import { EventFlags } from '../components/EventFlags';
import { dayMs, ticks } from '../components/time';
import { topicHref } from './Topics';
import { CorrectedBadge, EntityFixes } from './Corrections';

export function EntityView({ id }: { id: string }) {
  const { data: p, error, loading, reload } = useApi<EntityProfile>(id ? `/api/entities/${encodeURIComponent(id)}` : null);
  if (!p) return <Status loading={loading} error={error ?? (!id ? 'No entity given.' : null)} />;
  const titles = new Map(p.documents.map((d) => [d.id, d.title ?? '(untitled)']));
  return (
    <article className="entity">
      <h1>{p.name} <span className="badge">{p.type}</span> <CorrectedBadge ids={p.corrections} /></h1>
      <EntityFixes id={p.id} done={reload} />
      <p className="muted">
        {p.kbId ? `Knowledge base: ${p.kbId}` : 'Not in the knowledge base'}{p.wikidata ? ` · Wikidata ${p.wikidata}` : ''} · {p.mentions} mentions in {p.documents.length} documents ·{' '}
        <a href={`#/compare/${encodeURIComponent(p.id)}`}>compare sources</a> · <a href={`#/graph?actor=${encodeURIComponent(p.id)}`}>graph around</a> · <a href={`#/timeline?actor=${encodeURIComponent(p.id)}`}>timeline</a>
      </p>
      {p.kb?.description && <p>{p.kb.description}</p>}
      <section className="facts">
        <h2>Known as</h2>
        <p>{[...new Set([...(p.kb?.aliases ?? []), ...p.aliasesSeen])].join(' · ') || '—'}</p>
        {!!p.nations?.length && (<><h2>Counted with its people</h2>
          <p>{p.nations.map((n) => n.name).join(' · ')} <span className="muted small">(counted here; documents show them as a people, NORP)</span></p></>)}
        {!!p.kb?.roleLabels.length && (<><h2>Roles</h2><ul>{p.kb.roleLabels.map((r) => <li key={r}>{r}</li>)}</ul></>)}
        {!!p.kb?.membershipLabels.length && (<><h2>Memberships</h2><ul>{p.kb.membershipLabels.map((r) => <li key={r}>{r}</li>)}</ul></>)}
      </section>
      <section className="quotes-by">
        <h2>Quotes ({p.quotes.length})</h2>
        <Status empty={!p.quotes.length && 'No quotes attributed yet.'}>
          <ul className="quotes">
            {p.quotes.map((q, i) => (
              <li key={i}><blockquote className={q.direct ? 'direct' : 'indirect'}>{q.text}</blockquote>
                <span className="muted small">{dateLabel(q.date)} · <a href={docHref(q.documentId, q.start)}>{titles.get(q.documentId) ?? 'source'}</a>{q.direct ? '' : ' · reported speech'}</span></li>
            ))}
          </ul>
        </Status>
      </section>
      <section>
        <h2>Events ({p.events.length})</h2>
        <Status empty={!p.events.length && 'No events with this actor yet.'}>
          <MiniTimeline events={p.events} />
          <ul className="events">
            {p.events.map((v, i) => (
              <li key={i}>
                <span className="date">{dateLabel(v.date)}</span> <EventBadge type={v.type} />{' '}
                {v.role === 'source' ? <>→ <EntityLink id={v.otherId} name={v.otherName} /></> : <>← <EntityLink id={v.otherId} name={v.otherName} /></>}
                {' '}<EventFlags negated={v.negated} modality={v.modality} />
                <div className="sentence"><a href={docHref(v.documentId)}>{v.sentence}</a></div>
              </li>
            ))}
          </ul>
        </Status>
      </section>
      <section>
        <h2>Stances ({p.stances.length})</h2>
        <Status empty={!p.stances.length && 'No stances found yet.'}>
          <ul className="stances">
            {p.stances.map((s, i) => (
              <li key={i}><span className={`badge ${s.polarity}`}>{s.polarity}</span> <a href={topicHref(s.topic)}>{s.topic}</a> <span className="muted small">{dateLabel(s.date)}</span>
                {s.changedFrom && <span className="muted small"> · a change: {s.changedFrom.polarity} in {s.changedFrom.date}</span>}
                <div className="sentence"><a href={docHref(s.documentId)}>{s.evidence}</a></div></li>
            ))}
          </ul>
        </Status>
      </section>
      <div className="columns">
        <section>
          <h2>Appears with</h2>
          <ul className="coactors">{p.coActors.map((c) => <li key={c.id}><a href={entityHref(c.id)}>{c.name}</a> <span className="muted small">{c.type} · {c.documents} docs</span></li>)}</ul>
        </section>
        <section>
          <h2>Documents</h2>
          <ul className="doclist">{p.documents.map((d) => <li key={d.id}><a href={docHref(d.id)}>{d.title ?? '(untitled)'}</a> <span className="muted small">{dateLabel(d.date)} · {d.mentions}×</span></li>)}</ul>
        </section>
      </div>
    </article>
  );
}

/** Events on one axis: as actor above the line, as target below. */
function MiniTimeline({ events }: { events: EntityProfile['events'] }) {
  const dated = events.map((v) => ({ v, t: dayMs(v.date) })).filter((x): x is { v: typeof x.v; t: number } => x.t !== null);
  if (!dated.length) return null;
  const min = Math.min(...dated.map((d) => d.t));
  const max = Math.max(...dated.map((d) => d.t));
  const pad = Math.max((max - min) * 0.05, 15 * 86_400_000);
  const [from, to] = [min - pad, max + pad];
  const W = 640;
  const x = (t: number) => ((t - from) / (to - from)) * W;
  return (
    <svg className="minitimeline" viewBox={`0 0 ${W} 70`} role="img" aria-label="Events over time: as actor above, as target below">
      <line x1={0} x2={W} y1={35} y2={35} className="axis" />
      {ticks(from, to).map((t) => <text key={t.at} x={x(t.at)} y={68} className="tick" textAnchor="middle">{t.label}</text>)}
      {dated.map(({ v, t }, i) => (
        <circle key={i} cx={x(t)} cy={v.role === 'source' ? 22 : 48} r={5} className={`dot ${eventClass(v.type)}`}>
          <title>{`${v.date} ${v.type} ${v.role === 'source' ? '→' : '←'} ${v.otherName ?? '?'}`}</title>
        </circle>
      ))}
    </svg>
  );
}
