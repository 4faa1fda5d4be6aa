import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reflowPage, type PlacedText } from './reflow.js';

/** Lines of 12-point text, top to bottom; `gap` is the baseline step before each line. */
function page(lines: [string, number][]): PlacedText[] {
  let y = 720;
  return lines.map(([str, gap]) => {
    y -= gap;
    return { str, transform: [12, 0, 0, 12, 72, y], height: 12, hasEOL: true };
  });
}

test('lines at the usual spacing are one paragraph; a wider gap starts another', () => {
  assert.equal(reflowPage(page([['Heading', 0], ['The envoy met Prime', 28], ['Minister Ilic in the capital.', 14], ['She left on Friday.', 14], ['Next paragraph.', 28]])),
    'Heading\n\nThe envoy met Prime Minister Ilic in the capital. She left on Friday.\n\nNext paragraph.');
});

test('a word broken at a line end joins; items on one line join without an end-of-line mark', () => {
  const items: PlacedText[] = [
    { str: 'The talks were post-', transform: [12, 0, 0, 12, 72, 700], height: 12, hasEOL: true },
    { str: 'poned until ', transform: [12, 0, 0, 12, 72, 686], height: 12, hasEOL: false },
    { str: 'May.', transform: [12, 0, 0, 12, 140, 686], height: 12, hasEOL: false },
    { str: 'A new column begins higher up.', transform: [12, 0, 0, 12, 320, 700], height: 12, hasEOL: true },
  ];
  assert.equal(reflowPage(items), 'The talks were post-poned until May.\n\nA new column begins higher up.');
  assert.equal(reflowPage([]), '');
});
