/**
 * The map, offline: world-atlas country shapes drawn with d3-geo as SVG (no tiles), actors the knowledge base
 * places as dots sized by documents, located events as red marks. A click opens the entity.
 */
import { useMemo, useState } from 'react';
import { geoMercator, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries110 from 'world-atlas/countries-110m.json';
import { entityHref, useApi, type LocatedEvent, type Place } from '../api';
import { Status } from '../components/ui';

const W = 900;
const H = 620;
const EXTENTS = {
  balkans: [[13, 39.5], [24, 47.5]],
  europe: [[-12, 34], [45, 66]],
  world: [[-170, -58], [180, 80]],
} as const;

export default function MapView() {
  const { data, error, loading } = useApi<{ places: Place[]; events: LocatedEvent[] }>('/api/places');
  const [extent, setExtent] = useState<keyof typeof EXTENTS>('europe');
  const land = useMemo(() => {
    const topo = countries110 as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topo, topo.objects.countries).features;
  }, []);
  const projection = useMemo(() => {
    const [[x0, y0], [x1, y1]] = EXTENTS[extent];
    return geoMercator().fitExtent([[10, 10], [W - 10, H - 10]], { type: 'MultiPoint', coordinates: [[x0, y0], [x1, y1]] });
  }, [extent]);
  const path = geoPath(projection);
  const maxDocs = Math.max(1, ...(data?.places ?? []).map((p) => p.documents));
  const labelled = useMemo(() => labelPlaces(data?.places ?? [], projection), [data, projection]);
  return (
    <div className="map">
      <h1>Map</h1>
      <div className="filters" role="group" aria-label="Area">
        {(Object.keys(EXTENTS) as (keyof typeof EXTENTS)[]).map((k) => <button key={k} type="button" className={k === extent ? 'active' : undefined} onClick={() => setExtent(k)}>{k}</button>)}
      </div>
      <Status loading={loading && !data} error={error}>
        <svg className="worldmap" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Map of places and located events">
          <rect width={W} height={H} className="sea" />
          <path d={path(geoGraticule10()) ?? ''} className="graticule" />
          {land.map((f, i) => <path key={i} d={path(f) ?? ''} className="country"><title>{f.properties?.name}</title></path>)}
          {data?.places.map((p) => {
            const xy = projection([p.lon, p.lat]);
            if (!xy) return null;
            return (
              <a key={p.id} href={entityHref(p.id)} className="place">
                <circle cx={xy[0]} cy={xy[1]} r={3 + 9 * Math.sqrt(p.documents / maxDocs)}><title>{`${p.name}: ${p.documents} documents`}</title></circle>
                {labelled.has(p.id) && <text x={xy[0] + 8} y={xy[1] + 4}>{p.name}</text>}
              </a>
            );
          })}
          {data?.events.map((v, i) => {
            const xy = projection([v.lon, v.lat]);
            if (!xy) return null;
            return (
              <a key={`e${i}`} href={entityHref(v.locationId)} className="located-event">
                <rect x={xy[0] - 3 + (i % 5) * 2} y={xy[1] - 3 - (i % 5) * 2} width={6} height={6} transform={`rotate(45 ${xy[0]} ${xy[1]})`}><title>{`${v.date ?? ''} ${v.type} in ${v.locationName}: ${v.sourceName ?? '?'} → ${v.targetName ?? '?'}${v.modality !== 'asserted' ? ` (${v.modality})` : ''}`}</title></rect>
              </a>
            );
          })}
        </svg>
        <section>
          <h2>Places ({data?.places.length ?? 0})</h2>
          {data && !data.places.length && <p className="muted empty">No actor the knowledge base can place yet.</p>}
          <ul className="places">{data?.places.map((p) => <li key={p.id}><a href={entityHref(p.id)}>{p.name}</a> <span className="muted small">{p.lat.toFixed(2)}, {p.lon.toFixed(2)} · {p.documents} docs{p.via === 'seat' ? ' · at its seat' : ''}</span></li>)}</ul>
        </section>
      </Status>
    </div>
  );
}

/** Names the places that fit: the most documented first, skipping any label that would overlap one already placed. */
function labelPlaces(places: Place[], projection: (p: [number, number]) => [number, number] | null): Set<string> {
  const boxes: [number, number, number, number][] = [];
  const out = new Set<string>();
  for (const p of [...places].sort((a, b) => b.documents - a.documents)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const box: [number, number, number, number] = [xy[0] + 6, xy[1] - 8, xy[0] + 10 + p.name.length * 6.4, xy[1] + 6];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    out.add(p.id);
  }
  return out;
}
