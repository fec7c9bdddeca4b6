import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TermDictionary, hashString } from '../../src/index/terms.js';

describe('TermDictionary', () => {
  it('gives dense ids in order of first sight and maps them back', () => {
    const terms = new TermDictionary();
    expect(terms.intern('كتاب')).toBe(0);
    expect(terms.intern('قلم')).toBe(1);
    expect(terms.intern('كتاب')).toBe(0);
    expect(terms.size).toBe(2);
    expect(terms.term(0)).toBe('كتاب');
    expect(terms.term(1)).toBe('قلم');
    expect(terms.termLength(0)).toBe(4);
    expect(terms.charAt(1, 0)).toBe('ق'.charCodeAt(0));
  });

  it('lookup never adds', () => {
    const terms = new TermDictionary();
    terms.intern('a');
    expect(terms.lookup('b')).toBe(-1);
    expect(terms.size).toBe(1);
    expect(terms.lookup('a')).toBe(0);
  });

  it('keeps the empty string and strings that differ only in length apart', () => {
    const terms = new TermDictionary();
    const ids = ['', 'a', 'aa', 'aaa', 'ب', 'بب'].map((t) => terms.intern(t));
    expect(new Set(ids).size).toBe(6);
    expect(['', 'a', 'aa', 'aaa', 'ب', 'بب'].map((t) => terms.lookup(t))).toEqual(ids);
    expect(terms.term(ids[0]!)).toBe('');
  });

  it('survives many terms (rehashing) and long terms', () => {
    const terms = new TermDictionary();
    const long = 'س'.repeat(10_000);
    for (let i = 0; i < 20_000; i++) terms.intern(`t${i}`);
    const id = terms.intern(long);
    for (let i = 0; i < 20_000; i += 997) expect(terms.lookup(`t${i}`)).toBe(i);
    expect(terms.term(id)).toBe(long);
    expect(terms.size).toBe(20_001);
  });

  it('behaves like a Map<string, number> (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('كتاب', 'الكتاب', 'كتب', 'ك')), { maxLength: 200 }), (words) => {
        const terms = new TermDictionary();
        const model = new Map<string, number>();
        for (const w of words) {
          if (!model.has(w)) model.set(w, model.size);
          expect(terms.intern(w)).toBe(model.get(w));
        }
        expect(terms.size).toBe(model.size);
        for (const [w, id] of model) {
          expect(terms.lookup(w)).toBe(id);
          expect(terms.term(id)).toBe(w);
        }
      }),
    );
  });

  it('sortedIds orders terms by UTF-16 code units and compareTo agrees with string comparison', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 5 }), { maxLength: 60 }), fc.string({ maxLength: 5 }), (words, probe) => {
        const terms = new TermDictionary();
        for (const w of words) terms.intern(w);
        const sorted = Array.from(terms.sortedIds(), (id) => terms.term(id));
        expect(sorted).toEqual([...words].sort());
        for (let id = 0; id < terms.size; id++) {
          const w = terms.term(id);
          expect(terms.compareTo(id, probe)).toBe(w < probe ? -1 : w > probe ? 1 : 0);
        }
      }),
    );
  });

  it('sortedIds is cached until a new term arrives', () => {
    const terms = new TermDictionary();
    terms.intern('b');
    const first = terms.sortedIds();
    expect(terms.sortedIds()).toBe(first);
    terms.intern('b');
    expect(terms.sortedIds()).toBe(first);
    terms.intern('a');
    expect(Array.from(terms.sortedIds())).toEqual([1, 0]);
  });

  it('compact keeps chosen terms renumbered in order and forgets the others', () => {
    const terms = new TermDictionary();
    for (const w of ['a', 'b', 'c', 'd']) terms.intern(w);
    const map = terms.compact((id) => id % 2 === 1);
    expect(Array.from(map)).toEqual([-1, 0, -1, 1]);
    expect(terms.size).toBe(2);
    expect(terms.lookup('b')).toBe(0);
    expect(terms.lookup('d')).toBe(1);
    expect(terms.lookup('a')).toBe(-1);
    expect(terms.intern('a')).toBe(2);
    expect(terms.intern('b')).toBe(0);
  });

  it('internHashed with the precomputed hash is intern', () => {
    const terms = new TermDictionary();
    expect(terms.internHashed('كتاب', hashString('كتاب'))).toBe(0);
    expect(terms.intern('كتاب')).toBe(0);
    expect(terms.internHashed('قلم', hashString('قلم'))).toBe(1);
    expect(hashString('')).toBe(0x811c9dc5 | 0);
    expect(hashString('a')).not.toBe(hashString('b'));
  });

  it('clear forgets everything', () => {
    const terms = new TermDictionary();
    terms.intern('x');
    terms.clear();
    expect(terms.size).toBe(0);
    expect(terms.lookup('x')).toBe(-1);
    expect(terms.intern('y')).toBe(0);
  });
});
