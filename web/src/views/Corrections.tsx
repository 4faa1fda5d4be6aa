/**
 * Corrections in the UI: the badge that marks what an analyst corrected, the small controls that make a correction
 * (a quote's speaker, an event rejected or confirmed, an entity renamed or merged), and the panel listing every
 * correction with its undo. All of it goes through /api/corrections; the analysis itself is never edited.
 */
import { useState, type FormEvent } from 'react';
import { api, authHeaders, useApi, type Page } from '../api';
import { Status } from '../components/ui';
import type { Correction } from '../../../src/service/corrections.js';

/** Records a correction; answers the error message, or null when it was recorded. */
export async function correct(kind: string, target: Record<string, unknown>, value: Record<string, unknown> = {}, reason?: string): Promise<string | null> {
  try {
    await api('/api/corrections', { method: 'POST', headers: { 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify({ kind, target, value, reason }) });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** An entity id from what the analyst typed: an id, or a name in any spelling. */
async function entityId(name: string): Promise<string> {
  return (await api<{ id: string }>(`/api/entities/lookup?name=${encodeURIComponent(name.trim())}`)).id;
}

export function CorrectedBadge({ ids, rejected }: { ids?: string[]; rejected?: boolean }) {
  if (!ids?.length) return null;
  return <a className={`badge corrected${rejected ? ' rejected' : ''}`} href="#/corrections" title={`corrections #${ids.join(', #')}`}>{rejected ? 'rejected' : 'corrected'}</a>;
}

/** A button that opens a one-field form; `submit` gets the text and answers an error message or null. */
export function FixForm({ label, placeholder, submit, done }: { label: string; placeholder: string; submit: (text: string) => Promise<string | null>; done: () => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) return <button type="button" className="fix" onClick={() => setOpen(true)}>{label}</button>;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await submit(text);
    setError(err);
    if (!err) {
      setOpen(false);
      done();
    }
  };
  return (
    <form className="fix-form" onSubmit={onSubmit}>
      <input aria-label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      <button type="submit">Save</button> <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      {error && <span className="error small" role="alert">{error}</span>}
    </form>
  );
}

/** Sets a quote's speaker by name ("none" clears it). */
export function SpeakerFix({ document, local, done }: { document: string; local: string; done: () => void }) {
  return <FixForm label="fix speaker" placeholder="speaker's name, or none" done={done} submit={async (name) => {
    let speaker: string | null = null;
    if (name.trim().toLowerCase() !== 'none') {
      try {
        speaker = await entityId(name);
      } catch (err) {
        return (err as Error).message;
      }
    }
    return correct('speaker', { document, local }, { speaker });
  }} />;
}

export function EventFix({ document, local, rejected, done }: { document: string; local: string; rejected?: boolean; done: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: string) => {
    const err = await correct(kind, { document, local });
    setError(err);
    if (!err) done();
  };
  return (
    <>
      {rejected ? <button type="button" className="fix" onClick={() => run('event-confirm')}>confirm</button>
        : <button type="button" className="fix" onClick={() => run('event-reject')}>reject</button>}
      <FixForm label="type…" placeholder="a PLOVER type" done={done} submit={(type) => correct('event-type', { document, local }, { type })} />
      <FixForm label="date…" placeholder="YYYY-MM-DD, or none" done={done} submit={(date) => correct('event-date', { document, local }, { date: date.trim() })} />
      <FixForm label="actors…" placeholder="source → target (none clears)" done={done} submit={async (text) => {
        const [source, target] = text.split(/\s*(?:→|->)\s*/);
        const value: Record<string, string | null> = {};
        try {
          for (const [role, name] of [['source', source], ['target', target]] as const) {
            if (name === undefined || !name.trim()) continue;
            value[role] = name.trim().toLowerCase() === 'none' ? null : await entityId(name);
          }
        } catch (err) {
          return (err as Error).message;
        }
        return correct('event-actors', { document, local }, value);
      }} />
      {error && <span className="error small" role="alert">{error}</span>}
    </>
  );
}

/** Rename an entity, or merge it into another one named by the analyst. */
export function EntityFixes({ id, done }: { id: string; done: () => void }) {
  return (
    <span className="entity-fixes">
      <FixForm label="rename" placeholder="the right name" done={done} submit={(name) => correct('rename', { entity: id }, { name })} />
      <FixForm label="set type" placeholder="PERSON, ORG, GPE…" done={done} submit={(type) => correct('entity-type', { entity: id }, { type })} />
      <FixForm label="KB link" placeholder="a knowledge-base id, or none" done={done} submit={(kbId) => correct('kb-link', { entity: id }, { kbId: kbId.trim() })} />
      <FixForm label="merge into…" placeholder="the entity it is" done={done} submit={async (name) => {
        try {
          return await correct('merge', { entity: id }, { into: await entityId(name) });
        } catch (err) {
          return (err as Error).message;
        }
      }} />
    </span>
  );
}

export function CorrectionsView() {
  const [all, setAll] = useState(false);
  const { data, error, loading, reload } = useApi<Page<Correction>>(`/api/corrections?limit=200${all ? '&all=true' : ''}`);
  const [failure, setFailure] = useState<string | null>(null);
  const undo = async (id: string) => {
    try {
      await api(`/api/corrections/${id}`, { method: 'DELETE', headers: authHeaders() });
      setFailure(null);
      reload();
    } catch (err) {
      setFailure((err as Error).message);
    }
  };
  return (
    <article className="corrections">
      <h1>Corrections</h1>
      <p className="muted">What analysts corrected. Each applies wherever the corrected thing is shown, and keeps applying when documents are
        imported again or re-analysed; undo lets the analysis show through again.</p>
      <label className="toggle"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />show undone ones</label>
      {failure && <p className="error" role="alert">{failure}</p>}
      <Status loading={loading && !data} error={error} empty={data && !data.items.length && 'No corrections yet.'}>
        <ul className="correction-list">
          {data?.items.map((c) => (
            <li key={c.id} data-correction={c.id} className={c.undoneAt ? 'undone' : undefined}>
              <span className="badge">#{c.id}</span> {c.label ?? c.kind}
              <span className="muted small"> · {c.author} · {c.createdAt}{c.reason ? ` · ${c.reason}` : ''}{c.undoneAt ? ` · undone ${c.undoneAt}` : ''}</span>
              {!c.undoneAt && <button type="button" className="fix" onClick={() => undo(c.id)}>undo</button>}
            </li>
          ))}
        </ul>
      </Status>
    </article>
  );
}
