import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyLine, cleanText, normalizeText } from './clean.js';

const BODY = [
  'Harbour Talks Stall Over Fishing Quotas | The Coastal Ledger',
  '',
  'Negotiators from the two port towns left the meeting on Tuesday without an agreement on next year’s catch.',
  '',
  'The mayor of Eastbridge said the offer “would empty our boats by August”.',
  '',
  'Talks resume',
  '',
  'Both delegations agreed to meet again before the end of the month.',
];

test('a comment form and share row after the article go as a whole block', () => {
  const residue = [
    '',
    'Share this:',
    '',
    'Click to share on Facebook (Opens in new window)',
    'Tweet',
    '',
    'Like this:',
    '',
    'Loading...',
    '',
    'Post a Comment',
    '',
    'Enter your comment here, or click an icon to log in: Avatar',
    '',
    'You are commenting using your Mastodon account. Log Out /  Change )',
    '',
    'Posting to %s',
    '',
    'Notify me of new posts via email.',
  ];
  const cleaned = cleanText([...BODY, ...residue].join('\n'));
  assert.ok(cleaned.endsWith('Both delegations agreed to meet again before the end of the month.'));
  assert.ok(!/Tweet|Loading|%s|Notify/.test(cleaned));
});

test('the headline keeps its words and loses the " | Site" suffix', () => {
  const cleaned = cleanText(BODY.join('\n'));
  assert.equal(cleaned.split('\n')[0], 'Harbour Talks Stall Over Fishing Quotas');
  assert.ok(cleaned.includes('\nTalks resume\n'), 'a subheading without UI words stays');
});

test('a dash in the first line is kept when no pipe marks a site', () => {
  const cleaned = cleanText('Rivers - and the Towns Beside Them\n\nThe river rose two metres overnight, officials said.');
  assert.equal(cleaned.split('\n')[0], 'Rivers - and the Towns Beside Them');
});

test('residue at the start and in the middle goes; sentences that mention sharing or comments stay', () => {
  const text = [
    'Skip to content',
    'Menu',
    'Advertisement',
    'The committee declined to comment on the leaked draft, which was shared widely on Monday.',
    '',
    'Advertisement',
    '',
    'Photo: Lena Brandt / Harbour Images',
    '',
    'Read more: Five things to know about the quota dispute',
    '',
    'Updated 9:41 am CET, Thursday, March 7, 2024',
    '',
    'Farmers said they would follow the talks closely and share their own proposal next week.',
  ].join('\n');
  assert.equal(
    cleanText(text),
    'The committee declined to comment on the leaked draft, which was shared widely on Monday.\n\n' +
      'Farmers said they would follow the talks closely and share their own proposal next week.',
  );
});

test('a cookie notice addressed to the reader goes, reported speech about cookies stays', () => {
  const text = [
    'We use cookies to improve your browsing experience. By continuing you accept our cookie policy.',
    '',
    'The bakery owner said cookies were selling faster than bread since the festival opened.',
  ].join('\n');
  assert.equal(cleanText(text), 'The bakery owner said cookies were selling faster than bread since the festival opened.');
});

test('a newsletter prompt and a related-articles block at the end go', () => {
  const text = [
    'The new bridge will open to traffic in the spring, the ministry said.',
    '',
    'Sign up for our daily newsletter',
    'Related articles',
    'Bridge costs rise again',
    'Ferry service to close in May',
  ].join('\n');
  assert.equal(cleanText(text), 'The new bridge will open to traffic in the spring, the ministry said.');
});

test('normalisation: CRLF, trailing spaces, zero-width characters, blank runs; curly quotes untouched', () => {
  const text = 'First line with “quotes” and it’s fine.  \r\n\r\n\r\n\r\nSecond\u200b line, also ‘fine’.\t\r\n';
  assert.equal(normalizeText(text), 'First line with “quotes” and it’s fine.\n\nSecond line, also ‘fine’.\n');
  assert.equal(cleanText(text), 'First line with “quotes” and it’s fine.\n\nSecond line, also ‘fine’.');
});

test('classifyLine: shape and vocabulary decide', () => {
  assert.equal(classifyLine('Share prices fell after the bank said it would close two branches.'), 'sentence');
  assert.equal(classifyLine('Instagram picture'), 'residue');
  assert.equal(classifyLine('Follow us on Twitter'), 'residue');
  assert.equal(classifyLine('© Harbour Images'), 'residue');
  assert.equal(classifyLine('Image credit: Harbour Images'), 'residue');
  assert.equal(classifyLine('Talks resume'), 'content');
  assert.equal(classifyLine(''), 'blank');
});

// ---------------------------------------------------------------------------------------------------------------
// The seed articles, read at run time. No seed text is copied here: the expectations are computed by rules.

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/seeds');
const seeds = existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort() : [];

/** A long line ending in sentence punctuation: article prose by any reading. */
const isLongSentence = (line: string) => line.trim().split(/\s+/).length >= 8 && /[.!?…]["'”’»)]*$/.test(line.trim());

test('seeds: every long sentence survives; only residue-classified lines go', { skip: !seeds.length }, () => {
  for (const file of seeds) {
    const original = readFileSync(join(seedDir, file), 'utf8');
    const cleaned = cleanText(original);
    const keptLines = new Set(cleaned.split('\n'));
    const lines = normalizeText(original).split('\n');
    for (const [i, line] of lines.entries()) {
      if (isLongSentence(line)) assert.ok(cleaned.includes(line.trim()), `${file}: line ${i + 1} lost`);
      if (!line.trim() || keptLines.has(line) || i === lines.findIndex((l) => l.trim())) continue;
      // A removed line must be residue-like by the classifier, and never a long sentence.
      assert.notEqual(classifyLine(line), 'sentence', `${file}: line ${i + 1} removed although a sentence`);
      assert.ok(!isLongSentence(line), `${file}: line ${i + 1} removed`);
    }
  }
});

test('seeds 003 and 004: the cleaned text ends with the last sentence line before the residue', { skip: !seeds.length }, () => {
  for (const file of seeds.filter((f) => /^00[34]_/.test(f))) {
    const lines = normalizeText(readFileSync(join(seedDir, file), 'utf8')).split('\n');
    const lastSentence = [...lines].reverse().find(isLongSentence)!;
    assert.ok(cleanText(lines.join('\n')).endsWith(lastSentence.trim()), `${file} ends with residue`);
  }
});

test('seed 004: the headline loses its " | Site" suffix and keeps its words', { skip: !seeds.length }, () => {
  const file = seeds.find((f) => f.startsWith('004_'));
  if (!file) return;
  const original = readFileSync(join(seedDir, file), 'utf8');
  const firstLine = original.split('\n')[0]!;
  assert.ok(firstLine.includes(' | '), 'the seed headline carries a site suffix');
  const cleanedFirst = cleanText(original).split('\n')[0]!;
  assert.equal(cleanedFirst, firstLine.slice(0, firstLine.lastIndexOf(' | ')).trim());
});

test('a menu of very short lines before the article goes; a short heading before prose stays', () => {
  const menu = ['Local', 'World', 'Sports', 'Business', 'Weather', 'Jobs', 'Cars'];
  const prose = 'The ferry service will end in May, the port authority said on Friday.';
  assert.equal(cleanText([...menu, prose].join('\n')), prose);
  assert.equal(cleanText(['Harbour news', 'By Ana Kos', prose].join('\n')), `Harbour news\nBy Ana Kos\n${prose}`);
});
