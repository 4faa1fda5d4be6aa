/** The landing page: what the store holds, the most active actors, the latest events, documents over time. */
import { docHref, entityHref, useApi, type Overview as OverviewData, type DocumentSummary, type Page } from '../api';
import { BarChart } from '../components/BarChart';
import { EntityLink, EventBadge, Status, dateLabel } from '../components/ui';
import { EventFlags, eventDateLabel } from '../components/EventFlags';

export function Overview() {
  const { data, error, loading } = useApi<OverviewData>('/api/overview');
  const docs = useApi<Page<DocumentSummary>>('/api/documents?limit=8');
  if (!data) return <Status loading={loading} error={error} />;
  const s = data.stats;
  const counts: [string, number][] = [['documents', s.documents], ['actors', s.entities], ['mentions', s.mentions], ['quotes', s.quotes], ['events', s.events], ['stances', s.stances]];
  return (
    <div className="overview">
      <h1>Overview</h1>
      <section className="counts" aria-label="Counts">
        {/* A large store's layer counts are the planner's estimates (src/service/documents.ts getStats). */}
        {counts.map(([k, v]) => <div key={k} className="count" title={s.estimated?.includes(k) ? 'estimated' : undefined}><strong>{s.estimated?.includes(k) ? '≈ ' : ''}{v.toLocaleString()}</strong><span>{k}</span></div>)}
        <div className="count"><strong>{s.firstDate ? `${s.firstDate.slice(0, 4)}–${s.lastDate?.slice(0, 4)}` : '—'}</strong><span>span</span></div>
      </section>
      <div className="columns">
        <section>
          <h2>Most active actors</h2>
          <Status empty={!data.topActors.length && 'No actors yet.'}>
            <ol className="actors">
              {data.topActors.map((e) => (
                <li key={e.id}><a href={entityHref(e.id)}>{e.name}</a> <span className="muted small">{e.type} · {e.documents} docs · {e.mentions} mentions</span></li>
              ))}
            </ol>
          </Status>
        </section>
        <section>
          <h2>Latest events</h2>
          <Status empty={!data.latestEvents.length && 'No events yet.'}>
            <ul className="events">
              {data.latestEvents.map((v) => (
                <li key={v.id}>
                  <span className="date">{eventDateLabel(v.date, v.dateBasis)}</span> <EventBadge type={v.type} /> <EntityLink id={v.sourceId} name={v.sourceName} /> → <EntityLink id={v.targetId} name={v.targetName} />
                  {' '}<EventFlags negated={v.negated} modality={v.modality} />
                  <span className="muted small"> · {v.mentionCount ?? v.mentions.length} report{(v.mentionCount ?? v.mentions.length) === 1 ? '' : 's'}</span>
                </li>
              ))}
            </ul>
          </Status>
        </section>
      </div>
      <section>
        <h2>Documents over time</h2>
        <BarChart data={data.documentsByMonth} label="Documents per month" />
      </section>
      <section>
        <h2>Latest documents</h2>
        <ul className="doclist">
          {docs.data?.items.map((d) => (
            <li key={d.id}><a href={docHref(d.id)}>{d.title ?? '(untitled)'}</a> <span className="muted small">{dateLabel(d.date)} · {d.source}</span></li>
          ))}
        </ul>
      </section>
    </div>
  );
}
