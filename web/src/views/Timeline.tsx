/**
 * Events over time, a page at a time (PAGE entries, in date order: a page is a stretch of time): a zoomable SVG
 * axis of the page's events (scale buttons, or the mouse wheel over the axis) above their list, each with every
 * document that reports it; filtered by actor, type and dates. The API pages too, so a long timeline never
 * arrives, or renders, whole.
 */
import { useEffect, useMemo, useRef, useState, type WheelEvent } from 'react';
import { docHref, qs, useApi, type Page, type TimelineEntry } from '../api';
import { EntityLink, EventBadge, Status, dateLabel, eventClass } from '../components/ui';
import { eventDateLabel } from '../components/EventFlags';
import { CorrectedBadge } from './Corrections';
import { DAY, dayMs, ticks } from '../components/time';
import { Pager } from '../components/Pager';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const SCALES: [string, number | null][] = [['all', null], ['year', 366 * DAY], ['month', 31 * DAY], ['day', 2 * DAY]];
const W = 900;
export const PAGE = 50;

export function TimelineView({ params }: { params: URLSearchParams }) {
  const [actor, setActor] = useState(params.get('actor') ?? '');
  const [type, setType] = useState(params.get('type') ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(() => Math.max(0, (Number(params.get('page')) || 1) - 1) * PAGE);
  const filtersKey = `${actor}\n${type}\n${from}\n${to}`;
  const lastFilters = useRef(filtersKey);
  // A new filter starts again at the first page (kept in the same render, so no request for a stale offset).
  const at = lastFilters.current === filtersKey ? offset : 0;
  useEffect(() => {
    if (lastFilters.current !== filtersKey) {
      lastFilters.current = filtersKey;
      setOffset(0);
    }
  }, [filtersKey]);
  const { data, error, loading } = useApi<Page<TimelineEntry> & { totalIsLowerBound?: boolean }>(`/api/timeline${qs({ actor, type, from, to, limit: PAGE, offset: at })}`);
  const top = useRef<HTMLDivElement>(null);
  const turn = (o: number) => {
    setOffset(o);
    setSelected(null);
    top.current?.scrollIntoView({ block: 'start' });
  };
  const items = data?.items ?? [];
  const dated = useMemo(() => items.map((v) => ({ v, t: dayMs(v.date) })).filter((x): x is { v: TimelineEntry; t: number } => x.t !== null), [items]);
  const extent = useMemo<[number, number]>(() => {
    if (!dated.length) return [Date.now() - 365 * DAY, Date.now()];
    const ts = dated.map((d) => d.t);
    const pad = Math.max((Math.max(...ts) - Math.min(...ts)) * 0.04, 10 * DAY);
    return [Math.min(...ts) - pad, Math.max(...ts) + pad];
  }, [dated]);
  const [view, setView] = useState<[number, number]>(extent);
  useEffect(() => setView(extent), [extent]);
  const [selected, setSelected] = useState<string | null>(null);

  const x = (t: number) => ((t - view[0]) / (view[1] - view[0])) * W;
  const zoomTo = (span: number | null, center = (view[0] + view[1]) / 2) => setView(span ? [center - span / 2, center + span / 2] : extent);
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const at = view[0] + ((e.clientX - box.left) / box.width) * (view[1] - view[0]);
    const k = e.deltaY > 0 ? 1.25 : 0.8;
    const span = Math.min(Math.max((view[1] - view[0]) * k, DAY), 200 * 365 * DAY);
    const left = (at - view[0]) / (view[1] - view[0]);
    setView([at - span * left, at + span * (1 - left)]);
  };
  const lanes = new Map<string, number>();
  const visible = items.filter((v) => {
    const t = dayMs(v.date);
    return t === null || (t >= view[0] && t <= view[1]);
  });

  return (
    <div className="timeline" ref={top}>
      <h1>Timeline</h1>
      <div className="filters">
        <label>Actor<input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="name or id" /></label>
        <label>Type<select value={type} onChange={(e) => setType(e.target.value)}><option value="">all</option>{TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label>From<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <span className="scale" role="group" aria-label="Zoom">
          {SCALES.map(([label, span]) => <button key={label} type="button" onClick={() => zoomTo(span, span && selected ? dayMs(items.find((v) => v.id === selected)?.date) ?? undefined : undefined)}>{label}</button>)}
        </span>
      </div>
      <Status loading={loading && !data} error={error} empty={data && !data.total && 'No events match (the timeline fills in as documents are analysed).'}>
        <svg className="axis-chart" viewBox={`0 0 ${W} 90`} onWheel={onWheel} role="img" aria-label="Events over time; scroll to zoom">
          <line x1={0} x2={W} y1={60} y2={60} className="axis" />
          {ticks(view[0], view[1]).map((t) => (
            <g key={t.at}><line x1={x(t.at)} x2={x(t.at)} y1={56} y2={64} className="axis" /><text x={x(t.at)} y={80} className="tick" textAnchor="middle">{t.label}</text></g>
          ))}
          {dated.filter(({ t }) => t >= view[0] && t <= view[1]).map(({ v, t }) => {
            const key = String(Math.round(x(t) / 8));
            const lane = lanes.get(key) ?? 0;
            lanes.set(key, lane + 1);
            return (
              <circle key={v.id} cx={x(t)} cy={50 - (lane % 6) * 8} r={v.id === selected ? 6 : 4} className={`dot ${eventClass(v.type)}`} onClick={() => { setSelected(v.id); document.getElementById(`ev-${v.id}`)?.scrollIntoView({ block: 'center' }); }}>
                <title>{`${v.date} ${v.type}: ${v.sourceName ?? '?'} → ${v.targetName ?? '?'}`}</title>
              </circle>
            );
          })}
        </svg>
        <p className="muted small">{visible.length} of this page's {items.length} events in view</p>
        <Pager offset={at} limit={PAGE} shown={items.length} total={data?.total ?? 0} lowerBound={data?.totalIsLowerBound} onOffset={turn} label="Timeline pages" />
        <ol className="entries" start={at + 1}>
          {visible.map((v) => (
            <li key={v.id} id={`ev-${v.id}`} className={v.id === selected ? 'selected' : undefined}>
              <div><span className="date">{eventDateLabel(v.date, v.dateBasis)}</span> <EventBadge type={v.type} /> <EntityLink id={v.sourceId} name={v.sourceName} /> → <EntityLink id={v.targetId} name={v.targetName} /> <CorrectedBadge ids={v.corrections} />
                {v.negated && <span className="badge">negated</span>} <span className="muted small">{v.modality}{v.locationName ? ` · in ${v.locationName}` : ''}</span></div>
              <div className={v.mentions.length > 1 ? 'sources side-by-side' : 'sources'}>
                {v.mentions.map((m, i) => (
                  <div key={i} className="source-card">
                    <a href={docHref(m.documentId, m.sentenceStart)}>{m.documentTitle ?? '(untitled)'}</a> <span className="muted small">{dateLabel(m.documentDate)} · {m.source}</span>
                    <p className="sentence">{m.sentence}</p>
                  </div>
                ))}
                {(v.mentionCount ?? 0) > v.mentions.length && <p className="muted small">and {v.mentionCount! - v.mentions.length} more reports</p>}
              </div>
            </li>
          ))}
        </ol>
        <Pager offset={at} limit={PAGE} shown={items.length} total={data?.total ?? 0} lowerBound={data?.totalIsLowerBound} onOffset={turn} label="Timeline pages, again" />
      </Status>
    </div>
  );
}
