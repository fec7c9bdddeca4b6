/**
 * Regression: one "word" of millions of letters (a pasted blob, a key held down) was folded,
 * stemmed and cached whole: a 5,000,000-letter word took about 3 s to analyze, again on every
 * query repeating it, and stayed in the term dictionary. Words longer than MAX_WORD_LENGTH
 * (255 code units, Lucene's default) are now dropped, keeping their position like a stopword.
 */
import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, analyze } from '../../src/analysis/analyzer.js';
import { looseIndex } from './helpers.js';

describe('words longer than MAX_WORD_LENGTH', () => {
  it('is 255 code units: a word of that length is kept, one letter more is dropped', () => {
    expect(MAX_WORD_LENGTH).toBe(255);
    expect(analyze('ب'.repeat(MAX_WORD_LENGTH))).toHaveLength(1);
    expect(analyze('ب'.repeat(MAX_WORD_LENGTH + 1))).toHaveLength(0);
    expect(analyze('x'.repeat(MAX_WORD_LENGTH + 1))).toHaveLength(0);
  });

  it('a dropped word keeps its position, so the words after it keep theirs', () => {
    const tokens = analyze(`وزير ${'ك'.repeat(1000)} الخارجية`);
    expect(tokens.map((t) => [t.surface, t.position])).toEqual([
      ['وزير', 0],
      ['الخارجيه', 2],
    ]);
  });

  it('in a document and in a query: the other words are found, the giant one matches nothing', () => {
    const giant = 'ك'.repeat(2_000_000);
    const index = looseIndex([{ id: 'g', title: `وزير ${giant} مصر`, body: giant }], { maxFieldLength: Infinity });
    const terms = index.stats().terms;
    expect(index.search('وزير').map((h) => h.id)).toEqual(['g']);
    expect(index.search('مصر').map((h) => h.id)).toEqual(['g']);
    expect(index.search(giant)).toHaveLength(0);
    expect(index.search(`${'ك'.repeat(MAX_WORD_LENGTH + 1)} مصر`).map((h) => h.id)).toEqual(['g']);
    expect(index.stats().terms).toBe(terms);
  });
});
