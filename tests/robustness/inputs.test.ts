/**
 * Hostile documents: each is refused with a typed FahrasError (code, message naming the field and
 * the id, details) and leaves the index exactly as it was, or is accepted with the documented
 * behaviour. See docs/limits.md for the table these tests back.
 */
import { describe, expect, it } from 'vitest';
import { DOCS, expectError, failsUnchanged, looseIndex, snapshot } from './helpers.js';
import type { Loose } from './helpers.js';

describe('documents that are not objects', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'وزير'],
    ['a number', 42],
    ['an array', [{ id: 'x', title: 'وزير' }]],
    ['a function', () => ({ id: 'x' })],
    ['a boolean', true],
    ['a symbol', Symbol('doc')],
    ['a bigint', 10n],
  ];
  for (const [name, doc] of cases) {
    it(`${name}: INVALID_DOCUMENT from add and update, index unchanged`, () => {
      const index = looseIndex();
      const err = failsUnchanged(index, () => index.add(doc as Loose), 'INVALID_DOCUMENT');
      expect(err.message).toMatch(/document must be an object/);
      failsUnchanged(index, () => index.update(doc as Loose), 'INVALID_DOCUMENT');
    });
  }

  it('addAll and addAllAsync given something that is not iterable: INVALID_INPUT, index unchanged', async () => {
    const index = looseIndex();
    for (const docs of [null, undefined, 5, 'abc', {}, { id: 'x' }]) {
      failsUnchanged(index, () => index.addAll(docs as Iterable<Loose>), 'INVALID_INPUT');
      const before = snapshot(index);
      await expect(index.addAllAsync(docs as Iterable<Loose>)).rejects.toMatchObject({ name: 'FahrasError', code: 'INVALID_INPUT' });
      expect(snapshot(index)).toEqual(before);
    }
  });

  it('class instances and getters are read like plain objects', () => {
    class Article {
      constructor(readonly id: string) {}
      get title(): string {
        return 'وزير الخارجية';
      }
    }
    const index = looseIndex([]);
    index.add(new Article('c1') as unknown as Loose);
    expect(index.search('الخارجية').map((h) => h.id)).toEqual(['c1']);
  });
});

describe('ids', () => {
  const bad: [string, unknown][] = [
    ['missing', undefined],
    ['empty', ''],
    ['null', null],
    ['an object', { id: 1 }],
    ['an array', ['a1']],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a boolean', true],
    ['a bigint', 1n],
    ['a symbol', Symbol('id')],
    ['a function', () => 'a1'],
  ];
  for (const [name, id] of bad) {
    it(`${name}: INVALID_ID naming the id field, index unchanged`, () => {
      const index = looseIndex();
      const err = failsUnchanged(index, () => index.add({ id, title: 'وزير' }), 'INVALID_ID');
      expect(err.details.field).toBe('id');
      expect(err.message).toContain('id');
      failsUnchanged(index, () => index.update({ id, title: 'وزير' }), 'INVALID_ID');
    });
  }

  it('names what it got: NaN and undefined by name', () => {
    const index = looseIndex([]);
    expect(expectError(() => index.add({ id: Number.NaN }), 'INVALID_ID').message).toContain('NaN');
    expect(expectError(() => index.add({ title: 'x' }), 'INVALID_ID').message).toContain('undefined');
  });

  it('accepted: any non-empty string (even whitespace), any finite number; 1 and "1" differ; -0 is 0', () => {
    const index = looseIndex([]);
    for (const id of [' ', '\u0000', '٣', 1, '1', 0, 1.5, -7]) index.add({ id, title: 'وزير' });
    expect(index.size).toBe(8);
    expectError(() => index.add({ id: -0, title: 'وزير' }), 'DUPLICATE_ID');
    expect(index.remove(-0)).toBe(true);
    expect(index.has(0)).toBe(false);
  });

  it('duplicate: DUPLICATE_ID naming the id, index unchanged; in addAll the documents before stay', () => {
    const index = looseIndex();
    const err = failsUnchanged(index, () => index.add({ id: 'a2', title: 'زرافة' }), 'DUPLICATE_ID');
    expect(err.details.id).toBe('a2');
    expect(err.message).toContain('a2');
    expect(index.search('زرافة')).toHaveLength(0);
    const other = looseIndex([]);
    expectError(() => other.addAll([{ id: 'x', title: 'زرافة' }, { id: 'y', title: 'نمر' }, { id: 'x', title: 'فيل' }, { id: 'z', title: 'أسد' }]), 'DUPLICATE_ID');
    expect([other.has('x'), other.has('y'), other.has('z'), other.search('فيل').length]).toEqual([true, true, false, 0]);
  });

  it('remove, has and get with ids of any type answer false/undefined without throwing', () => {
    const index = looseIndex();
    const before = snapshot(index);
    for (const id of [undefined, null, {}, Number.NaN, Symbol('x'), 1n, '', 'nope']) {
      expect(index.remove(id as string)).toBe(false);
      expect(index.has(id as string)).toBe(false);
      expect(index.get(id as string)).toBeUndefined();
    }
    expect(snapshot(index)).toEqual(before);
  });

  it('update of an unknown id: UNKNOWN_ID naming it, index unchanged', () => {
    const index = looseIndex();
    const err = failsUnchanged(index, () => index.update({ id: 'zz', title: 'وزير' }), 'UNKNOWN_ID');
    expect(err.details.id).toBe('zz');
  });
});

describe('field values', () => {
  const bad: [string, unknown][] = [
    ['a nested object', { text: 'وزير' }],
    ['a function', () => 'وزير'],
    ['a symbol', Symbol('وزير')],
    ['a bigint', 2020n],
    ['a boolean', false],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a String object', new String('وزير')],
    ['a Date', new Date(0)],
    ['a nested array', [['وزير']]],
    ['an array holding an object', ['وزير', { a: 1 }]],
    ['an array holding NaN', ['وزير', Number.NaN]],
  ];
  for (const [name, value] of bad) {
    it(`${name}: INVALID_FIELD naming the field and the id, add and update leave the index unchanged`, () => {
      const index = looseIndex();
      const err = failsUnchanged(index, () => index.add({ id: 'bad', title: 'عنوان', body: value }), 'INVALID_FIELD');
      expect(err.details).toMatchObject({ id: 'bad', field: 'body' });
      expect(err.message).toContain('body');
      expect(err.message).toContain('bad');
      // A failing update keeps the old document, whole.
      const err2 = failsUnchanged(index, () => index.update({ id: 'a1', title: 'زرافة', body: value }), 'INVALID_FIELD');
      expect(err2.details).toMatchObject({ id: 'a1', field: 'body' });
      expect(index.search('زرافة')).toHaveLength(0);
    });
  }

  it('numbers are indexed as their decimal text, arrays as one field, null/undefined items and fields skipped', () => {
    const index = looseIndex([
      { id: 'n', title: 2020, body: 3.5 },
      { id: 'arr', title: ['وزير', null, undefined, 7], body: null },
      { id: 'none', title: undefined, body: null },
    ]);
    expect(index.search('2020').map((h) => h.id)).toEqual(['n']);
    expect(index.search('7').map((h) => h.id)).toEqual(['arr']);
    expect(index.search('وزير').map((h) => h.id)).toEqual(['arr']);
    expect(index.size).toBe(3);
    expect(index.stats().documents).toBe(3);
  });

  it('fields that are not indexed are never read, whatever they hold', () => {
    const index = looseIndex([]);
    index.add({ id: 'x', title: 'وزير', other: { deep: [Symbol('s'), () => 1, 1n] } });
    expect(index.search('وزير').map((h) => h.id)).toEqual(['x']);
  });

  it('a stored field that is not indexed is returned as given, even an object', () => {
    const index = looseIndex([]);
    index.add({ id: 'x', title: 'وزير', tag: { nested: ['a'] } });
    expect(index.get('x')).toEqual({ tag: { nested: ['a'] } });
  });
});

describe('unusual characters', () => {
  it('lone surrogates, NUL, control and bidi characters neither throw nor hide the words around them', () => {
    const text = 'وزير\u0000الخارجية \ud800 سفير \u202eمصر\u202c book\u0007fair \udc00x \u200fتونس\u200e';
    const index = looseIndex([{ id: 'odd', title: text, body: text }]);
    for (const q of ['وزير', 'الخارجية', 'سفير', 'مصر', 'book', 'fair', 'تونس']) expect(index.search(q).map((h) => h.id), q).toEqual(['odd']);
    for (const q of ['\ud800', '\udc00', '\u0000', '\u202e', '\u0007']) expect(index.search(q)).toHaveLength(0);
  });

  it('an invisible format control (bidi mark or override, ZWNJ, ZWSP) inside a word is ignored, as in UAX #29', () => {
    const index = looseIndex([{ id: 'joined', title: 'سفير\u202eمصر \u200fتونس\u200c' }]);
    expect(index.search('سفيرمصر').map((h) => h.id)).toEqual(['joined']);
    expect(index.search('تونس').map((h) => h.id)).toEqual(['joined']);
    expect(index.search('سفير')).toHaveLength(0);
  });

  it('a field of only diacritics or only tatweel indexes no word and matches nothing', () => {
    const index = looseIndex([
      { id: 'd', title: 'ًٌٍَُِّْ'.repeat(50), body: 'ـ'.repeat(500) },
      { id: 'w', title: 'وزير', body: 'ـــ ًٌٍ ـًـ' },
    ]);
    expect(index.size).toBe(2);
    for (const q of ['ًٌٍ', 'ـــ', 'ـًـ', 'ًٌٍَُِّْ'.repeat(50)]) expect(index.search(q)).toHaveLength(0);
    // the empty fields count as length 0: the other document scores as if alone with its words
    expect(index.search('وزير').map((h) => h.id)).toEqual(['w']);
  });

  it('diacritics and tatweel inside a word are folded away, on both sides', () => {
    const index = looseIndex([{ id: 'k', title: 'كِتَـــابٌ' }]);
    expect(index.search('كتاب').map((h) => h.id)).toEqual(['k']);
    expect(index.search('كـتـاب').map((h) => h.id)).toEqual(['k']);
  });
});

describe('the seed documents stay intact through all of the above', () => {
  it('an index that refused every hostile call answers like a fresh one', () => {
    const index = looseIndex();
    for (const doc of [null, 'x', { id: '' }, { id: 'a1' }, { id: 'q', body: {} }]) {
      try {
        index.add(doc as Loose);
      } catch {
        // refused
      }
    }
    expect(snapshot(index)).toEqual(snapshot(looseIndex(DOCS)));
  });
});
