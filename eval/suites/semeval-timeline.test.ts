import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseGoldDate, parseGoldTimeline, parseTml, scoreTimeline } from './semeval-timeline.js';

test('a TimeML file becomes text with token offsets and sentence ids', () => {
  const tml = parseTml(`<TimeML><DOCID>42</DOCID><DCT><TIMEX3 tid="t0" value="2010-05-06">x</TIMEX3></DCT>
<TEXT><s id="0">Ferry line <EVENT eid="e1">expands</EVENT></s><s id="1">The firm , based in Split , <EVENT eid="e2">bought</EVENT> two ships ( new ) for A&amp;B 's fleet .</s></TEXT></TimeML>`);
  assert.equal(tml.id, '42');
  assert.equal(tml.date, '2010-05-06');
  assert.equal(tml.text, "Ferry line expands\nThe firm, based in Split, bought two ships (new) for A&B's fleet.");
  const bought = tml.tokens.find((t) => t.text === 'bought')!;
  assert.equal(bought.sentence, 1);
  assert.equal(tml.text.slice(bought.start, bought.end), 'bought');
});

test('gold dates keep their known parts; timelines parse', () => {
  assert.equal(normaliseGoldDate('2003-XX-XX'), '2003');
  assert.equal(normaliseGoldDate('2008-03-XX'), '2008-03');
  assert.equal(normaliseGoldDate('XXXX-XX-XX'), null);
  const g = parseGoldTimeline('Ferry Co\n0\tXXXX-XX-XX\t42-1-bought\n1\t2010-05\t42-2-sailed\t43-4-voyage\n');
  assert.equal(g.entity, 'Ferry Co');
  assert.deepEqual(g.lines[1], { ordinal: 1, date: '2010-05', mentions: ['42-2-sailed', '43-4-voyage'] });
});

test('the proxy scores count mentions, dated mentions and cross-document merges', () => {
  const gold = parseGoldTimeline('X\n0\tXXXX-XX-XX\t42-1-bought\n1\t2010-05\t42-2-sailed\t43-4-voyage\n').lines;
  const s = scoreTimeline(gold, [
    { keys: ['42-1-bought'], date: null, entry: 'a', document: '42' },
    { keys: ['42-2-set', '42-2-sailed'], date: '2010-05-03', entry: 'b', document: '42' },
    { keys: ['43-4-voyage'], date: '2010-05', entry: 'b', document: '43' },
    { keys: ['43-5-docked'], date: null, entry: 'c', document: '43' },
  ]);
  assert.deepEqual(s.mentions, { tp: 3, fp: 1, fn: 0 });
  assert.deepEqual(s.anchored, { tp: 2, fp: 2, fn: 1 });
  assert.deepEqual(s.merges, { tp: 1, fp: 0, fn: 0 });
});
