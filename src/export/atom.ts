/**
 * An alert's matches as an Atom 1.0 feed (RFC 4287), so any feed reader can follow an alert: one entry per matching
 * document, newest stored first, linking to the document in the web UI, with the sentence that matched as summary.
 */
import type { Alert, AlertMatch } from '../service/alerts.js';
import { xmlEscape } from './xml.js';

export function alertAtom(alert: Alert, matches: AlertMatch[], origin: string): string {
  const updated = matches[0]?.storedAt ?? alert.createdAt;
  const self = `${origin}/api/alerts/${alert.id}.atom`;
  const entries = matches.map((m) => [
    '  <entry>',
    `    <id>urn:dossier:alert:${xmlEscape(alert.id)}:${xmlEscape(m.documentId)}</id>`,
    `    <title>${xmlEscape(m.title ?? '(untitled)')}</title>`,
    `    <updated>${xmlEscape(m.storedAt)}</updated>`,
    m.date ? `    <published>${xmlEscape(m.date)}T00:00:00Z</published>` : null,
    `    <link rel="alternate" type="text/html" href="${xmlEscape(`${origin}/#/doc/${m.documentId}/${m.start}`)}"/>`,
    m.url && /^https?:/i.test(m.url) ? `    <link rel="via" href="${xmlEscape(m.url)}"/>` : null,
    m.source ? `    <source><title>${xmlEscape(m.source)}</title></source>` : null,
    `    <summary>${xmlEscape(m.evidence)}</summary>`,
    '  </entry>',
  ].filter(Boolean).join('\n'));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:dossier:alert:${xmlEscape(alert.id)}</id>`,
    `  <title>Dossier alert: ${xmlEscape(alert.name)}</title>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    '  <author><name>Dossier</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${origin}/#/alerts/${alert.id}`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
