/**
 * export → loadIndex: the loaded index answers like the original (ids, scores, matches, stored
 * fields), keeps its options and analysis, and goes on accepting changes.
 */
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createIndex, FahrasError, inspectIndex, loadIndex, loadIndexAsync, synonymFilter } from '../../src/index.js';
import type { SearchIndex } from '../../src/index.js';
import { ARTICLES, articleIndex } from '../engine/helpers.js';
import type { Article } from '../engine/helpers.js';
import { expectError } from '../robustness/helpers.js';

const QUERIES = ['الانتخابات', 'وزير مصر', 'البطولة الإفريقية', 'الكتاب', 'المدارس الجديدة', 'النفط الأسواق', 'سياسة', 'زرافة', ''];

/** What the tests read of an index's search. */
interface Searchable {
  search(query: string, options: { limit: number }): readonly { id: unknown; score: number; match: unknown; doc: unknown }[] & { total: number };
}

/** Everything a search shows, per query. */
function answers(index: Searchable, queries = QUERIES): unknown {
  return queries.map((q) => {
    const hits = index.search(q, { limit: 100 });
    return { total: hits.total, hits: hits.map((h) => [h.id, h.score, h.match, h.doc]) };
  });
}

describe('export and loadIndex', () => {
  it('give an index with the same results, scores, stored fields and size', () => {
    const original = articleIndex();
    const bytes = original.export();
    expect(bytes).toBeInstanceOf(Uint8Array);
    const loaded = loadIndex<Article, 'title' | 'category'>(bytes);
    expect(answers(loaded)).toEqual(answers(original));
    expect(loaded.size).toBe(original.size);
    expect(loaded.fields).toEqual(['title', 'category', 'body']);
    expect(loaded.get('a4')).toEqual({ title: 'الترجي يفوز بالبطولة', category: 'رياضة' });
    expect(loaded.has('a1')).toBe(true);
    // filters and facets work on the loaded stored fields
    const hits = loaded.search('البطولة', { filter: { category: 'رياضة' }, facets: ['category'] });
    expect(hits.map((h) => h.id)).toEqual(original.search('البطولة', { filter: { category: 'رياضة' } }).map((h) => h.id));
    expect(hits.facets).toEqual(original.search('البطولة', { facets: ['category'], filter: { category: 'رياضة' } }).facets);
  });

  it('leaves removed and replaced documents out, keeping results, scores and tie order', () => {
    const original = articleIndex();
    original.remove('a3');
    original.update({ ...ARTICLES[0]!, body: 'نص جديد عن الانتخابات والبلدية' });
    const bytes = original.export();
    const loaded = loadIndex<Article, 'title' | 'category'>(bytes);
    expect(answers(loaded)).toEqual(answers(original));
    expect(loaded.has('a3')).toBe(false);
    expect(loaded.stats().removed).toBe(0);
    expect(inspectIndex(bytes).documents).toBe(7);
  });

  it('accepts add, remove and update afterwards exactly like the original', () => {
    const original = articleIndex(ARTICLES.slice(0, 5));
    const loaded = loadIndex<Article, 'title' | 'category'>(original.export());
    for (const index of [original, loaded]) {
      index.add(ARTICLES[5]!);
      index.add(ARTICLES[6]!);
      index.remove('a2');
      index.update({ ...ARTICLES[3]!, title: 'الترجي يخسر المباراة' });
      index.add({ id: 'new', title: 'وزير الخارجية في مصر', category: 'سياسة', body: 'زيارة رسمية' });
    }
    expect(answers(loaded)).toEqual(answers(original));
    expectError(() => loaded.add(ARTICLES[0]!), 'DUPLICATE_ID');
  });

  it('keeps the options: boosts, b, k1, exactBoost, stored fields, vacuum threshold', () => {
    const original = createIndex<Article, 'title'>({
      id: 'id',
      fields: { title: { boost: 5, b: 0.3 }, body: { boost: 0.5 } },
      store: ['title'],
      k1: 1.7,
      b: 0.6,
      exactBoost: 0,
      vacuumThreshold: false,
    });
    original.addAll(ARTICLES);
    const bytes = original.export();
    const info = inspectIndex(bytes);
    expect(info).toMatchObject({
      id: 'id',
      fields: [
        { name: 'title', boost: 5, b: 0.3, analyzer: 0 },
        { name: 'body', boost: 0.5, b: 0.6, analyzer: 0 },
      ],
      store: ['title'],
      k1: 1.7,
      exactBoost: 0,
      vacuumThreshold: false,
      documents: 8,
      formatVersion: 1,
      bytes: bytes.length,
    });
    const loaded = loadIndex<Article, 'title'>(bytes);
    expect(answers(loaded)).toEqual(answers(original));
  });

  it('keeps maxFieldLength: a loaded index refuses the fields the original refused, and keeps no limit as no limit', () => {
    const original = createIndex<Article>({ id: 'id', fields: ['title', 'body'], maxFieldLength: 2_000 });
    original.addAll(ARTICLES);
    const loaded = loadIndex<Article>(original.export());
    expect(inspectIndex(original.export()).maxFieldLength).toBe(2_000);
    const long = { id: 'long', title: 'عنوان', category: 'ثقافة', body: 'كلمة '.repeat(500) };
    expectError(() => original.add(long), 'FIELD_TOO_LONG');
    expectError(() => loaded.add(long), 'FIELD_TOO_LONG');
    expect(loaded.size).toBe(original.size);
    const unlimited = createIndex<Article>({ id: 'id', fields: ['title', 'body'], maxFieldLength: Infinity });
    const again = loadIndex<Article>(unlimited.export());
    const huge = { id: 'huge', title: 'عنوان', category: 'ثقافة', body: 'كلمة '.repeat(250_000) };
    again.add(huge);
    expect(again.has('huge')).toBe(true);
  });

  it('round-trips number ids, array fields, numbers and every kind of stored value', () => {
    type Doc = Record<string, unknown>;
    const original = createIndex<Doc, never, string>({ id: 'key', fields: ['text', 'tags'], store: ['meta', 'tags', 'text'] });
    const weird = 'a\uD800b'; // a lone surrogate: not representable in UTF-8
    const docs: Doc[] = [
      { key: 1, text: 'الكتاب في المكتبة', tags: ['ثقافة', null, 2020], meta: { n: -0, nan: NaN, inf: -Infinity, big: 2 ** 40, neg: -7, f: 1.5, arr: [1, undefined, null, 'x'], deep: { t: true, f: false }, __proto__x: 1 } },
      { key: 2.5, text: 2020, tags: 'رياضة', meta: new Date('2020-01-02T03:04:05.000Z') },
      { key: 'نص', text: weird, meta: [weird, { '': 'empty key' }] },
      { key: -3, text: 'كتاب', meta: null },
    ];
    original.addAll(docs);
    const loaded = loadIndex<Doc, never, string>(original.export());
    expect(loaded.get(1)).toEqual(original.get(1));
    expect(Object.is((loaded.get(1)!.meta as { n: number }).n, -0)).toBe(true);
    expect((loaded.get(1)!.meta as { arr: unknown[] }).arr).toEqual([1, undefined, null, 'x']);
    expect(loaded.get(2.5)).toEqual({ text: 2020, tags: 'رياضة', meta: '2020-01-02T03:04:05.000Z' });
    expect(loaded.get('نص')).toEqual({ text: weird, meta: [weird, { '': 'empty key' }] });
    expect(loaded.get(-3)).toEqual({ text: 'كتاب', meta: null });
    const ranked = (index: SearchIndex<Doc, never, string>): unknown => ['كتاب', '2020', 'ثقافة', 'رياضة', 'b'].map((q) => index.search(q).map((h) => [h.id, h.score, h.match]));
    expect(ranked(loaded)).toEqual(ranked(original));
  });

  it('keeps an own __proto__ key of a stored object as data', () => {
    const meta = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const original = createIndex<Record<string, unknown>>({ id: 'id', fields: ['t'], store: ['meta'] });
    original.add({ id: 'x', t: 'كتاب', meta });
    const got = loadIndex<Record<string, unknown>>(original.export()).get('x')!.meta as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(got)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses stored values it cannot save with INVALID_FIELD naming the document and field', () => {
    const index = createIndex<Record<string, unknown>>({ id: 'id', fields: ['t'], store: ['meta'] });
    index.add({ id: 'b1', t: 'x', meta: { n: 10n } });
    const err = expectError(() => index.export(), 'INVALID_FIELD');
    expect(err.details).toEqual({ id: 'b1', field: 'meta' });
    const cyclic = createIndex<Record<string, unknown>>({ id: 'id', fields: ['t'], store: ['meta'] });
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    cyclic.add({ id: 'c1', t: 'x', meta: loop });
    expect(expectError(() => cyclic.export(), 'INVALID_FIELD').message).toMatch(/deeper than 256/);
  });

  it('saves an empty index, and an index after clear', () => {
    const empty = articleIndex([]);
    const loaded = loadIndex<Article, 'title' | 'category'>(empty.export());
    expect(loaded.size).toBe(0);
    expect(loaded.search('الكتاب')).toHaveLength(0);
    loaded.add(ARTICLES[0]!);
    expect(loaded.search('الانتخابات').map((h) => h.id)).toEqual(['a1']);
    const cleared = articleIndex();
    cleared.clear();
    expect(inspectIndex(cleared.export())).toMatchObject({ documents: 0, terms: 0 });
  });

  it('keeps the field order of an index made from a list of integer-like field names', () => {
    const original = createIndex<Record<string, unknown>>({ id: 'id', fields: ['b', '2', '1'] });
    original.add({ id: 'x', b: 'كتاب', '2': 'كتاب مدرسة', '1': 'مدرسة' });
    original.add({ id: 'y', b: 'مدرسة', '2': 'وزير', '1': 'كتاب' });
    const loaded = loadIndex<Record<string, unknown>>(original.export());
    expect(loaded.fields).toEqual(['b', '2', '1']);
    expect(answers(loaded, ['كتاب', 'مدرسة', 'وزير'])).toEqual(answers(original, ['كتاب', 'مدرسة', 'وزير']));
  });

  it('reads an ArrayBuffer and rejects anything else with INVALID_INPUT, unknown options with UNKNOWN_OPTION', () => {
    const bytes = articleIndex().export();
    const buffer = bytes.slice().buffer;
    expect(loadIndex(buffer).size).toBe(8);
    expectError(() => loadIndex('bytes' as never), 'INVALID_INPUT');
    expectError(() => loadIndex([1, 2, 3] as never), 'INVALID_INPUT');
    expectError(() => loadIndex(bytes, { analyser: {} } as never), 'UNKNOWN_OPTION');
  });

  it('takes queryCache (not saved): a loaded index without query caches answers the same, and a non-boolean is INVALID_OPTION', async () => {
    const original = articleIndex();
    const bytes = original.export();
    const queries = ['كتاب', 'الكتاب مدرسة', 'وزير الخارجية'];
    for (const queryCache of [false, true]) {
      const loaded = loadIndex(bytes, { queryCache });
      expect((loaded as unknown as { internals: { options: { queryCache: boolean } } }).internals.options.queryCache).toBe(queryCache);
      expect(answers(loaded, queries)).toEqual(answers(original, queries));
    }
    expect((loadIndex(bytes) as unknown as { internals: { options: { queryCache: boolean } } }).internals.options.queryCache).toBe(true);
    expectError(() => loadIndex(bytes, { queryCache: 'no' as never }), 'INVALID_OPTION');
    await expect(loadIndexAsync(bytes, { queryCache: 0 as never })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect((await loadIndexAsync(bytes, { queryCache: false })).size).toBe(original.size);
  });
});

describe('the analysis of a saved index', () => {
  it('is restored: a loaded index with per-field analyzers analyzes queries as it analyzed documents', () => {
    const original = createIndex<Article>({
      id: 'id',
      fields: { title: { analyzer: { stem: false, normalize: { foldAlef: false } } }, category: {}, body: {} },
      analyzer: { stopwords: ['في'], extraStopwords: ['بعد'] },
    });
    original.addAll(ARTICLES);
    const bytes = original.export();
    const info = inspectIndex(bytes);
    expect(info.analyzers).toHaveLength(2);
    expect(info.analyzers[0]).toEqual(createAnalyzer({ stem: false, normalize: { foldAlef: false } }).config);
    expect(info.analyzers[1]!.stopwords).toEqual(['بعد', 'في']);
    expect(info.fields.map((f) => f.analyzer)).toEqual([0, 1, 1]);
    const loaded = loadIndex<Article>(bytes);
    const queries = [...QUERIES, 'أحمد', 'احمد', 'في', 'بعد', 'الانتخابات البلدية'];
    expect(answers(loaded, queries)).toEqual(answers(original, queries));
  });

  it('with a custom stemmer or filters: loadIndex needs them again (INVALID_OPTION) and checks they match', () => {
    const base = createAnalyzer();
    const toTerm = (w: string): string => base.stemWord(base.normalizeWord(w));
    const synonyms = synonymFilter([['سيارة', 'عربية']], toTerm);
    const stem = (w: string): string => (w.length > 4 ? w.slice(0, 4) : w);
    const options = { stem, filters: [synonyms] };
    const original = createIndex<Article>({ id: 'id', fields: ['title', 'body'], analyzer: options });
    original.addAll([...ARTICLES, { id: 'car', title: 'السيارة الجديدة', category: '', body: 'عربية سريعة' }]);
    const bytes = original.export();

    const missing = expectError(() => loadIndex(bytes), 'INVALID_OPTION');
    expect(missing.message).toMatch(/custom stemmer and filters \[synonyms\]/);
    expect(missing.message).toMatch(/pass the same analyzer options/);
    const wrong = expectError(() => loadIndex(bytes, { analyzer: { stem } }), 'INVALID_OPTION');
    expect(wrong.message).toMatch(/filters are \[\], the index used \[synonyms\]/);
    const perField = expectError(() => loadIndex(bytes, { analyzer: options, fields: { title: { analyzer: {} } } }), 'INVALID_OPTION');
    expect(perField.message).toMatch(/fields\.title\.analyzer does not match/);
    expectError(() => loadIndex(bytes, { analyzer: options, fields: { nope: { analyzer: options } } }), 'INVALID_OPTION');

    const loaded = loadIndex<Article>(bytes, { analyzer: options });
    const queries = ['سيارة', 'عربية', 'السيارات', 'الانتخابات', 'وزير'];
    expect(answers(loaded, queries)).toEqual(answers(original, queries));
    expect(loaded.search('سيارة').map((h) => h.id)).toEqual(['car']);
  });

  it('from another analysis version is refused with UNSUPPORTED_VERSION', async () => {
    const { editMetadata } = await import('./helpers.js');
    const bytes = editMetadata(articleIndex().export(), (meta) => {
      (meta.analyzers as { analysisVersion: number }[])[0]!.analysisVersion = 99;
    });
    expect(expectError(() => loadIndex(bytes), 'UNSUPPORTED_VERSION').message).toMatch(/analysis version 99.*rebuild the index/);
  });
});

describe('loadIndexAsync', () => {
  it('loads the same index as loadIndex, yielding to the event loop between slices', async () => {
    const docs = Array.from({ length: 400 }, (_, i) => ({ ...ARTICLES[i % ARTICLES.length]!, id: `d${i}` }));
    const original = articleIndex(docs);
    const bytes = original.export();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const loaded = await loadIndexAsync<Article, 'title' | 'category'>(bytes, { chunkBudgetMs: 0.01 });
    clearInterval(timer);
    expect(answers(loaded)).toEqual(answers(original));
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with ABORTED when aborted, and with the loader errors for bad input', async () => {
    const bytes = articleIndex().export();
    const controller = new AbortController();
    controller.abort();
    await expect(loadIndexAsync(bytes, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(loadIndexAsync(bytes.subarray(0, 100))).rejects.toMatchObject({ code: 'TRUNCATED_INDEX' });
    await expect(loadIndexAsync(new Uint8Array(0))).rejects.toMatchObject({ code: 'NOT_AN_INDEX' });
    await expect(loadIndexAsync(bytes, { chunkBudgetMs: 0 })).rejects.toBeInstanceOf(FahrasError);
    await expect(loadIndexAsync(bytes, { signal: 'no' as never })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('stops between slices when aborted while loading', async () => {
    const docs = Array.from({ length: 300 }, (_, i) => ({ ...ARTICLES[i % ARTICLES.length]!, id: `d${i}` }));
    const bytes = articleIndex(docs).export();
    const controller = new AbortController();
    // The first slice runs before loadIndexAsync returns; the abort lands before the second.
    const loading = loadIndexAsync(bytes, { signal: controller.signal, chunkBudgetMs: 0.01 });
    controller.abort();
    await expect(loading).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
