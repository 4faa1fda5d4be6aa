import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ambiguityClasses, type TaggedSentence } from './tagger.js';
import { lexAtom, TagLexicon } from '../src/nlp/syntax/tagger.js';
import { sentenceAtoms } from '../src/nlp/syntax/words.js';
import { deriveVerbForms, regularForms } from '../scripts/derive-verb-forms.js';

const TAGS = ['NOUN NN', 'VERB VB', 'VERB VBD'];
const sent = (words: string[], tags: number[]): TaggedSentence => ({ atoms: sentenceAtoms(words), tags: Int32Array.from(tags) });

test('ambiguity classes: a training sentence sees the classes of the other folds only, run time sees all', () => {
  // Two folds: sentences 0 and 2 are fold 0, sentence 1 is fold 1. "froze" is in fold 0 only.
  const sents = [sent(['froze', 'run'], [2, 1]), sent(['run', 'run'], [0, 1]), sent(['froze', 'run'], [2, 1])];
  const { perSentence, full } = ambiguityClasses(sents, TAGS, 2, 2, 0.05);
  assert.equal(perSentence[0]![0], 0, 'its own fold\'s gold tags are not its class: that would leak them');
  assert.equal(perSentence[1]![0], lexAtom('VERB VB'), 'fold 1 sees "run" as fold 0 tagged it twice, not its own NOUN');
  assert.equal(perSentence[0]![1], lexAtom('NOUN NN|VERB VB'));
  assert.deepEqual(full, { froze: 'VERB VBD', run: 'NOUN NN|VERB VB' });
});

test('the tagger lexicon gives the same atoms at run time as in training, and 0 for a word it does not know', () => {
  const lex = new TagLexicon({ run: 'NOUN NN|VERB VB' }, { froze: 'VBD' });
  const atoms = lex.atoms(sentenceAtoms(['Run', 'froze', 'xyzzy']));
  assert.deepEqual([...atoms.cls], [lexAtom('NOUN NN|VERB VB'), 0, 0]);
  assert.deepEqual([...atoms.verb], [0, lexAtom('VBD'), 0]);
});

test('verb forms: the dictionary\'s own forms where it lists them, regular ones by spelling otherwise', () => {
  assert.deepEqual(regularForms('ban'), { VBZ: ['bans'], VBG: ['baning', 'banning'], VBD: ['baned', 'banned'] });
  assert.deepEqual(regularForms('deny'), { VBZ: ['denies'], VBG: ['denying'], VBD: ['denied'] });
  assert.deepEqual(regularForms('seize'), { VBZ: ['seizes'], VBG: ['seizing'], VBD: ['seized'] });
  const forms = deriveVerbForms({ freeze: [{ forms: ['freezes', 'freezing', 'froze', 'frozen'] }], cancel: [{}] });
  assert.deepEqual([...forms.get('froze')!], ['VBD']);
  assert.deepEqual([...forms.get('freezing')!], ['VBG']);
  assert.deepEqual([...forms.get('freezes')!], ['VBZ']);
  assert.deepEqual([...forms.get('cancel')!], ['VB']);
  assert.deepEqual([...forms.get('cancelled')!], ['VBD'], 'cancel may double its l');
  assert.equal(forms.get('freezed'), undefined, 'no regular forms beside listed ones');
});
