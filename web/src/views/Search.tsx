/** Search: full text over sentences, terms highlighted; and names, fuzzy and diacritic-insensitive. */
import { useEffect, useState, type FormEvent } from 'react';
import { docHref, entityHref, useApi, type EntitySummary, type SearchHit } from '../api';
import { highlightTerms } from '../components/spans';
import { Status, dateLabel } from '../components/ui';

interface Answer {
  query: string;
  hits: SearchHit[];
  entities: EntitySummary[];
  closest: { id: string; name: string } | null;
}

export function SearchView({ query }: { query: string }) {
  const [input, setInput] = useState(query);
  useEffect(() => setInput(query), [query]);
  const { data, error, loading } = useApi<Answer>(query ? `/api/search?q=${encodeURIComponent(query)}&limit=50` : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    location.hash = `#/search/${encodeURIComponent(input.trim())}`;
  };
  return (
    <div className="search">
      <h1>Search</h1>
      <form onSubmit={submit} role="search">
        <input type="search" aria-label="Search words or names" value={input} onChange={(e) => setInput(e.target.value)} placeholder='Words, "a phrase", -excluded, or a name' autoFocus />
        <button type="submit">Search</button>
      </form>
      {query && (
        <Status loading={loading && !data} error={error}>
          {data && (
            <>
              <section>
                <h2>Names</h2>
                {data.entities.length ? (
                  <ul className="names">{data.entities.map((e) => <li key={e.id}><a href={entityHref(e.id)}>{highlightTerms(e.name, query)}</a> <span className="muted small">{e.type} · {e.documents} docs</span></li>)}</ul>
                ) : data.closest ? (
                  <p>No name contains “{query}”. Closest: <a href={entityHref(data.closest.id)}>{data.closest.name}</a></p>
                ) : <p className="muted">No names match.</p>}
              </section>
              <section>
                <h2>In the text ({data.hits.length})</h2>
                <ul className="hits">
                  {data.hits.map((h, i) => (
                    <li key={i}><a href={docHref(h.documentId, h.start)}>{h.title ?? '(untitled)'}</a> <span className="muted small">{dateLabel(h.date)} · {h.source}</span>
                      <p className="snippet">{highlightTerms(h.sentence, query)}</p></li>
                  ))}
                </ul>
                {!data.hits.length && <p className="muted">No sentence matches.</p>}
              </section>
            </>
          )}
        </Status>
      )}
    </div>
  );
}
