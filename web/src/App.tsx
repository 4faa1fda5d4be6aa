/**
 * The workbench shell: navigation and hash routing (`#/entity/kb:serbia`, `#/doc/<id>/<offset>`). The graph and
 * map views are loaded on demand so the first page stays small.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api, type Stats } from './api';
import { Overview } from './views/Overview';
import { ImportView } from './views/Import';
import { EntityView } from './views/Entity';
import { TimelineView } from './views/Timeline';
import { ReaderView } from './views/Reader';
import { SearchView } from './views/Search';
import { CompareView } from './views/Compare';
import { DocumentsView } from './views/Documents';
import { CorrectionsView } from './views/Corrections';
import { AlertBadge, AlertsView } from './views/Alerts';
import { TopicsView } from './views/Topics';

const GraphView = lazy(() => import('./views/Graph'));
const MapView = lazy(() => import('./views/Map'));

export interface Route {
  view: string;
  args: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2) as [string, string?];
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { view: parts[0] ?? '', args: parts.slice(1), params: new URLSearchParams(query) };
}

function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}

const NAV: [string, string][] = [
  ['overview', 'Overview'], ['documents', 'Documents'], ['graph', 'Graph'], ['timeline', 'Timeline'], ['topics', 'Topics'], ['map', 'Map'],
  ['search', 'Search'], ['compare', 'Compare'], ['import', 'Import'], ['alerts', 'Alerts'], ['corrections', 'Corrections'],
];

export function App() {
  const route = useRoute();
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => {
    api<Stats>('/api/stats').then(setStats, () => setStats(null));
  }, [route.view]);
  // An empty store opens on Import: there is nothing else to look at yet.
  const view = route.view || (stats && stats.documents === 0 ? 'import' : stats ? 'overview' : '');
  let page: ReactNode;
  switch (view) {
    case '': page = <p className="muted">Loading…</p>; break;
    case 'overview': page = <Overview />; break;
    case 'import': page = <ImportView />; break;
    case 'documents': page = <DocumentsView params={route.params} />; break;
    case 'entity': page = <EntityView id={route.args[0] ?? ''} />; break;
    case 'doc': page = <ReaderView id={route.args[0] ?? ''} at={route.args[1] ? Number(route.args[1]) : undefined} />; break;
    case 'graph': page = <GraphView params={route.params} />; break;
    case 'timeline': page = <TimelineView params={route.params} />; break;
    case 'topics': page = <TopicsView params={route.params} />; break;
    case 'map': page = <MapView />; break;
    case 'search': page = <SearchView query={route.args.join('/')} />; break;
    case 'compare': page = <CompareView id={route.args[0] ?? ''} />; break;
    case 'corrections': page = <CorrectionsView />; break;
    case 'alerts': page = <AlertsView id={route.args[0]} />; break;
    default: page = <p className="error">No such page: {route.view}. <a href="#/overview">Go to the overview</a>.</p>;
  }
  return (
    <div className="shell">
      <header>
        <a className="brand" href="#/overview">Dossier</a>
        <nav aria-label="Views">
          {NAV.map(([v, label]) => <a key={v} href={`#/${v}`} className={view === v ? 'active' : undefined}>{label}{v === 'alerts' && <AlertBadge view={view} />}</a>)}
        </nav>
        {stats && <span className="muted small">{stats.documents} documents · {stats.entities} actors</span>}
      </header>
      <main id="view" data-view={view}>
        <Suspense fallback={<p className="muted">Loading view…</p>}>{page}</Suspense>
      </main>
    </div>
  );
}
