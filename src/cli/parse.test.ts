import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../nlp/doc.js';
import { toConllu } from './parse.js';
import { contractTokens } from './extract.js';
import { fakeSyntaxModel } from '../../test/fake-syntax-model.js';

// Sentences written for this test.
const TEXT = 'They don’t back the 2020–21 plan.\nVučić met the envoy.';

test('CoNLL-U: comments, ten columns, multiword tokens, character offsets and SpaceAfter', () => {
  const out = toConllu(new Doc(TEXT, fakeSyntaxModel()), { docId: 'notes.txt', firstSentId: 4 });
  const lines = out.split('\n');
  assert.equal(lines[0], '# newdoc id = notes.txt');
  assert.equal(lines[1], '# sent_id = 4');
  assert.equal(lines[2], '# text = They don’t back the 2020–21 plan.');
  assert.ok(out.includes('# sent_id = 5\n# text = Vučić met the envoy.\n'));
  assert.ok(out.endsWith('\n\n'));
  const rows = lines.filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  for (const r of rows) {
    assert.equal(r.length, 10, r.join(' | '));
    const [start, end] = /TokenRange=(\d+):(\d+)/.exec(r[9]!)!.slice(1).map(Number);
    assert.equal(TEXT.slice(start, end), r[1]);
  }
  const byId = (id: string) => rows.find((r) => r[0] === id)!;
  // "don’t" is one token of two words; SpaceAfter is said on the range line, not on its words.
  assert.deepEqual(byId('2-3').slice(0, 2), ['2-3', 'don’t']);
  assert.deepEqual([byId('2')[1], byId('3')[1]], ['do', 'n’t']);
  assert.doesNotMatch(byId('3')[9]!, /SpaceAfter/);
  // "2020–21" is three tokens written together.
  assert.deepEqual([byId('6')[1], byId('7')[1], byId('8')[1]], ['2020', '–', '21']);
  assert.match(byId('6')[9]!, /SpaceAfter=No/);
  assert.doesNotMatch(byId('8')[9]!, /SpaceAfter=No/);
  assert.match(byId('9')[9]!, /SpaceAfter=No/, 'plan is followed by the period');
  // Heads: 1-based, 0 for the root; the fake model roots the sentence at its first verb ("back").
  assert.equal(byId('4')[6], '0');
  assert.equal(byId('4')[7], 'root');
  assert.equal(byId('1')[6], '4');
  assert.equal(byId('1')[8], '_');
});

test('contract tokens: heads index the document-wide array, sentences are numbered', () => {
  const doc = new Doc(TEXT, fakeSyntaxModel());
  const tokens = contractTokens(doc);
  assert.deepEqual([...new Set(tokens.map((t) => t.sentence))], [0, 1]);
  for (const t of tokens) {
    assert.equal(TEXT.slice(t.start, t.end), t.text);
    if (t.head >= 0) assert.equal(tokens[t.head]!.sentence, t.sentence);
  }
  const met = tokens.find((t) => t.text === 'met')!;
  assert.equal(met.head, -1);
  assert.equal(tokens[tokens.findIndex((t) => t.text === 'Vučić')]!.head, tokens.indexOf(met));
});
