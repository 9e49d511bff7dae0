import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedEdits, compoundHeads, compoundSplits, editDistance, foldSpelledUmlauts, headForms, isPrefix, plain, queryWords, spellUmlauts, trigrams } from './words.ts';
import { Vocabulary, type VocabularyWord } from './vocabulary.ts';

describe('queryWords', () => {
  it('keeps letters and digits only, lower case, each word once', () => {
    assert.deepEqual(queryWords("Drucker' & | !druckt :* \\ DRUCKER (BP-80)"), ['drucker', 'druckt', 'bp', '80']);
    assert.deepEqual(queryWords("'&|!:*\\ a"), []);
    assert.deepEqual(queryWords('Kündigung  Straße'), ['kündigung', 'straße']);
  });

  it('reads at most 300 characters and 12 words', () => {
    assert.equal(queryWords(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ')).length, 12);
    assert.deepEqual(queryWords(`${'x'.repeat(299)} drucker`), []);
  });
});

describe('umlauts', () => {
  it('folds and spells them the way people type without them', () => {
    assert.equal(plain('Kündigung'.toLowerCase()), 'kundigung');
    assert.equal(plain('straße'), 'strasse');
    assert.equal(spellUmlauts('kündigung'), 'kuendigung');
    assert.equal(foldSpelledUmlauts('kuendigung'), 'kundigung');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    assert.equal(editDistance('vergesen', 'vergessen', 3), 1);
    assert.equal(editDistance('reciept', 'receipt', 3), 1);
    assert.equal(editDistance('pasword', 'passwort', 3), 2);
    assert.equal(editDistance('drucker', 'drucker', 3), 0);
  });

  it('stops once the distance exceeds the limit', () => {
    assert.equal(editDistance('kasse', 'bluetooth', 2), 3);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
  });

  it('allows more mistakes in longer words, none in very short ones', () => {
    assert.deepEqual([3, 4, 5, 6, 11, 12].map(allowedEdits), [0, 1, 1, 2, 2, 3]);
  });
});

describe('trigrams', () => {
  it('pads words as pg_trgm does', () => {
    assert.deepEqual([...trigrams('bon')].sort(), ['  b', ' bo', 'bon', 'on '].sort());
  });
});

describe('German compounds', () => {
  it('splits after known first parts, with and without linking letters', () => {
    const splits = compoundSplits('kassenbericht');
    assert.ok(splits.some((s) => s.tail === 'bericht' && s.head.includes('kassen') && s.head.includes('kasse')));
    assert.deepEqual(headForms('tages'), ['tages', 'tag', 'tage']);
    assert.deepEqual(headForms('ab'), []);
    assert.equal(compoundHeads('kartenterminal')[0], 'kartentermi');
    assert.ok(compoundHeads('kartenterminal').includes('karte'));
  });

  it('knows verb prefixes are no words of their own', () => {
    assert.ok(isPrefix('ver') && isPrefix('unter') && isPrefix('zuruck'));
    assert.ok(!isPrefix('bon') && !isPrefix('kasse'));
  });
});

describe('Vocabulary', () => {
  const word = (w: string, lexemes: string[], publicDocs = 1): VocabularyWord => ({ word: w, plain: plain(w), lexemes, docs: Math.max(publicDocs, 1), publicDocs });
  const vocabulary = new Vocabulary([
    word('kündigen', ['kundig']),
    word('bondrucker', ['bondruck']),
    word('drucker', ['druck']),
    word('bon', ['bon']),
    word('verdrucker', ['verdruck']),
    word('passwort', ['passwort']),
    word('kulanz', ['kulanz'], 0),
    word('und', []),
  ]);

  it('finds a word typed without umlauts or with them spelt out', () => {
    for (const t of ['kündigen', 'kundigen', 'kuendigen']) assert.deepEqual(vocabulary.known(t, true).map((w) => w.word), ['kündigen'], t);
  });

  it('offers the nearest words by trigrams, never words only internal articles use to the public', () => {
    assert.equal(vocabulary.similar('pasword', true)[0]?.word.word, 'passwort');
    assert.deepEqual(vocabulary.similar('kulanc', true), []);
    assert.equal(vocabulary.similar('kulanc', false)[0]?.word.word, 'kulanz');
  });

  it('finds the compounds that are a kind of a word, not words that merely end like it', () => {
    assert.deepEqual(vocabulary.compoundsEndingIn('drucker', true).map((w) => w.word), ['bondrucker']);
    assert.equal(vocabulary.meaningful('und', true), undefined, 'a stop word is no word to search for');
  });
});
