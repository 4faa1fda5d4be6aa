/**
 * Topic-first (`#/topics?topic=Bosnia's NATO membership`): the topics stances are held on, and for one, every
 * holder's stances over time — a strip per holder on one time axis, then each stance with the sentence that says it
 * and where that sentence is — and the quotes about the topic. A topic can be typed as people write it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { docHref, qs, shortId, useApi, type Page, type QuoteEntry, type TopicStances, type TopicSummary } from '../api';
import { EntityLink, Status, dateLabel } from '../components/ui';
import { CorrectedBadge } from './Corrections';
import { dayMs, ticks } from '../components/time';

export const topicHref = (topic: string) => `#/topics${qs({ topic })}`;

export function TopicsView({ params }: { params: URLSearchParams }) {
  const topic = params.get('topic') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const topics = useApi<{ items: TopicSummary[] }>('/api/topics');
  const [typed, setTyped] = useState(topic);
  useEffect(() => setTyped(topic), [topic]);
  const go = (e: FormEvent) => {
    e.preventDefault();
    location.hash = `#/topics${qs({ topic: typed.trim(), from, to })}`;
  };
  return (
    <div className="topics">
      <h1>Topics</h1>
      <form className="filters" onSubmit={go} role="search" aria-label="Topic">
        <label>Topic <input name="topic" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="NATO membership, Bosnia's NATO membership, joining the EU, Russia" size={44} /></label>
        <button type="submit">Show</button>
      </form>
      <div className="topics-body">
        <nav className="topic-list" aria-label="Topics in the store">
          <Status loading={topics.loading} error={topics.error} empty={topics.data && !topics.data.items.length && 'No stances in the store yet.'}>
            <ul>
              {topics.data?.items.map((t) => (
                <li key={`${t.topic}|${t.objectId ?? ''}`}>
                  <a href={topicHref(t.label)} className={t.label === topic ? 'active' : undefined}>{t.label}</a>{' '}
                  <span className="muted small">{t.stances} · {t.holders} holder{t.holders === 1 ? '' : 's'}</span>
                </li>
              ))}
            </ul>
          </Status>
        </nav>
        <div className="topic-main">{topic ? <TopicDetail topic={topic} from={from} to={to} /> : <p className="muted">Choose a topic, or type one.</p>}</div>
      </div>
    </div>
  );
}

function TopicDetail({ topic, from, to }: { topic: string; from: string; to: string }) {
  const { data, error, loading } = useApi<TopicStances>(`/api/topics/stances${qs({ topic, from, to })}`);
  const quotes = useApi<Page<QuoteEntry> & { about?: string }>(`/api/quotes${qs({ about: topic, from, to, limit: 20 })}`);
  if (!data) return <Status loading={loading} error={error} />;
  const shown = data.holders.reduce((n, h) => n + h.stances.length, 0);
  return (
    <article data-testid="topic" data-topic={data.topic.label}>
      <h2>{data.topic.label}</h2>
      <p className="muted">{data.total} stance{data.total === 1 ? '' : 's'} by {data.holders.length} holder{data.holders.length === 1 ? '' : 's'}{shown < data.total ? ` (the latest ${shown} shown)` : ''}</p>
      <Status empty={!data.holders.length && `No stances recorded on ${data.topic.label}.`}>
        <StanceStrips data={data} />
        {data.holders.map((h) => (
          <section key={h.holderId} className="holder" data-holder={h.holderId}>
            <h3><EntityLink id={h.holderId} name={h.holderName} /> <span className={`badge ${h.latest}`}>now {h.latest}</span>{' '}
              <span className="muted small">{(['support', 'oppose', 'neutral'] as const).filter((p) => h.counts[p]).map((p) => `${h.counts[p]} ${p}`).join(', ')}</span></h3>
            <ol className="stances">
              {h.stances.map((s, i) => (
                <li key={i} data-polarity={s.polarity}>
                  <span className="muted small">{dateLabel(s.date)}</span> <span className={`badge ${s.polarity}`}>{s.polarity}</span> {s.label ?? s.topic}
                  {s.changedFrom && <span className="muted small"> · a change of position: {s.changedFrom.polarity} in {s.changedFrom.date}</span>} <CorrectedBadge ids={s.corrections} />
                  <blockquote className="sentence evidence">{s.evidence}</blockquote>
                  <cite className="small">
                    <a href={docHref(s.documentId, s.evidenceStart)} data-span={`${s.evidenceStart}-${s.evidenceEnd}`}>{s.documentTitle ?? shortId(s.documentId)}</a>
                    {' '}— {s.source ?? 'unknown source'}, characters {s.evidenceStart}–{s.evidenceEnd}
                  </cite>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </Status>
      <section className="topic-quotes">
        <h2>Who said what about it</h2>
        <Status loading={quotes.loading} error={quotes.error} empty={quotes.data && !quotes.data.items.length && 'No quotes about this topic.'}>
          <ul className="quotes">
            {quotes.data?.items.map((q) => (
              <li key={q.id}><EntityLink id={q.speakerId} name={q.speakerName ?? q.sources[0]?.speakerText ?? 'unknown speaker'} />: “{q.text}”{' '}
                <span className="muted small">{dateLabel(q.date)} · {q.sources.map((s, i) => <a key={i} href={docHref(s.documentId, s.start)}>{s.source ?? shortId(s.documentId)}</a>)}</span></li>
            ))}
          </ul>
        </Status>
      </section>
    </article>
  );
}

const POLARITY_COLOR: Record<string, string> = { support: '#2e7d32', oppose: '#c62828', neutral: '#78909c' };

/** One row per holder on a shared time axis: a dot per dated stance, coloured by its polarity. */
function StanceStrips({ data }: { data: TopicStances }) {
  const dated = data.holders.flatMap((h) => h.stances.map((s) => dayMs(s.date)).filter((t): t is number => t !== null));
  if (!dated.length) return null;
  const pad = 30 * 86_400_000;
  const lo = Math.min(...dated) - pad;
  const hi = Math.max(...dated) + pad;
  const W = 640;
  const LABEL = 170;
  const ROW = 22;
  const x = (t: number) => LABEL + ((t - lo) / (hi - lo)) * (W - LABEL - 10);
  const rows = data.holders.slice(0, 30);
  const H = rows.length * ROW + 24;
  return (
    <svg className="stance-strips" width={W} height={H} role="img" aria-label={`Stances on ${data.topic.label} over time`}>
      {ticks(lo, hi).map((t) => (
        <g key={t.at}><line x1={x(t.at)} x2={x(t.at)} y1={0} y2={H - 18} stroke="#eceff1" /><text x={x(t.at)} y={H - 4} fontSize={10} textAnchor="middle" fill="#607d8b">{t.label}</text></g>
      ))}
      {rows.map((h, i) => (
        <g key={h.holderId} transform={`translate(0, ${i * ROW + 4})`}>
          <text x={0} y={ROW / 2 + 4} fontSize={11} fill="#37474f">{h.holderName.length > 26 ? `${h.holderName.slice(0, 25)}…` : h.holderName}</text>
          {h.stances.map((s, j) => {
            const t = dayMs(s.date);
            return t === null ? null : <circle key={j} cx={x(t)} cy={ROW / 2} r={5} fill={POLARITY_COLOR[s.polarity] ?? '#999'}><title>{`${dateLabel(s.date)} ${s.polarity}: ${s.label ?? s.topic}`}</title></circle>;
          })}
        </g>
      ))}
    </svg>
  );
}
