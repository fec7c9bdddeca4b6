/**
 * Regression: `didYouMean` ran its fuzzy walk on every word of the query whatever its length
 * (a word of 100,000 letters did not return within minutes: the walk is quadratic in the word's
 * length) and on every word however many (10,000 unknown words: seconds). It now skips words
 * longer than MAX_WORD_LENGTH (the analyzer drops them, so nothing could be corrected to them)
 * and looks at the first DEFAULT_MAX_QUERY_TERMS words only, like `search`. Work is counted
 * (calls of the fuzzy walk), not timed. `suggest` gets hostile input too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_WORD_LENGTH } from '../../src/analysis/analyzer.js';
import { TermLookup } from '../../src/index/fuzzy.js';
import { DEFAULT_MAX_QUERY_TERMS } from '../../src/options.js';
import { expectError, looseIndex, snapshot } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function fuzzyWalks(run: () => unknown): number {
  const spy = vi.spyOn(TermLookup.prototype, 'fuzzy');
  run();
  const n = spy.mock.calls.length;
  spy.mockRestore();
  return n;
}

describe('didYouMean on hostile queries', () => {
  const index = looseIndex();

  it('still corrects an ordinary typo (the checks below are not vacuous)', () => {
    expect(index.didYouMean('الخارجيى')).toMatch(/^الخارجي[ةه]$/);
    expect(fuzzyWalks(() => index.didYouMean('الخارجيى'))).toBeGreaterThan(0);
  });

  it('a word longer than MAX_WORD_LENGTH is left alone, without a fuzzy walk', () => {
    for (const n of [MAX_WORD_LENGTH + 1, 100_000]) {
      expect(fuzzyWalks(() => expect(index.didYouMean('ك'.repeat(n))).toBeUndefined())).toBe(0);
    }
    expect(index.didYouMean(`${'ك'.repeat(100_000)} الخارجيى`)).toMatch(/^ك{100000} الخارجي[ةه]$/);
  });

  it('looks at the first DEFAULT_MAX_QUERY_TERMS words only, and keeps the rest as typed', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `زرف${String.fromCharCode(0x628 + (i % 20))}ق`);
    expect(fuzzyWalks(() => index.didYouMean(words.join(' ')))).toBeLessThanOrEqual(DEFAULT_MAX_QUERY_TERMS * index.fields.length);
    const late = [...words.slice(0, DEFAULT_MAX_QUERY_TERMS), 'الخارجيى'].join(' ');
    expect(index.didYouMean(late)).toBeUndefined();
  });

  it('other hostile text: no throw, no change; non-strings are typed errors', () => {
    const before = snapshot(index);
    for (const q of ['', ' ', '"', '((', '-', '\u0000', '\ud800', 'ـــ', 'ًٌٍ', '.*+?^${}()|[]\\', '\u202eوزير']) {
      expect(() => index.didYouMean(q)).not.toThrow();
      expect(() => index.suggest(q)).not.toThrow();
    }
    expect(snapshot(index)).toEqual(before);
    for (const v of [null, undefined, 5, {}, ['x']]) {
      expectError(() => index.didYouMean(v as string), 'INVALID_QUERY');
      expectError(() => index.suggest(v as string), 'INVALID_INPUT');
    }
    expectError(() => index.suggest('و', { limt: 3 } as never), 'UNKNOWN_OPTION');
    expectError(() => index.suggest('و', { limit: -1 }), 'INVALID_OPTION');
  });
});
