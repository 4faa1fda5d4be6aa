/** Every document, filtered by source and dates, a page at a time; deletion when allowed. */
import { useState } from 'react';
import { api, authHeaders, docHref, qs, useApi, type DocumentSummary, type Page } from '../api';
import { Status, dateLabel } from '../components/ui';

const PAGE = 25;

export function DocumentsView({ params }: { params: URLSearchParams }) {
  const [source, setSource] = useState(params.get('source') ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const list = useApi<Page<DocumentSummary>>(`/api/documents${qs({ source, from, to, limit: PAGE, offset })}`);
  const remove = async (d: DocumentSummary) => {
    if (!confirm(`Delete “${d.title ?? d.id}” and everything found in it?`)) return;
    try {
      await api(`/api/documents/${d.id}`, { method: 'DELETE', headers: authHeaders() });
      setMessage(`Deleted ${d.title ?? d.id}.`);
      list.reload();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <div>
      <h1>Documents</h1>
      <div className="filters">
        <label>Source<input value={source} onChange={(e) => { setSource(e.target.value); setOffset(0); }} /></label>
        <label>From<input type="date" value={from} onChange={(e) => { setFrom(e.target.value); setOffset(0); }} /></label>
        <label>To<input type="date" value={to} onChange={(e) => { setTo(e.target.value); setOffset(0); }} /></label>
      </div>
      {message && <p className="notice">{message}</p>}
      <Status loading={list.loading && !list.data} error={list.error} empty={list.data?.total === 0 && 'No documents match.'}>
        <table className="docs">
          <thead><tr><th>Date</th><th>Title</th><th>Source</th><th>Words</th><th /></tr></thead>
          <tbody>
            {list.data?.items.map((d) => (
              <tr key={d.id}>
                <td>{dateLabel(d.date)}</td>
                <td><a href={docHref(d.id)}>{d.title ?? '(untitled)'}</a>{d.nearDuplicateOf && <span className="badge">near-duplicate</span>}</td>
                <td className="small" title={d.origin ?? undefined}>{d.source ?? d.origin?.replace(/^.*[/\\]/, '')}</td>
                <td>{d.wordCount}</td>
                <td><button className="link" onClick={() => remove(d)} aria-label={`Delete ${d.title ?? d.id}`}>delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pager">
          <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
          <span>{offset + 1}–{Math.min(offset + PAGE, list.data?.total ?? 0)} of {list.data?.total}</span>
          <button disabled={offset + PAGE >= (list.data?.total ?? 0)} onClick={() => setOffset(offset + PAGE)}>Next</button>
        </div>
      </Status>
    </div>
  );
}
