import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeModel } from './model-file.js';
import { DEFAULT_MODEL_PATH } from './model.js';
import { tagScoresAt, tagSentence, WordScoreCache } from './tagger.js';
import { sentenceAtoms } from './words.js';

// The shipped tables, read directly (no tag dictionary: every word is scored, so every memo path is taken).
const { tables } = decodeModel(readFileSync(DEFAULT_MODEL_PATH), 'syntax model');

test('the tagger\'s memo of a word\'s own feature sums gives the very scores of summing afresh', () => {
  const sentences = [
    ['Ivo', 'Brenk', 'met', 'the', 'Tarsk', 'delegation', 'in', 'Valmora', '.'],
    ['The', 'delegation', 'met', 'Brenk', 'again', 'and', 'the', 'delegation', 'left', '.'],
    ['Valmora', 'said', 'Tarsk', 'had', 'met', 'the', 'terms', '.'],
  ];
  // A memo of three forms, so it is emptied and refilled while the sentences are tagged, and one that keeps every
  // form ("delegation" twice, after different tags: one memoised sum serves both).
  for (const [table, limit] of [[tables.tagger, 3], [tables.tagger2, 3], [tables.tagger, 8192], [tables.tagger2, 8192]] as const) {
    const memo = new WordScoreCache(table, limit);
    for (const forms of sentences) {
      const a = sentenceAtoms(forms);
      const ahead = table === tables.tagger2 ? tagSentence(tables.tagger, a) : undefined;
      const plain = tagSentence(table, a, ahead);
      assert.deepEqual(tagSentence(table, a, ahead, undefined, memo), plain);
      for (let i = 0; i < forms.length; i++) {
        const fresh = Float32Array.from(tagScoresAt(table, a, i, plain, new Float32Array(table.nClasses), ahead));
        // Twice: a miss, then (unless evicted meanwhile) a hit.
        for (let k = 0; k < 2; k++) {
          assert.deepEqual(tagScoresAt(table, a, i, plain, new Float32Array(table.nClasses), ahead, memo), fresh);
        }
      }
    }
  }
});
