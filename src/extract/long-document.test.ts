/**
 * The long-document bound (issue 12): analysis time grows in proportion to a document's length, for prose and for
 * the shapes that used to be quadratic (a run with no sentence end, a table on one line, thousands of quote marks),
 * and a document over the size budget is refused at once. Timings are compared as a ratio between two sizes
 * measured in the same process, in CPU time, never against a fixed figure: the machine may be busy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './pipeline.js';
import { AnalysisBudgetError } from './budget.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import type { SyntaxModel } from '../nlp/syntax/types.js';
import { fakeSyntaxModel } from '../../test/fake-syntax-model.js';

const kb = defaultKnowledgeBase();

// Sentences written for this test, varied by a counter so that no two paragraphs are the same.
const SENTENCES = [
  (i: number) => `The delegation from Serbia arrived in Brussels on Monday for ${2 + (i % 5)} days of talks with NATO officials.`,
  (i: number) => `“We will not change our position on the border,” Albin Kurti told reporters in Pristina on ${['Tuesday', 'Friday'][i % 2]}.`,
  (i: number) => `In ${1999 + (i % 20)}, the European Union opened an office in Skopje, a spokesperson said.`,
  (i: number) => `Officials in Belgrade accused Kosovo of stoking tensions in the north, a charge Pristina rejected ${i % 3 ? 'at once' : 'last week'}.`,
  (i: number) => `According to Jens Stoltenberg, KFOR has increased its presence near Mitrovica since March ${2010 + (i % 12)}.`,
];

/**
 * A document of about `chars` characters: a tenth prose, and three tenths each of the shapes that used to be quadratic,
 * each as one block that grows with the document: words with no sentence end, a table on one line, quote marks.
 */
function longDocument(chars: number): string {
  const prose: string[] = [];
  for (let i = 0, n = 0; n < chars / 10; i++) {
    const p = Array.from({ length: 4 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]!(i + k)).join(' ');
    prose.push(p);
    n += p.length + 2;
  }
  const grow = (piece: (k: number) => string, sep: string) => {
    const out: string[] = [];
    for (let k = 0, n = 0; n < (chars * 3) / 10; k++) {
      const s = piece(k);
      out.push(s);
      n += s.length + sep.length;
    }
    return out.join(sep);
  };
  const WORDS = ['the', 'talks', 'with', 'Serbia', 'and', 'NATO', 'in', 'Brussels', 'went', 'on', 'since', 'May'];
  const noSentenceEnd = grow((k) => WORDS[(k * 7 + (k >> 4)) % WORDS.length]!, ' ');
  const table = 'Figures by year\n\n' + grow((k) => `| ${2000 + (k % 25)} | Serbia | ${(k * 37) % 1000} | NATO `, '') + '|';
  const quotes = grow((k) => [`"We will see ${k}," the minister said, "and then "we" will talk."`, `“Yes ${k},” said Vučić. "`, `He said "no" and "${k}" in Belgrade.`][k % 3]!, ' ');
  const third = Math.floor(prose.length / 3);
  return [...prose.slice(0, third), noSentenceEnd, ...prose.slice(third, 2 * third), table, ...prose.slice(2 * third), quotes].join('\n\n');
}

/** CPU milliseconds of this process (not wall time: other processes on a shared machine do not count). */
function msToAnalyse(text: string, syntaxModel?: SyntaxModel): number {
  const t0 = process.cpuUsage();
  analyze({ text, date: '2024-03-01', language: 'en' }, kb, { syntaxModel });
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** How much more CPU time 8x the text takes, the small document timed at its fastest of three. */
function growth(smallChars: number, syntaxModel?: () => SyntaxModel): { ratio: number; sizes: number; note: string } {
  msToAnalyse(longDocument(3000), syntaxModel?.()); // loads the models
  const small = longDocument(smallChars);
  const large = longDocument(smallChars * 8);
  // A pause on a busy machine only ever makes the ratio smaller this way.
  const tSmall = Math.min(...[0, 1, 2].map(() => msToAnalyse(small, syntaxModel?.())));
  const tLarge = msToAnalyse(large, syntaxModel?.());
  const ratio = tLarge / tSmall;
  const sizes = large.length / small.length;
  return { ratio, sizes, note: `${small.length} chars: ${tSmall.toFixed(0)} ms; ${large.length} chars: ${tLarge.toFixed(0)} ms; ratio ${ratio.toFixed(1)} for ${sizes.toFixed(1)}x the text` };
}

// Linear is ~8; a step quadratic in the length puts it near 64 once that step dominates.
test('analysis time grows in proportion to the document (8x the text, well under 8x8 the time)', (t) => {
  const g = growth(20_000);
  t.diagnostic(g.note);
  assert.ok(g.ratio < g.sizes * 2.5, g.note);
});

// The parse is most of the cost and is per sentence by construction; with a parser that costs nothing, what is
// left are the steps' own scans, measured on longer documents where a quadratic one shows.
test('the steps around the parser are linear too (a stand-in parser, 8x the text)', (t) => {
  const g = growth(60_000, fakeSyntaxModel);
  t.diagnostic(g.note);
  assert.ok(g.ratio < g.sizes * 2.5, g.note);
});

test('a document of a few MB is refused at once, with the reason', () => {
  const text = longDocument(3_000_000);
  const t0 = performance.now();
  assert.throws(() => analyze({ text, date: '2024-03-01', language: 'en' }, kb), (err: unknown) => {
    assert.ok(err instanceof AnalysisBudgetError);
    assert.match(err.message, /^is 3,0\d\d,\d\d\d characters of text; analysis takes at most 1,000,000 a document \(--max-chars\)/);
    return true;
  });
  assert.ok(performance.now() - t0 < 1000, 'refused before any analysis');
});
