/** Import: paste text, drop or pick files, or give article and feed URLs; progress while it runs; the new documents after. */
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { api, authHeaders, docHref, token, useApi, type DocumentSummary, type ImportJob, type Page } from '../api';

export function ImportView() {
  const config = useApi<{ writeNeedsToken: boolean }>('/api/config');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [urls, setUrls] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [secret, setSecret] = useState(token.get());
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<DocumentSummary[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // Poll the job until it is finished, then show what it stored.
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const t = setTimeout(() => api<ImportJob>(`/api/import/${job.id}`).then(setJob, (e: Error) => setError(e.message)), 400);
    return () => clearTimeout(t);
  }, [job]);
  useEffect(() => {
    if (job?.status !== 'done' || !job.summary.stored.length) return;
    const stored = new Set(job.summary.stored);
    api<Page<DocumentSummary>>(`/api/documents?limit=200`).then((p) => setAdded(p.items.filter((d) => stored.has(d.id))), () => {});
  }, [job?.status]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAdded([]);
    const form = new FormData();
    if (text.trim()) form.set('text', text);
    if (title.trim()) form.set('title', title);
    if (date) form.set('date', date);
    if (urls.trim()) form.set('urls', urls);
    for (const f of files) form.append('files', f, f.name);
    if (secret) token.set(secret);
    try {
      setJob(await api<ImportJob>('/api/import', { method: 'POST', body: form, headers: authHeaders() }));
      setText('');
      setTitle('');
      setFiles([]);
      setUrls('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    setFiles((prev) => [...prev, ...Array.from(e.dataTransfer.files)]);
  };

  const running = job && (job.status === 'queued' || job.status === 'running');
  const s = job?.summary;
  return (
    <div className="import">
      <h1>Import</h1>
      <p className="muted">Add articles: paste a text, drop files (.txt, .md, .html, .jsonl, .pdf, .docx), or give article or RSS/Atom feed URLs. Each is cleaned, analysed and stored.</p>
      <form onSubmit={submit} aria-label="Import articles">
        <label>Article text<textarea name="text" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste an article here" /></label>
        <div className="row">
          <label>Title (for pasted text)<input name="title" value={title} onChange={(e) => setTitle(e.target.value)} /></label>
          <label>Publication date<input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        </div>
        <div className={`dropzone${dragging ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
          <p>Drop files here, or <label className="inline">choose files<input ref={fileInput} type="file" name="files" multiple accept=".txt,.md,.html,.htm,.jsonl,.ndjson,.pdf,.docx" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} /></label></p>
          {files.length > 0 && <ul className="files">{files.map((f) => <li key={f.name}>{f.name} <span className="muted small">{(f.size / 1024).toFixed(1)} KB</span></li>)}</ul>}
        </div>
        <label>Article or feed URLs (one per line)<textarea name="urls" rows={3} value={urls} onChange={(e) => setUrls(e.target.value)} placeholder="https://…" /></label>
        {config.data?.writeNeedsToken && <label>Access token<input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" /></label>}
        <button type="submit" disabled={!!running}>{running ? 'Importing…' : 'Import'}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {job && s && (
        <section className="progress" aria-live="polite" data-status={job.status}>
          <h2>{job.status === 'done' ? 'Import finished' : job.status === 'failed' ? 'Import failed' : 'Importing…'}</h2>
          <progress max={Math.max(job.inputs, s.read + s.failed)} value={s.read + s.failed} />
          <p>{s.read} read, {s.new} new, {s.duplicate} already stored, {s.nearDuplicate} near-duplicates, {s.failed} failed{job.current ? ` — ${job.current}` : ''}</p>
          {job.error && <p className="error">{job.error}</p>}
          {s.failures.length > 0 && <ul className="failures">{s.failures.map((f, i) => <li key={i}><strong>{f.origin}</strong>: {f.message}</li>)}</ul>}
          {added.length > 0 && (
            <>
              <h3>New documents</h3>
              <ul className="doclist new-documents">{added.map((d) => <li key={d.id}><a href={docHref(d.id)}>{d.title ?? '(untitled)'}</a> <span className="muted small">{d.date ?? 'undated'} · {d.wordCount} words</span></li>)}</ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
