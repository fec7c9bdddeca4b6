import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/engine.js';
import { FahrasError } from '../../src/errors.js';
import { ARTICLES, articleIndex, expectCode, ids } from './helpers.js';
import type { Article } from './helpers.js';

/** Everything observable about an index, to check that a failing call changed nothing. */
function snapshot(index: ReturnType<typeof articleIndex>): unknown {
  return {
    size: index.size,
    stats: index.stats(),
    searches: ['الانتخابات', 'وزير', 'البطولة المنتخب', 'كتاب'].map((q) => index.search(q, { limit: 20 }).map((r) => [r.id, r.score])),
    get: ARTICLES.map((a) => index.get(a.id)),
  };
}

describe('add, get, has, size', () => {
  it('adds documents and returns stored fields only', () => {
    const index = articleIndex();
    expect(index.size).toBe(8);
    expect(index.has('a1')).toBe(true);
    expect(index.has('zz')).toBe(false);
    expect(index.get('a3')).toEqual({ title: 'وزير الخارجية يستقبل سفير مصر', category: 'سياسة' });
    expect(index.get('zz')).toBeUndefined();
    expect(index.fields).toEqual(['title', 'category', 'body']);
  });

  it('returns copies: mutating a result does not change the index', () => {
    const index = articleIndex();
    const doc = index.get('a3')!;
    doc.title = 'changed';
    expect(index.get('a3')!.title).toBe('وزير الخارجية يستقبل سفير مصر');
    const hit = index.search('وزير')[0]!;
    (hit.doc as { title: string }).title = 'changed';
    expect(index.search('وزير')[0]!.doc.title).not.toBe('changed');
  });

  it('accepts numeric ids, distinct from the same digits as a string', () => {
    const index = createIndex<{ id: number | string; text: string }>({ id: 'id', fields: ['text'] });
    index.add({ id: 1, text: 'واحد' });
    index.add({ id: '1', text: 'اثنان' });
    expect(index.size).toBe(2);
    expect(ids(index.search('واحد'))).toEqual([1]);
    expect(ids(index.search('اثنان'))).toEqual(['1']);
  });

  it('DUPLICATE_ID: a second document with the same id is refused and changes nothing', () => {
    const index = articleIndex();
    const before = snapshot(index);
    const err = expectCode(() => index.add({ ...ARTICLES[0]!, body: 'زرافة طائرة' }), 'DUPLICATE_ID');
    expect(err.details.id).toBe('a1');
    expect(snapshot(index)).toEqual(before);
    expect(index.search('زرافة')).toHaveLength(0);
  });

  it('INVALID_DOCUMENT and INVALID_ID', () => {
    const index = articleIndex([]);
    expectCode(() => index.add(null as unknown as Article), 'INVALID_DOCUMENT');
    expectCode(() => index.add([] as unknown as Article), 'INVALID_DOCUMENT');
    expectCode(() => index.add({ title: 'x' } as unknown as Article), 'INVALID_ID');
    expectCode(() => index.add({ id: '', title: 'x' } as unknown as Article), 'INVALID_ID');
    expectCode(() => index.add({ id: Number.NaN, title: 'x' } as unknown as Article), 'INVALID_ID');
    expectCode(() => index.add({ id: {}, title: 'x' } as unknown as Article), 'INVALID_ID');
    expect(index.size).toBe(0);
  });

  it('INVALID_FIELD names the field and the id, and a failing add leaves the index exactly as before', () => {
    const index = articleIndex();
    const before = snapshot(index);
    for (const bad of [{ nested: true }, true, () => 'x', [1, { a: 1 }], Symbol('s'), Number.POSITIVE_INFINITY]) {
      const err = expectCode(() => index.add({ id: 'bad', title: 'عنوان سليم', category: 'سياسة', body: bad } as unknown as Article), 'INVALID_FIELD');
      expect(err.details).toMatchObject({ id: 'bad', field: 'body' });
      expect(err.message).toContain('body');
      expect(err.message).toContain('bad');
    }
    expect(snapshot(index)).toEqual(before);
    expect(index.has('bad')).toBe(false);
  });

  it('numbers become text, arrays are one field, null and undefined skip the field', () => {
    const index = createIndex<{ id: string; title?: string | null; tags?: (string | number | null)[]; year?: number }>({
      id: 'id',
      fields: ['title', 'tags', 'year'],
    });
    index.add({ id: 'x', title: null, tags: ['تونس', null, 'الانتخابات', 2019], year: 2018 });
    index.add({ id: 'y', tags: [] });
    expect(ids(index.search('2018'))).toEqual(['x']);
    expect(ids(index.search('2019'))).toEqual(['x']);
    expect(index.search('الانتخابات')[0]!.match).toEqual({ الانتخابات: ['tags'] });
    expect(index.size).toBe(2);
  });

  it('addAll adds in order and stops at the first failing document, keeping the earlier ones', () => {
    const index = articleIndex([]);
    const docs = [ARTICLES[0]!, ARTICLES[1]!, { ...ARTICLES[2]!, title: 42n } as unknown as Article, ARTICLES[3]!];
    expect(() => index.addAll(docs)).toThrow(FahrasError);
    expect(index.size).toBe(2);
    expect(index.has('a2')).toBe(true);
    expect(index.has('a3')).toBe(false);
    expect(index.has('a4')).toBe(false);
    expect(index.addAll([ARTICLES[2]!, ARTICLES[3]!])).toBe(2);
  });
});

describe('remove, update, clear', () => {
  it('remove returns false for an unknown id and changes nothing', () => {
    const index = articleIndex();
    const before = snapshot(index);
    expect(index.remove('nope')).toBe(false);
    expect(snapshot(index)).toEqual(before);
  });

  it('a removed document disappears from results, get and has at once', () => {
    const index = articleIndex();
    expect(ids(index.search('الانتخابات'))).toContain('a1');
    expect(index.remove('a1')).toBe(true);
    expect(ids(index.search('الانتخابات'))).not.toContain('a1');
    expect(index.has('a1')).toBe(false);
    expect(index.get('a1')).toBeUndefined();
    expect(index.size).toBe(7);
    expect(index.remove('a1')).toBe(false);
    index.add(ARTICLES[0]!);
    expect(ids(index.search('الانتخابات'))).toContain('a1');
  });

  it('update replaces the document; UNKNOWN_ID for an absent id; a failing update changes nothing', () => {
    const index = articleIndex();
    index.update({ ...ARTICLES[4]!, title: 'انخفاض أسعار الذهب', body: 'تراجع الذهب في الأسواق.' });
    expect(index.get('a5')!.title).toBe('انخفاض أسعار الذهب');
    expect(ids(index.search('النفط'))).toEqual([]);
    expect(ids(index.search('الذهب'))).toEqual(['a5']);
    expect(index.size).toBe(8);
    const before = snapshot(index);
    expectCode(() => index.update({ ...ARTICLES[0]!, id: 'zz' }), 'UNKNOWN_ID');
    expectCode(() => index.update({ ...ARTICLES[0]!, body: { x: 1 } } as unknown as Article), 'INVALID_FIELD');
    expect(snapshot(index)).toEqual(before);
  });

  it('clear empties the index, which stays usable', () => {
    const index = articleIndex();
    index.clear();
    expect(index.size).toBe(0);
    expect(index.search('الانتخابات')).toHaveLength(0);
    expect(index.stats().terms).toBe(0);
    index.add(ARTICLES[2]!);
    expect(ids(index.search('وزير'))).toEqual(['a3']);
  });
});
