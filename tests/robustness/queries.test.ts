/**
 * Hostile queries and options: query text never makes `search` throw (whatever its characters,
 * quotes, parentheses or operators) and never changes the index; a query that is not a string is
 * INVALID_QUERY; an unknown option name (a typo) is UNKNOWN_OPTION naming it, a wrong type or
 * value INVALID_OPTION naming it, at `createIndex` and at `search`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex } from '../../src/engine.js';
import { FahrasError } from '../../src/errors.js';
import { DOCS, expectError, looseIndex, snapshot } from './helpers.js';

const ids = (hits: readonly { id: unknown }[]): unknown[] => hits.map((h) => h.id);

describe('query text never throws', () => {
  const index = looseIndex();

  it('regex-special characters are plain punctuation: alone they find nothing, around a word they change nothing', () => {
    const specials = ['.', '*', '+', '?', '^', '$', '{', '}', '(', ')', '|', '[', ']', '\\', '.*', '^$', '(?:)', '[^]', '\\b', '\\', '$&', "'", '`'];
    for (const s of specials) {
      expect(index.search(s), s).toHaveLength(0);
      expect(index.search(s.repeat(50))).toHaveLength(0);
      expect(ids(index.search(`وزير${s}`)), s).toEqual(ids(index.search('وزير')));
    }
    expect(index.search('.*+?^${}()|[]\\')).toHaveLength(0);
  });

  it('unbalanced quotes, parentheses and lone operators fall back to the plain words', () => {
    const plain = ids(index.search('وزير', { limit: 50 }));
    for (const q of ['"وزير', 'وزير"', '«وزير', '“وزير', '(وزير', 'وزير)', '((وزير', 'وزير -', '- وزير', '+ وزير', 'وزير OR', 'OR وزير', 'وزير +', '((( وزير )', '"" وزير', '() وزير']) {
      expect(ids(index.search(q, { limit: 50 })), q).toEqual(plain);
    }
    for (const q of ['"', '""', '"""', '(', ')', '()', ')(', '-', '+', '+-', '--', 'OR', 'OR OR', '-(', '+"', ':', 'title:', ':وزير:']) {
      expect(() => index.search(q), q).not.toThrow();
    }
  });

  it('empty, whitespace-only, control-character and format-character queries find nothing', () => {
    for (const q of ['', ' ', '\t\n\r', '\u00a0\u2003\u3000', '\u0000', '\u0000\u0001\u001f\u007f', '\u200b\u200c\u200d\u200e\u200f', '\u202a\u202b\u202c\u202d\u202e', '\u2066\u2067\u2068\u2069', '\ufeff', '\ud800', '\udfff\ud800']) {
      expect(index.search(q), JSON.stringify(q)).toHaveLength(0);
    }
  });

  it('any string: no throw, no change, and well-formed ranked results (property)', () => {
    const before = snapshot(index);
    const alphabet = fc.constantFrom('وزير', 'الخارجية', 'book', '2020', ' ', '"', '(', ')', '-', '+', 'OR', ':', 'title:', 'body:', '*', '\\', '\u0000', '\u202e', '\ud800', 'ـ', 'ً');
    const query = fc.oneof(fc.array(alphabet, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(
      fc.property(query, fc.constantFrom<'or' | 'and'>('or', 'and'), (q, combine) => {
        const hits = index.search(q, { combine, limit: 50 });
        expect(hits.total).toBeGreaterThanOrEqual(hits.length);
        for (const h of hits) {
          expect(Number.isFinite(h.score) && h.score > 0).toBe(true);
          expect(index.has(h.id)).toBe(true);
          expect(Object.keys(h.match).length).toBeGreaterThan(0);
        }
        for (let i = 1; i < hits.length; i++) {
          const [a, b] = [hits[i - 1]!, hits[i]!];
          const [ma, mb] = [Object.keys(a.match).length, Object.keys(b.match).length];
          expect(ma > mb || (ma === mb && a.score >= b.score)).toBe(true);
        }
      }),
      { numRuns: 500, seed: 0xbad_0a },
    );
    expect(snapshot(index)).toEqual(before);
  });

  it('a query that is not a string: INVALID_QUERY', () => {
    for (const q of [null, undefined, 42, {}, ['وزير'], new String('وزير'), Symbol('q'), () => 'وزير', 1n]) {
      const err = expectError(() => index.search(q as string), 'INVALID_QUERY');
      expect(err.message).toMatch(/query must be a string/);
    }
  });
});

describe('options: a typo is reported, a wrong type is refused', () => {
  const index = looseIndex();

  it('search: unknown names are UNKNOWN_OPTION naming the name', () => {
    for (const name of ['limt', 'Limit', 'offest', 'feilds', 'filters', 'facet', 'boosts', 'combined', 'prefx', 'fuzy', 'maxQueryTerm', 'highlights']) {
      const err = expectError(() => index.search('وزير', { [name]: 5 } as never), 'UNKNOWN_OPTION');
      expect(err.details.option).toBe(name);
      expect(err.message).toContain(name);
    }
  });

  it('search: wrong types and values are INVALID_OPTION naming the option', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ limit: -1 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ limit: '10' }, 'limit'],
      [{ limit: Number.NaN }, 'limit'],
      [{ limit: Number.POSITIVE_INFINITY }, 'limit'],
      [{ offset: -3 }, 'offset'],
      [{ fields: 'title' }, 'fields'],
      [{ fields: ['nope'] }, 'fields'],
      [{ fields: [''] }, 'fields'],
      [{ boost: { title: -1 } }, 'boost.title'],
      [{ boost: { nope: 2 } }, 'boost'],
      [{ boost: 3 }, 'boost'],
      [{ combine: 'xor' }, 'combine'],
      [{ filter: 'سياسة' }, 'filter'],
      [{ filter: { body: 'x' } }, 'filter'],
      [{ filter: { tag: { $ne: 1 } } }, 'filter.tag'],
      [{ facets: 'tag' }, 'facets'],
      [{ facets: ['body'] }, 'facets'],
    ];
    for (const [options, option] of cases) {
      const err = expectError(() => index.search('وزير', options as never), 'INVALID_OPTION');
      expect(err.details.option, JSON.stringify(options)).toBe(option);
    }
    for (const options of [null, 'x', 5, [], new Date()]) expectError(() => index.search('وزير', options as never), 'INVALID_OPTION');
  });

  it('createIndex: unknown names are UNKNOWN_OPTION (top level, per field, in the analyzer), wrong types INVALID_OPTION', () => {
    const base = { id: 'id', fields: ['title'] };
    const unknown: [Record<string, unknown>, string][] = [
      [{ ...base, feilds: ['x'] }, 'feilds'],
      [{ ...base, stored: ['x'] }, 'stored'],
      [{ ...base, K1: 1 }, 'K1'],
      [{ id: 'id', fields: { title: { boots: 2 } } }, 'fields.title.boots'],
    ];
    for (const [options, option] of unknown) expect(expectError(() => createIndex(options as never), 'UNKNOWN_OPTION').details.option).toBe(option);
    expectError(() => createIndex({ ...base, analyzer: { stemming: false } } as never), 'UNKNOWN_OPTION');
    const invalid: [unknown, string | undefined][] = [
      [undefined, undefined],
      [null, undefined],
      [{ fields: ['title'] }, 'id'],
      [{ id: '', fields: ['title'] }, 'id'],
      [{ id: 'id' }, 'fields'],
      [{ id: 'id', fields: [] }, 'fields'],
      [{ id: 'id', fields: ['a', 'a'] }, 'fields'],
      [{ id: 'id', fields: Array.from({ length: 31 }, (_, i) => `f${i}`) }, 'fields'],
      [{ id: 'id', fields: { title: 3 } }, 'fields.title'],
      [{ id: 'id', fields: { title: { boost: -1 } } }, 'fields.title.boost'],
      [{ ...base, k1: -0.1 }, 'k1'],
      [{ ...base, b: 1.5 }, 'b'],
      [{ ...base, exactBoost: '1' }, 'exactBoost'],
      [{ ...base, vacuumThreshold: 0 }, 'vacuumThreshold'],
      [{ ...base, store: 'title' }, 'store'],
      [{ ...base, analyzer: 'arabic' }, 'analyzer'],
    ];
    for (const [options, option] of invalid) {
      const err = expectError(() => createIndex(options as never), 'INVALID_OPTION');
      if (option !== undefined) expect(err.details.option, JSON.stringify(options)).toBe(option);
    }
  });

  it('addAllAsync options: UNKNOWN_OPTION for a typo, INVALID_OPTION for a wrong type', async () => {
    const fresh = looseIndex([]);
    await expect(fresh.addAllAsync(DOCS, { chunksize: 10 } as never)).rejects.toMatchObject({ code: 'UNKNOWN_OPTION', details: { option: 'chunksize' } });
    await expect(fresh.addAllAsync(DOCS, { chunkSize: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(fresh.addAllAsync(DOCS, null as never)).rejects.toBeInstanceOf(FahrasError);
    expect(fresh.size).toBe(0);
  });
});
