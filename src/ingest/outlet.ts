/**
 * A document's outlet: the publisher an analyst would cite ("Al Jazeera"), as opposed to its origin (the path or
 * URL it was read from). Named outright by `--source`, a manifest or JSONL `source`, or a feed's title; otherwise
 * read off the URL's site: a host the KB lists for an outlet (`sites`) gives the outlet's name, any other host a
 * readable form of itself (`www.example.org` → `example.org`).
 */
import type { KbEntry, KnowledgeBase } from '../model/types.js';

/** Host prefixes that say nothing about the outlet: the same site on the web, on phones, in AMP. */
const NOISE_PREFIX = /^(?:www\d*|m|mobile|amp|edition|beta)\./;

/** Per KB, the outlets by site; built on first use, never changed afterwards (the KB is frozen). */
const bySite = new WeakMap<KnowledgeBase, Map<string, KbEntry>>();

function siteIndex(kb: KnowledgeBase): Map<string, KbEntry> {
  let index = bySite.get(kb);
  if (!index) {
    index = new Map();
    for (const e of kb.entries) for (const site of e.sites ?? []) if (!index.has(site)) index.set(site, e);
    bySite.set(kb, index);
  }
  return index;
}

/** The host of an http(s) URL in lower case, or null for anything else. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && u.hostname ? u.hostname.toLowerCase().replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}

/**
 * The outlet a host belongs to: the KB outlet whose site is the host or a parent of it, the longest such site
 * winning (`balkans.aljazeera.net` is Al Jazeera Balkans, `aljazeera.net` Al Jazeera); otherwise the host
 * without its `www.`. Null for a host that is an address: an IP names no outlet.
 */
export function outletOfHost(host: string, kb: KnowledgeBase): string | null {
  if (/^\d+(\.\d+){3}$/.test(host) || host.includes(':') || !host.includes('.')) return null;
  const index = siteIndex(kb);
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const entry = index.get(labels.slice(i).join('.'));
    if (entry) return entry.name;
  }
  return host.replace(NOISE_PREFIX, '');
}

export interface OutletClaims {
  /** `--source NAME`, for every document of the run. */
  given?: string | null;
  /** What the input says: a manifest's or JSONL line's `source`, a feed's title. */
  stated?: string | null;
  /** The document's URL, when it has one. */
  url?: string | null;
}

/** The outlet from the strongest claim: given, then stated, then the URL's site. */
export function resolveOutlet(claims: OutletClaims, kb: KnowledgeBase): string | null {
  const named = clean(claims.given) ?? clean(claims.stated);
  if (named) return named;
  const host = hostOf(claims.url);
  return host ? outletOfHost(host, kb) : null;
}

const clean = (s: string | null | undefined) => (s && s.trim() ? s.trim().replace(/\s+/g, ' ').slice(0, 200) : null);
