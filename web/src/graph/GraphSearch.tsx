/**
 * Finding an actor: the names already fetched answer as you type (diacritics ignored); the store's entity list
 * adds those not in the graph yet. Choosing one brings it and its neighbours in.
 */
import { useState, type KeyboardEvent } from 'react';
import { qs, useApi, type EntitySummary, type Graph as GraphData, type Page } from '../api';
import { searchNodes } from './model';

const SUGGESTIONS = 8;

export function GraphSearch({ known, onChoose }: { known: GraphData; onChoose: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const local = searchNodes(known.nodes, query, SUGGESTIONS);
  const wantRemote = query.trim().length >= 2 && local.length < SUGGESTIONS;
  const remote = useApi<Page<EntitySummary>>(wantRemote ? `/api/entities${qs({ q: query.trim(), limit: SUGGESTIONS })}` : null);
  const knownIds = new Set(known.nodes.map((n) => n.id));
  const extra = wantRemote ? (remote.data?.items ?? []).filter((e) => !knownIds.has(e.id) && e.documents > 0) : [];
  const options = [...local.map((n) => ({ id: n.id, name: n.name, type: n.type, inGraph: true })),
    ...extra.map((e) => ({ id: e.id, name: e.name, type: e.type, inGraph: false }))].slice(0, SUGGESTIONS);

  const choose = (id: string) => {
    setQuery('');
    setActive(0);
    onChoose(id);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && options[active]) choose(options[active]!.id);
    else if (e.key === 'Escape') setQuery('');
    else return;
    e.preventDefault();
  };
  return (
    <div className="graph-search">
      <label>Find an actor
        <input type="search" value={query} placeholder="name" aria-label="Find an actor" aria-controls="graph-search-options"
          aria-activedescendant={options[active] ? `graph-option-${active}` : undefined}
          onChange={(e) => { setQuery(e.target.value); setActive(0); }} onKeyDown={onKey} />
      </label>
      {query.trim() && (
        <ul id="graph-search-options" role="listbox" className="suggestions">
          {options.map((o, i) => (
            <li key={o.id} id={`graph-option-${i}`} role="option" aria-selected={i === active} data-option-id={o.id}
              className={i === active ? 'active' : undefined} onMouseDown={(e) => { e.preventDefault(); choose(o.id); }}>
              {o.name} <span className="muted small">{o.type}{o.inGraph ? '' : ' · not drawn yet'}</span>
            </li>
          ))}
          {!options.length && <li className="muted small">{remote.loading ? 'Looking…' : 'No actor by that name.'}</li>}
        </ul>
      )}
    </div>
  );
}
