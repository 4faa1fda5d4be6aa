import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMarkedQuotes } from './marks.js';

const texts = (text: string) => findMarkedQuotes(text).map((q) => text.slice(q.start, q.end));

test('straight single marks: apostrophes inside words, elisions and plural possessives are not marks', () => {
  assert.deepEqual(texts("The mayor's plan for the '90s, rock 'n' roll and the farmers' market stays."), []);
  assert.deepEqual(texts("'We back the teachers' demands,' she said of the city's offer."), ["We back the teachers' demands"]);
  assert.deepEqual(texts("Critics called the vote 'rigged' and the count 'a farce'."), ['rigged', 'a farce']);
  assert.deepEqual(texts("The boats entered 'the fishermen's waters' near the reef 'without a permit'."), ["the fishermen's waters", 'without a permit']);
});

test('a single-mark quote over several paragraphs, each reopening, closes only at the end', () => {
  const text = "The minister said: 'We will build the road.\n\n'We will pay for it ourselves.\n\n'Work starts in May.'";
  assert.deepEqual(texts(text), ['We will build the road.', 'We will pay for it ourselves.', 'Work starts in May.']);
});

test('a stray unclosed mark mid-phrase is read past; one that opens a sentence runs to the paragraph end', () => {
  assert.deepEqual(texts('The probe (known as "Comet 2) landed in 2006. Nobody "saw" it.'), ['saw']);
  assert.deepEqual(texts('“It is late,” she said. “We will stay the night.'), ['It is late', 'We will stay the night.']);
});

test('guillemets, low-high marks and single marks nested in double ones', () => {
  assert.deepEqual(texts('«Nous restons,» he said. „Wir bleiben“, she said.'), ['Nous restons', 'Wir bleiben']);
  assert.deepEqual(texts('“He called it ‘a farce’ and left,” she said.'), ['He called it ‘a farce’ and left']);
});

test('»…« and ‚…‘ as German and Danish papers print them', () => {
  assert.deepEqual(texts('»Wir bleiben,« sagte er. Sie sagte: ‚Nie wieder.‘'), ['Wir bleiben', 'Nie wieder.']);
});

test('guillemets with French spacing inside them', () => {
  assert.deepEqual(texts('Il a dit : « Nous restons ici ». Puis il est parti.'), ['Nous restons ici']);
});
