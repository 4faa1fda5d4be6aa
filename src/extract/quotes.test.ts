import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, EntityType, KnowledgeBase, Mention, MentionKind, Quote } from '../model/types.js';
import { Doc } from '../nlp/doc.js';
import { extractQuotes } from './quotes.js';
import { emptyKnowledgeBase } from '../kb/load.js';
import { handParsed } from '../../test/hand-parsed-model.js';

const kb = emptyKnowledgeBase();

/** A mention of the `nth` occurrence of `words` in `text`. */
function at(text: string, words: string, kind: MentionKind = 'name', nth = 0): Mention {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `fixture lacks "${words}"`);
  return { start, end: start + words.length, text: words, kind };
}

function entity(id: string, name: string, type: EntityType, mentions: Mention[]): Entity {
  return { id, name, type, kbId: null, wikidata: null, aliases: [name], mentions };
}

function quotes(text: string, entities: Entity[] = []): Quote[] {
  return extractQuotes(new Doc(text), { kb, date: null }, { entities });
}

const brief = (q: Quote) => ({ text: q.text, direct: q.direct, speaker: q.speaker, speakerText: q.speakerText });

test('a quote attributed after it, the speaker named by a pronoun that coreference resolved', () => {
  const text = 'Marta Kovac arrived in Zagreb on Monday.\n“We will build the new bridge before the winter comes,” she said.';
  const marta = entity('e1', 'Marta Kovac', 'PERSON', [at(text, 'Marta Kovac'), at(text, 'she', 'pronoun')]);
  const [q, ...rest] = quotes(text, [marta]);
  assert.deepEqual(rest, []);
  assert.deepEqual(brief(q!), { text: 'We will build the new bridge before the winter comes', direct: true, speaker: 'e1', speakerText: 'she' });
  assert.equal(text.slice(q!.start, q!.end), q!.text);
  assert.deepEqual(q!.speakerSpan, { start: text.lastIndexOf('she'), end: text.lastIndexOf('she') + 3 });
});

test('a quote split around its attribution gives two quotes of the same speaker; "said X" inverts', () => {
  const text = '“The harbour will reopen next month,” said Ivan Petrov. “Fishermen have waited far too long for this day.”';
  const ivan = entity('e1', 'Ivan Petrov', 'PERSON', [at(text, 'Ivan Petrov')]);
  assert.deepEqual(quotes(text, [ivan]).map(brief), [
    { text: 'The harbour will reopen next month', direct: true, speaker: 'e1', speakerText: 'Ivan Petrov' },
    { text: 'Fishermen have waited far too long for this day.', direct: true, speaker: 'e1', speakerText: 'Ivan Petrov' },
  ]);
});

test('a partial quote inside a sentence belongs to the subject of the speech verb before it', () => {
  const text = 'The mayor said the new rail link was “the best news this valley has heard in years” at the opening.';
  const direct = quotes(text).filter((q) => q.direct);
  assert.deepEqual(direct.map(brief), [
    { text: 'the best news this valley has heard in years', direct: true, speaker: null, speakerText: 'The mayor' },
  ]);
});

test('scare quotes are skipped, apostrophes are not quote marks', () => {
  const text = 'The council’s plan for a “green” district was called a “miracle” by the local press, and the region’s farmers’ union stayed quiet.';
  assert.deepEqual(quotes(text).filter((q) => q.direct), []);
});

test('„…” quotes, single ‘…’ quotes and a quote left open until the end of its paragraph', () => {
  const text = [
    '„Our villages need water more than speeches,” the farmer told the visitors.',
    'A neighbour added that the well had been ‘dry since the early spring floods’ and nobody came.',
    'Ana Lukic said: “We asked for help three times. Nobody answered our letters.',
    '“Now we will go to the capital ourselves.”',
  ].join('\n');
  const ana = entity('e1', 'Ana Lukic', 'PERSON', [at(text, 'Ana Lukic')]);
  const direct = quotes(text, [ana]).filter((q) => q.direct).map(brief);
  assert.deepEqual(direct, [
    { text: 'Our villages need water more than speeches', direct: true, speaker: null, speakerText: 'the farmer' },
    { text: 'dry since the early spring floods', direct: true, speaker: null, speakerText: 'A neighbour' },
    { text: 'We asked for help three times. Nobody answered our letters.', direct: true, speaker: 'e1', speakerText: 'Ana Lukic' },
    { text: 'Now we will go to the capital ourselves.', direct: true, speaker: 'e1', speakerText: 'Ana Lukic' },
  ]);
});

test('a whole-paragraph quote after an attribution that ends in a colon', () => {
  const text = 'In a statement on Friday, the ministry wrote:\n“The border crossing stays open for all trucks carrying food.”';
  const ministry = entity('e1', 'Ministry of Transport', 'ORG', [at(text, 'the ministry', 'nominal')]);
  assert.deepEqual(quotes(text, [ministry]).filter((q) => q.direct).map(brief), [
    { text: 'The border crossing stays open for all trucks carrying food.', direct: true, speaker: 'e1', speakerText: 'the ministry' },
  ]);
});

test('a role nominal resolves only through its own mention, never through an organisation named inside it', () => {
  const text = '“Our doors remain open to every partner in the region,” the NATO secretary general said.';
  const nato = entity('e1', 'NATO', 'ORG', [at(text, 'NATO')]);
  const [q] = quotes(text, [nato]);
  assert.equal(q!.speaker, null);
  assert.equal(q!.speakerText, 'the NATO secretary general');
  const chief = entity('e2', 'Jens Stoltenberg', 'PERSON', [at(text, 'the NATO secretary general', 'nominal')]);
  assert.equal(quotes(text, [nato, chief])[0]!.speaker, 'e2');
});

test('indirect speech: said that, told X that, according to X, and a clause before its attribution', () => {
  const text = [
    'The minister told reporters that the talks would resume in the autumn.',
    'According to the central bank, inflation will fall below four percent next year.',
    'Prices for bread have doubled since January, a baker in the old town said.',
    'Analysts believe the currency will hold.',
  ].join('\n');
  assert.deepEqual(quotes(text).map(brief), [
    { text: 'the talks would resume in the autumn', direct: false, speaker: null, speakerText: 'The minister' },
    { text: 'inflation will fall below four percent next year', direct: false, speaker: null, speakerText: 'the central bank' },
    { text: 'Prices for bread have doubled since January', direct: false, speaker: null, speakerText: 'a baker in the old town' },
  ]);
});

test('labelled Q/A interview: long labels and their initials are one speaker; answers run over paragraphs', () => {
  const text = [
    'We talked to the harbour master about the new port.',
    'Coastal Weekly: When will the first ships dock?',
    'Petra Horvat: The first ships arrive in June.',
    'After that we expect two ships a week.',
    'CW: What worries you most?',
    'PH: The weather, as always.',
  ].join('\n');
  const petra = entity('e1', 'Petra Horvat', 'PERSON', [at(text, 'Petra Horvat', 'label')]);
  const turns = quotes(text, [petra]).map(brief);
  assert.deepEqual(turns, [
    { text: 'When will the first ships dock?', direct: true, speaker: null, speakerText: 'Coastal Weekly' },
    { text: 'The first ships arrive in June.', direct: true, speaker: 'e1', speakerText: 'Petra Horvat' },
    { text: 'After that we expect two ships a week.', direct: true, speaker: 'e1', speakerText: 'Petra Horvat' },
    { text: 'What worries you most?', direct: true, speaker: null, speakerText: 'CW' },
    { text: 'The weather, as always.', direct: true, speaker: 'e1', speakerText: 'PH' },
  ]);
});

test('unlabelled interview: question paragraphs go to the interviewer, answers to the interviewee in the headline', () => {
  const text = [
    'Daily Planet interviews painter Lena Novak',
    'What made you start painting?',
    'My grandmother gave me her brushes when I was nine.',
    'Where do you find your subjects?',
    'Mostly on the river, early in the morning.',
    'What comes next for you?',
    'A show in Ljubljana in the spring.',
  ].join('\n');
  const turns = quotes(text).map((q) => [q.speakerText, q.text]);
  assert.deepEqual(turns, [
    ['Daily Planet', 'What made you start painting?'],
    ['Lena Novak', 'My grandmother gave me her brushes when I was nine.'],
    ['Daily Planet', 'Where do you find your subjects?'],
    ['Lena Novak', 'Mostly on the river, early in the morning.'],
    ['Daily Planet', 'What comes next for you?'],
    ['Lena Novak', 'A show in Ljubljana in the spring.'],
  ]);
});

test('ids are q1.. in text order and every span matches its text', () => {
  const text = 'The envoy said the truce was “holding better than anyone had expected”. “It is fragile,” she added.';
  const qs = quotes(text);
  assert.deepEqual(qs.map((q) => q.id), qs.map((_, n) => `q${n + 1}`));
  for (const q of qs) assert.equal(text.slice(q.start, q.end), q.text);
  assert.ok(qs.length >= 2);
});

test('straight single marks: a closing mark told from an apostrophe, a quote reopened at each paragraph', () => {
  const text = [
    "The mayor's office said the teachers' union had agreed. Mayor Tom Reed said: 'We don't want the workers' strike to last.",
    "'The city of the '90s is gone, and rock 'n' roll with it.",
    "'We will meet again on Friday.'",
    "'The bridge will reopen in May,' Reed's deputy told the council.",
  ].join('\n');
  const reed = entity('e1', 'Tom Reed', 'PERSON', [at(text, 'Mayor Tom Reed')]);
  const direct = quotes(text, [reed]).filter((q) => q.direct).map(brief);
  assert.deepEqual(direct, [
    { text: "We don't want the workers' strike to last.", direct: true, speaker: 'e1', speakerText: 'Mayor Tom Reed' },
    { text: "The city of the '90s is gone, and rock 'n' roll with it.", direct: true, speaker: 'e1', speakerText: 'Mayor Tom Reed' },
    { text: 'We will meet again on Friday.', direct: true, speaker: 'e1', speakerText: 'Mayor Tom Reed' },
    { text: 'The bridge will reopen in May', direct: true, speaker: null, speakerText: "Reed's deputy" },
  ]);
});

test('guillemets and a low-high quote', () => {
  const text = '«The harvest was the best in ten years,» the farmers’ leader said. „We need more trucks“, a driver added.';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => [q.text, q.speakerText]), [
    ['The harvest was the best in ten years', 'the farmers’ leader'],
    ['We need more trucks', 'a driver'],
  ]);
});

test('a short quote inside the clause of a speech verb is the speaker\'s wording, not a scare quote', () => {
  const text = [
    'The coast guard accused the trawler of fishing in “protected waters” near the reef.',
    'The harbour was “calm” that night, the port authority added.',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => [q.text, q.speakerText]), [
    ['protected waters', 'The coast guard'],
    ['calm', 'the port authority'],
  ]);
});

test('a time phrase is not part of the speaker; a name after a comma is the speaker of a descriptive phrase', () => {
  const text = [
    'The coast guard on Friday said the trawler had “ignored every warning” before dawn.',
    'Local fishermen, the Harbour Guild, accused the council of “selling the bay”.',
  ].join('\n');
  const guild = entity('e1', 'Harbour Guild', 'ORG', [at(text, 'Harbour Guild')]);
  assert.deepEqual(quotes(text, [guild]).filter((q) => q.direct).map((q) => [q.text, q.speakerText, q.speaker]), [
    ['ignored every warning', 'The coast guard', null],
    ['selling the bay', 'Local fishermen, the Harbour Guild', 'e1'],
  ]);
});

test('a participle after a reported clause reports for the reporter, not for the clause\'s subject', () => {
  const text = 'The coast guard said the trawler had “ignored every warning from the patrol boats”, urging it to “leave the protected zone at once”.';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.speakerText), ['The coast guard', 'The coast guard']);
});

test('a definite description or a surname no mention covers names the entity before it; an indefinite one stays unnamed', () => {
  const text = [
    'The Harbour Guild met on Monday. Lena Marsh of the Harbour Guild spoke for the Fisheries Ministry’s critics.',
    '“We will not move our boats,” the group said.',
    '“The quotas stay as they are,” the ministry said.',
    '“The talks failed,” Ms Marsh said.',
    '“Nobody listens,” a fisherman said.',
  ].join('\n');
  const guild = entity('e1', 'Harbour Guild', 'ORG', [at(text, 'Harbour Guild'), at(text, 'Harbour Guild', 'name', 1)]);
  const ministry = entity('e2', 'Fisheries Ministry', 'ORG', [at(text, 'Fisheries Ministry')]);
  const lena = entity('e3', 'Lena Marsh', 'PERSON', [at(text, 'Lena Marsh')]);
  assert.deepEqual(quotes(text, [guild, ministry, lena]).filter((q) => q.direct).map((q) => [q.speakerText, q.speaker]), [
    ['the group', 'e1'],
    ['the ministry', 'e2'],
    ['Ms Marsh', 'e3'],
    ['a fisherman', null],
  ]);
});

test('unlabelled interview: "X, … interviewed by Y", and a reporter named in the introduction asks the questions', () => {
  const text = [
    'Lena Novak, harbour painter, interviewed by Coastal Weekly',
    'The questions were put by Coastal Weekly reporter Ivan Petrov.',
    'What made you start painting?',
    'My grandmother gave me her brushes when I was nine.',
    'Where do you find your subjects?',
    'Mostly on the river, early in the morning.',
    'What comes next for you?',
    'A show in Ljubljana in the spring.',
  ].join('\n');
  const lena = entity('e1', 'Lena Novak', 'PERSON', [at(text, 'Lena Novak')]);
  const ivan = entity('e2', 'Ivan Petrov', 'PERSON', [at(text, 'Ivan Petrov')]);
  const turns = quotes(text, [lena, ivan]).map((q) => [q.speaker, q.text]);
  assert.deepEqual(turns.slice(0, 2), [
    ['e2', 'What made you start painting?'],
    ['e1', 'My grandmother gave me her brushes when I was nine.'],
  ]);
});

test('a name or a title in quote marks is not speech, nor a cited headline, nor a stray mark', () => {
  const text = [
    'The port launched a website, “The Harbour Master Countdown Page”, and a robot named "Blue Gull Of The Bay" won.',
    '"Ferry strike ends after six long weeks" — Coastal Weekly, 4 May 2011',
    'The tide tables (printed as "Tide 2 on the back page) were wrong again this spring.',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.direct), []);
});

test('colon- and dash-introduced speech, "quoted as saying", and a headline its body repeats listed once', () => {
  const text = [
    'Mayor says bridge will reopen in June',
    'The bridge will reopen in June, the mayor said on Monday.',
    "Ana Lukic: 'We will not leave the valley before the harvest.'",
    '– We have waited long enough for this road, said Ivan Petrov.',
    'The minister was quoted as saying that the border would stay open all winter.',
    'A news agency quoted the port authority as saying the ferries would run again.',
  ].join('\n');
  assert.deepEqual(quotes(text).map((q) => [q.direct, q.speakerText, q.text]), [
    [false, 'the mayor', 'The bridge will reopen in June'],
    [true, 'Ana Lukic', 'We will not leave the valley before the harvest.'],
    [true, 'Ivan Petrov', 'We have waited long enough for this road'],
    [false, 'The minister', 'the border would stay open all winter'],
    [false, 'the port authority', 'the ferries would run again'],
  ]);
});

test('a quote that ends its sentence takes no attribution from the next sentence', () => {
  const text = 'Tomorrow, the driver frets, “the next convoy could be mine.” The regional governor says the road is safe.';
  const direct = quotes(text).filter((q) => q.direct);
  assert.deepEqual(direct.map((q) => [q.text, q.speakerText]), [['the next convoy could be mine.', 'the driver']]);
});

test('unnamed speakers stay unnamed and keep their words, even with a name or a state inside or nearby', () => {
  const text = [
    'Marta Kovac, the mayor, met the delegation on Monday.',
    '“The convoy will not pass before dawn,” a U.S. official said.',
    '“We expect ten thousand people,” the organisers said.',
  ].join('\n');
  const marta = entity('e1', 'Marta Kovac', 'PERSON', [at(text, 'Marta Kovac')]);
  const us = entity('e2', 'United States', 'GPE', [at(text, 'U.S.')]);
  assert.deepEqual(quotes(text, [marta, us]).filter((q) => q.direct).map((q) => [q.speakerText, q.speaker]), [
    ['a U.S. official', null],
    ['the organisers', null],
  ]);
});

test('a cited headline after a byline, and a title the speech verb reaches only through an oblique, are not speech', () => {
  const text = [
    'The port said on “The Harbour Master Countdown” that the ferries would stop.',
    'Jane Doe. "Ferry strike ends after six long weeks" — Coastal Weekly, 4 May 2011',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.direct), []);
});

test('Q: and A: labels are the interviewer and the interviewee the headline names', () => {
  const text = [
    'Coastal Weekly interviews harbour master Petra Horvat',
    'Q: When will the first ships dock?',
    'A: The first ships arrive in June.',
    'Q: What worries you most?',
    'A: The weather, as always.',
  ].join('\n');
  const petra = entity('e1', 'Petra Horvat', 'PERSON', [at(text, 'Petra Horvat')]);
  assert.deepEqual(quotes(text, [petra]).map((q) => [q.speakerText, q.speaker]), [
    ['Coastal Weekly', null],
    ['Petra Horvat', 'e1'],
    ['Coastal Weekly', null],
    ['Petra Horvat', 'e1'],
  ]);
});

test('a quote that loses its closing mark after a sentence runs on; a scare quote inside another\'s claim is not the reporter\'s', () => {
  const text = [
    '“The road is open,” the mayor said. “We will keep it open all winter.',
    'The mayor said he would discuss the council’s claims that “saboteurs” from the valley had cut the cables.',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => [q.text, q.speakerText]), [
    ['The road is open', 'the mayor'],
    ['We will keep it open all winter.', 'the mayor'],
  ]);
});

test('a speech participle inside a reported clause starts a second clause of the same speaker', () => {
  const text = 'The central bank estimated that growth would slow to two percent, noting that exports had fallen for a third month.';
  assert.deepEqual(quotes(text).map((q) => [q.speakerText, q.text]), [
    ['The central bank', 'growth would slow to two percent'],
    ['The central bank', 'exports had fallen for a third month'],
  ]);
});

test('"the military said": a head the tagger reads as an adjective still names the speaker of a definite phrase', () => {
  const text = 'The Chilean military on Friday said the trawler had “repeatedly entered the protected waters”.';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.speakerText), ['The Chilean military']);
});

test('an interview question printed without its question mark is still the interviewer\'s', () => {
  const text = [
    'Daily Planet interviews painter Lena Novak',
    'How did you come to paint rivers',
    'My grandmother gave me her brushes when I was nine.',
    'Where do you find your subjects?',
    'Mostly on the river, early in the morning.',
    'What comes next for you?',
    'A show in Ljubljana in the spring.',
  ].join('\n');
  assert.deepEqual(quotes(text).slice(0, 2).map((q) => q.speakerText), ['Daily Planet', 'Lena Novak']);
});

test('a short interview its headline announces: two questions to "you" are enough; a quoted question ends an answer, it asks nothing', () => {
  const text = [
    'Geologist Mara Lind tells Daily Planet about the cave',
    'Mara Lind has mapped the cave for ten years.',
    'What drew you to the cave?',
    'The cold air that comes out of it in summer. My teacher liked to say, "Where does the wind come from?"',
    'The river runs under it as well.',
    'What will you map next?',
    'The lower galleries, once the water drops.',
  ].join('\n');
  const lind = entity('e1', 'Mara Lind', 'PERSON', [at(text, 'Mara Lind'), at(text, 'Mara Lind', 'name', 1)]);
  const turns = quotes(text, [lind]).filter((q) => !q.text.startsWith('Where does'));
  assert.deepEqual(turns.map((q) => [q.speaker ?? q.speakerText, q.text.slice(0, 14)]), [
    ['Daily Planet', 'What drew you '],
    ['e1', 'The cold air t'],
    ['e1', 'The river runs'],
    ['Daily Planet', 'What will you '],
    ['e1', 'The lower gall'],
  ]);
});

test('two questions under a headline that does not announce an interview are not one', () => {
  const text = [
    'Council votes on the new bridge',
    'Who will pay for the bridge, you may ask?',
    'The council will, from next year\'s budget.',
    'And will you be able to cross it by bike?',
    'Yes, on a lane of its own.',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.direct), []);
});

test('an answer of many sentences that ends in its own question is the interviewee\'s; "Tell us about …" asks', () => {
  const text = [
    'Daily Planet interviews painter Lena Novak',
    'What made you start painting?',
    'My grandmother gave me her brushes when I was nine.',
    'Rivers are your subject. Tell us about the first one you painted.',
    'It was the Sava. I painted it from a bridge. It was grey that day. Nobody bought it. Why would they?',
    'Where do you find your subjects now?',
    'Mostly on the river, early in the morning.',
  ].join('\n');
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Daily Planet', 'Lena Novak', 'Daily Planet', 'Lena Novak', 'Daily Planet', 'Lena Novak']);
});

test('a capitalised name after a naming word, and a quoted word that modifies the noun after it, are not speech', () => {
  const text = 'According to the coach, Ana Horvat, their robot, named "Quick Silver Fox," won twice. A user labelled "Anonymous" posted it. The "History" section of the site explains the rules.';
  assert.deepEqual(quotes(text).filter((q) => q.direct), []);
});

test('a curly opening mark closed by a straight one is a quote; a straight pair inside curly marks is an inner quote', () => {
  const text = 'Vera Lukic spoke last. “We have the river. We have no oil. " She sat down.\nShe said: “They said "no" to us, and they meant it,” and left.';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.text), ['We have the river. We have no oil.', 'They said "no" to us, and they meant it']);
});

test('a quote over several paragraphs that names its speaker only at the end gives every paragraph that speaker', () => {
  // The paragraph after it goes on with the same speaker, as before.
  const text = "Marko Petrovic spoke at length.\n'We will stay here for as long as it takes.\n'Nobody will move us from this valley,' he said.\n'Good luck to them.'";
  const he = text.indexOf(' he said') + 1;
  const marko = entity('e1', 'Marko Petrovic', 'PERSON', [at(text, 'Marko Petrovic'), { start: he, end: he + 2, text: 'he', kind: 'pronoun' }]);
  assert.deepEqual(quotes(text, [marko]).map((q) => [q.text, q.speaker]), [
    ['We will stay here for as long as it takes.', 'e1'],
    ['Nobody will move us from this valley', 'e1'],
    ['Good luck to them.', 'e1'],
  ]);
});

test('a name in apposition the tagger read as common nouns still names the speaker', () => {
  // The tagger reads "Resistance" here as a common noun in apposition.
  const text = 'Armed villagers, the Popular Resistance, accused the rebels of running a "campaign of lies" to scare the villages.';
  const guard = entity('e1', 'Popular Resistance', 'ORG', [at(text, 'Popular Resistance')]);
  assert.deepEqual(quotes(text, [guard]).filter((q) => q.direct).map((q) => [q.text, q.speaker]), [['campaign of lies', 'e1']]);
});

test('a short quote that a cry introduces ("chants of “…”") is what the crowd called out, not a scare quote', () => {
  const text = "Thousands marched through the square, taunting the mayor with chants of 'You're a liar' until dusk. It was a 'new start' for the town.";
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.text), ["You're a liar"]);
});

test('an elided ’90s is no opening mark; "was quoted as saying" after a quote; a name in apposition after an inverted verb', () => {
  const text = [
    'Vera Lukic visited Nis. ‘The teachers’ union will get what it asked for in the ’90s,’ she said.',
    '"We will respond," Vera Lukic was quoted as saying by the agency.',
    '"We will never join them, whatever it costs us," said the prime minister, Vera Lukic, after the meeting.',
  ].join('\n');
  const vera = entity('e1', 'Vera Lukic', 'PERSON', [at(text, 'Vera Lukic'), at(text, 'Vera Lukic', 'name', 1), at(text, 'Vera Lukic', 'name', 2), { start: text.indexOf('she said'), end: text.indexOf('she said') + 3, text: 'she', kind: 'pronoun' }]);
  assert.deepEqual(quotes(text, [vera]).filter((q) => q.direct).map((q) => [q.text, q.speaker]), [
    ['The teachers’ union will get what it asked for in the ’90s', 'e1'],
    ['We will respond', 'e1'],
    ['We will never join them, whatever it costs us', 'e1'],
  ]);
});

test('a parenthetical inside the subject after a quote; the one "told" speaks to is not the speaker', () => {
  const text = '"It is over," one protester, who gave only his first name, told the agency. "We are tired of waiting."';
  assert.deepEqual(quotes(text).map((q) => [q.direct, q.text, q.speakerText]), [
    [true, 'It is over', 'one protester'],
    [true, 'We are tired of waiting.', 'one protester'],
  ]);
});

test('a quantified aside about the subject ("many of them students") does not hide the speaker', () => {
  const text = 'The marchers, many of them students, chanted "Resign now" outside the hall.';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => [q.text, q.speakerText]), [['Resign now', 'The marchers']]);
});

test('more speech verbs: "repeated:", "assured them that"', () => {
  const text = 'Vera Lukic met the envoy.\nLater she repeated: "We will never join the sanctions."\nThe mayor assured residents that the water was safe to drink.';
  const vera = entity('e1', 'Vera Lukic', 'PERSON', [at(text, 'Vera Lukic'), { start: text.indexOf('she'), end: text.indexOf('she') + 3, text: 'she', kind: 'pronoun' }]);
  assert.deepEqual(quotes(text, [vera]).map((q) => [q.direct, q.text, q.speaker ?? q.speakerText]), [
    [true, 'We will never join the sanctions.', 'e1'],
    [false, 'the water was safe to drink', 'The mayor'],
  ]);
});

test('a statement from an office is an unnamed speaker with its words kept, not the person the office serves', () => {
  const text = '"We will not comment on rumours," a statement from the office of President Vera Lukic said.';
  const vera = entity('e1', 'Vera Lukic', 'PERSON', [at(text, 'Vera Lukic')]);
  assert.deepEqual(quotes(text, [vera]).map((q) => [q.text, q.speaker, q.speakerText]), [
    ['We will not comment on rumours', null, 'a statement from the office of President Vera Lukic'],
  ]);
});

test('asides with verbs between subject and speech verb, and a name between commas before the verb', () => {
  const text = [
    'The minister, asked whether the talks would resume, said: "We are ready when they are ready, and not before."',
    'Vera Lukic, speaking in Nis after a meeting of the council on Thursday, said the town would stay calm.',
    'Serbia’s ambassador to Bosnia, Marko Petrovic, said: "We will respond to any such step."',
  ].join('\n');
  const marko = entity('e1', 'Marko Petrovic', 'PERSON', [at(text, 'Marko Petrovic')]);
  const serbia = entity('e2', 'Serbia', 'GPE', [at(text, 'Serbia')]);
  assert.deepEqual(quotes(text, [marko, serbia]).map((q) => [q.direct, q.text, q.speaker ?? q.speakerText]), [
    [true, 'We are ready when they are ready, and not before.', 'The minister'],
    [false, 'the town would stay calm', 'Vera Lukic'],
    [true, 'We will respond to any such step.', 'e1'],
  ]);
});

test('"As X told Y, …" reports what follows; a noun-tagged "notes," before a quote; a letter "reads"; a read title is a work', () => {
  const text = [
    'As Vera Lukic told the agency, ozone has dropped in the valley. "Despite more cars, the air is cleaner than it was."',
    'The city council notes, "Ground-level ozone causes more damage than anything else."',
    'The ministry letter reads "we may extend the use of the form to other groups".',
    'He read "The Brothers Karamazov" twice.',
  ].join('\n');
  assert.deepEqual(quotes(text).map((q) => [q.direct, q.text, q.speakerText]), [
    [false, 'ozone has dropped in the valley', 'Vera Lukic'],
    [true, 'Despite more cars, the air is cleaner than it was.', 'Vera Lukic'],
    [true, 'Ground-level ozone causes more damage than anything else.', 'The city council'],
    [true, 'we may extend the use of the form to other groups', 'The ministry letter'],
  ]);
});

test('a quote standing alone after a report is the reporter\'s, also in the next paragraph', () => {
  const text = 'Vera Lukic said the talks had failed. "We are disappointed, but we will try again."\nMarko Petrovic said the vote was close.\n"We lost by ten votes out of a thousand."';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.speakerText), ['Vera Lukic', 'Marko Petrovic']);
});

test('"pointed to" is no speech verb, "pointed out" is', () => {
  const text = 'She pointed to the table with soup served with "electric" juice. She pointed out that "the soup was cold".';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => [q.text, q.speakerText]), [['the soup was cold', 'She']]);
});

test('an interview the headline announces: the introduction names who sat down with whom; a question put as a wish to know; headings are nobody\'s turn', () => {
  const text = [
    'Interview with painter Lena Novak',
    'Saturday, May 4, 2024',
    'Lena Novak paints rivers.',
    'Her first show opened in Ljubljana in 2001 and travelled to Vienna.',
    'Last week Lena Novak sat down with Ivo Rus in her studio.',
    'On rivers',
    'I just wanted to know if you had any thoughts on the new dam.',
    'It will kill the river, and I will go with it.',
    'Why do you paint at dawn?',
    'The light is kind then, and I am awake.',
  ].join('\n');
  const lena = entity('e1', 'Lena Novak', 'PERSON', [at(text, 'Lena Novak'), at(text, 'Lena Novak', 'name', 1), at(text, 'Lena Novak', 'name', 2)]);
  const ivo = entity('e2', 'Ivo Rus', 'PERSON', [at(text, 'Ivo Rus')]);
  assert.deepEqual(quotes(text, [lena, ivo]).map((q) => [q.speaker, q.text.slice(0, 12)]), [
    ['e2', 'I just wante'],
    ['e1', 'It will kill'],
    ['e2', 'Why do you p'],
    ['e1', 'The light is'],
  ]);
});

test('a quote signed with a dash and a person\'s name is that person\'s; one signed with an outlet and a date is a cited headline', () => {
  const text = '“We will never give up the north, whatever it costs us.” — Vera Lukic, speaking in Nis\n“Bridges and rivers of the north.” — The Daily, 5 May 2010\nVera Lukic spoke in Nis on Monday.';
  const vera = entity('e1', 'Vera Lukic', 'PERSON', [at(text, 'Vera Lukic'), at(text, 'Vera Lukic', 'name', 1)]);
  const daily = entity('e2', 'The Daily', 'ORG', [at(text, 'The Daily')]);
  assert.deepEqual(quotes(text, [vera, daily]).map((q) => [q.text, q.speaker]), [['We will never give up the north, whatever it costs us.', 'e1']]);
});

test('a title with no article before the name is that person; with an article it is someone else; a statement is its owner\'s', () => {
  const text = [
    '"The form must be well thought out," said Minister of Education Vera Lukic.',
    '"We will not comment," said a spokeswoman for Prime Minister Marko Petrovic.',
    'Petrovic\'s statement added, "There is no question the bridge should have been built here."',
  ].join('\n');
  const vera = entity('e1', 'Vera Lukic', 'PERSON', [at(text, 'Vera Lukic')]);
  const marko = entity('e2', 'Marko Petrovic', 'PERSON', [at(text, 'Marko Petrovic'), at(text, 'Petrovic', 'surname', 1)]);
  assert.deepEqual(quotes(text, [vera, marko]).map((q) => q.speaker), ['e1', null, 'e2']);
});

test('"continue" speaks only as an attribution, not when something else continues', () => {
  const text = 'Officials will drop the interview to "streamline" the process, while health checks will continue. "We are done," she continued. She continued: "We will go on."';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.text), ['We are done', 'We will go on.']);
});

test('an indefinite speaker stays unnamed even where coreference made it a mention of its state', () => {
  const text = '"The minister is missing a historic chance," an Israeli former minister said.';
  const israel = entity('e1', 'Israel', 'GPE', [at(text, 'an Israeli former minister', 'nominal')]);
  assert.deepEqual(quotes(text, [israel]).map((q) => [q.speaker, q.speakerText]), [[null, 'an Israeli former minister']]);
});

test('a news headline with "tells" over two rhetorical questions to "you" is no interview', () => {
  const text = [
    'Mayor tells Council to wait for the bridge',
    'Do you remember the old ferry?',
    'It ran every hour until the river froze in 1990.',
    'Can you imagine the town without it?',
    'The council could not, and voted to keep it.',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.direct), []);
});

test('news whose subheadings are questions, answered in the third person, is no interview; nor labels over statements', () => {
  const explainer = [
    'Court drops the case against the mayor',
    'Prosecutors dropped the case on Tuesday.',
    'What did the prosecutors say?',
    'The chief prosecutor said: "The evidence has weakened over the years."',
    'What was the case about?',
    'The mayor was accused of taking bribes in 2015.',
    'What has the reaction been?',
    'The mayor\'s party welcomed the decision.',
    'What happens next?',
    'The mayor is expected to stand again in the spring.',
    'Why does it matter?',
    'The city votes in May.',
  ].join('\n');
  assert.deepEqual(quotes(explainer).filter((q) => q.direct).map((q) => q.text), ['The evidence has weakened over the years.']);
  const report = 'The home side won 3-1.\nHome: Ana Horvat missed the game with a knee injury.\nAway: Two players were booked.\nHome: Play the leaders on Friday.\nAway: Host the champions on Sunday.';
  assert.deepEqual(quotes(report).filter((q) => q.direct), []);
});

test('the attribution right after the closing mark wins over a tree that names someone else', () => {
  const text = 'Visits failed to help, which was "very hard," wrote Ana.';
  // A misparse: the visits as the subject of "wrote", the quote its complement, Ana its object.
  const model = handParsed(`
    Visits 13 nsubj NOUN NNS
    failed 13 parataxis VERB VBD
    to 4 mark PART TO
    help 2 xcomp VERB VB
    , 10 punct PUNCT ,
    which 10 nsubj PRON WDT
    was 10 cop AUX VBD
    " 10 punct PUNCT \`\`
    very 10 advmod ADV RB
    hard 13 ccomp ADJ JJ
    , 10 punct PUNCT ,
    " 10 punct PUNCT ''
    wrote 0 root VERB VBD write
    Ana 13 obj PROPN NNP
    . 13 punct PUNCT .
  `);
  const found = extractQuotes(new Doc(text, model), { kb, date: null }, { entities: [] });
  assert.deepEqual(found.filter((q) => q.direct).map((q) => [q.text, q.speakerText]), [['very hard', 'Ana']]);
});

test('a name after a naming word may have short words and an article before it', () => {
  const text = 'He ran a live show called “Ask Dr. Ivo” at fairs. The minister visited the old jail, dubbed the “Grand Hotel” by the men held there. He called the plan “A Disaster For Everyone” on Monday.';
  assert.deepEqual(quotes(text).filter((q) => q.direct).map((q) => q.text), ['A Disaster For Everyone']);
});

test('of two subjects the parser gives a speech verb across a dateline dash, the one nearest the verb speaks', () => {
  const text = 'LINDBURG — The council said that the bridge would reopen.';
  const model = handParsed(`
    LINDBURG 5 nsubj PROPN NNP
    -- 1 punct PUNCT :
    The 4 det DET DT
    council 5 nsubj NOUN NN
    said 0 root VERB VBD say
    that 10 mark SCONJ IN
    the 8 det DET DT
    bridge 10 nsubj NOUN NN
    would 10 aux AUX MD
    reopen 5 ccomp VERB VB
    . 5 punct PUNCT .
  `);
  const found = extractQuotes(new Doc(text, model), { kb, date: null }, { entities: [] });
  assert.deepEqual(found.map((q) => [q.text, q.speakerText]), [['the bridge would reopen', 'The council']]);
});

test('inverted attributions the tagger misreads, "43-year-old" speakers and long appositions after a quote', () => {
  const text = [
    '"We are excited about the tour," comments Ivo Rus in a statement.',
    '"Two months after the first signs, I could barely walk," wrote 43-year-old Marko Petrovic of Nis.',
    '"If the city raises the tax, shops will close," Vera Lukic, a senior fellow at the Centre for Urban Policy in Nis, wrote in a note.',
  ].join('\n');
  assert.deepEqual(quotes(text).map((q) => q.speakerText), [
    'Ivo Rus',
    '43-year-old Marko Petrovic of Nis',
    'Vera Lukic, a senior fellow at the Centre for Urban Policy in Nis',
  ]);
});

test('"weighed in" speaks with its particle; words ending in punctuation before a plain noun are an utterance', () => {
  const text = '"We all miss him so much," Ivo Rus weighed in. The bags weighed in at ten kilos.\n"We got her, we got her!" officers announced on their radios.';
  assert.deepEqual(quotes(text).map((q) => [q.text, q.speakerText]), [
    ['We all miss him so much', 'Ivo Rus'],
    ['We got her, we got her!', 'officers'],
  ]);
});

test('an aside after the speaker\'s name is not part of the name', () => {
  const text = 'Vera Lukic, for her part, said she is convinced that the bridge will be built.';
  assert.deepEqual(quotes(text).map((q) => [q.text, q.speakerText]), [['she is convinced that the bridge will be built', 'Vera Lukic']]);
});

test('a quote right after "X issued a statement" is the statement\'s words', () => {
  const text = 'Senator Vera Lukic issued a statement on the decision. "Like many people here, I am disappointed with the choice."\nThe ministry released a statement on Monday.\n"We reject the claims entirely and will respond in court."';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Senator Vera Lukic', 'The ministry']);
});
