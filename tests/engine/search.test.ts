import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { synonymFilter } from '../../src/analysis/filters.js';
import { createIndex } from '../../src/engine.js';
import { articleIndex, expectCode, ids } from './helpers.js';

describe('search: matching Arabic the way readers type it', () => {
  const index = articleIndex();

  it('a query without hamza finds a document with hamza (and the reverse)', () => {
    expect(ids(index.search('اسعار'))).toEqual(['a5']);
    expect(ids(index.search('الإفريقي'))).toContain('a4');
    expect(ids(index.search('الافريقى'))).toContain('a4');
  });

  it('finds a word through its clitics and ta marbuta spelled as ha', () => {
    expect(ids(index.search('والانتخابات'))).toContain('a1');
    expect(ids(index.search('البلديه'))).toEqual(['a1']);
  });

  it('an exact form outranks a stem-only match', () => {
    const hits = index.search('الانتخابات');
    expect(ids(hits).slice(0, 2)).toEqual(['a1', 'a2']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('a query of stopwords only, or of no letters, finds nothing and does not throw', () => {
    expect(index.search('في من على')).toHaveLength(0);
    expect(index.search('')).toHaveLength(0);
    expect(index.search('  ؟!  ')).toHaveLength(0);
    expect(index.search('"(unclosed -')).toHaveLength(0);
  });

  it('INVALID_QUERY for a non-string query', () => {
    expectCode(() => index.search(42 as unknown as string), 'INVALID_QUERY');
  });
});

describe('search: result shape', () => {
  const index = articleIndex();

  it('each result has id, positive score, stored doc and which query word matched in which fields', () => {
    const [hit] = index.search('وزير مصر');
    expect(hit).toBeDefined();
    expect(hit!.id).toBe('a3');
    expect(hit!.score).toBeGreaterThan(0);
    expect(hit!.doc).toEqual({ title: 'وزير الخارجية يستقبل سفير مصر', category: 'سياسة' });
    expect(hit!.match).toEqual({ وزير: ['title', 'body'], مصر: ['title', 'body'] });
  });

  it('match keys are the query words as written; unmatched words are absent', () => {
    const hits = index.search('الوزير زرافة');
    expect(hits.map((h) => Object.keys(h.match))).toEqual([['الوزير'], ['الوزير']]);
  });

  it('results are best first and total counts all matches', () => {
    const hits = index.search('البطولة', { limit: 1 });
    expect(hits).toHaveLength(1);
    expect(hits.total).toBe(2);
    const all = index.search('البطولة');
    expect(all.map((h) => h.score)).toEqual([...all.map((h) => h.score)].sort((a, b) => b - a));
  });
});

describe('search options', () => {
  const index = articleIndex();

  it('limit and offset page through the same order', () => {
    const q = 'الانتخابات وزير البطولة النفط الكتاب المدارس';
    const full = ids(index.search(q, { limit: 100 }));
    expect(full.length).toBeGreaterThan(4);
    expect(ids(index.search(q, { limit: 2, offset: 1 }))).toEqual(full.slice(1, 3));
    expect(ids(index.search(q, { limit: 10, offset: 100 }))).toEqual([]);
    expect(index.search(q, { limit: 0 })).toHaveLength(0);
    expect(index.search(q, { limit: 0 }).total).toBe(full.length);
  });

  it('fields restricts the search to some fields', () => {
    expect(ids(index.search('البطولة', { fields: ['title'] }))).toEqual(['a4']);
    expect(ids(index.search('البطولة', { fields: ['body'] })).sort()).toEqual(['a4', 'a8']);
    expect(index.search('رياضة', { fields: ['title', 'body'] })).toHaveLength(0);
    expect(ids(index.search('رياضة', { fields: ['category'] })).sort()).toEqual(['a4', 'a8']);
  });

  it('boost multiplies a field weight at query time (0 leaves the field out)', () => {
    const plain = index.search('الكتاب');
    const boosted = index.search('الكتاب', { boost: { body: 10 } });
    expect(boosted[0]!.score).toBeGreaterThan(plain[0]!.score);
    expect(index.search('رياضة', { boost: { category: 0 } })).toHaveLength(0);
  });

  it('filter: equality, list of values, predicate', () => {
    const q = 'البطولة الانتخابات النفط';
    expect(ids(index.search(q, { filter: { category: 'رياضة' } })).sort()).toEqual(['a4', 'a8']);
    expect(ids(index.search(q, { filter: { category: ['اقتصاد', 'سياسة'] } })).sort()).toEqual(['a1', 'a2', 'a5']);
    expect(ids(index.search(q, { filter: (doc) => doc.title.startsWith('ارتفاع') }))).toEqual(['a5']);
    expect(index.search(q, { filter: { category: 'رياضة' } }).total).toBe(2);
  });

  it("combine 'or' ranks documents matching more query words first; 'and' keeps only those matching all", () => {
    const q = 'وزير الكتاب';
    const or = index.search(q);
    expect(ids(or)[0]).toBe('a6');
    expect(Object.keys(or[0]!.match).sort()).toEqual(['الكتاب', 'وزير']);
    expect(ids(or).sort()).toEqual(['a3', 'a6']);
    expect(ids(index.search(q, { combine: 'and' }))).toEqual(['a6']);
    expect(index.search('وزير زرافة', { combine: 'and' })).toHaveLength(0);
  });

  it('facets count values over all matches, not just the page, most frequent first', () => {
    const hits = index.search('البطولة الانتخابات النفط وزير', { limit: 1, facets: ['category'] });
    expect(hits).toHaveLength(1);
    expect(hits.facets.category).toEqual([
      { value: 'سياسة', count: 3 },
      { value: 'رياضة', count: 2 },
      { value: 'اقتصاد', count: 1 },
      { value: 'ثقافة', count: 1 },
    ]);
    const filtered = index.search('البطولة الانتخابات', { facets: ['category'], filter: { category: 'رياضة' } });
    expect(filtered.facets.category).toEqual([{ value: 'رياضة', count: 2 }]);
  });

  it('facets count each item of an array-valued stored field once per document', () => {
    const tagged = createIndex<{ id: string; text: string; tags: string[] }, 'tags'>({ id: 'id', fields: ['text'], store: ['tags'] });
    tagged.add({ id: '1', text: 'تونس', tags: ['a', 'b', 'a'] });
    tagged.add({ id: '2', text: 'تونس', tags: ['b'] });
    expect(tagged.search('تونس', { facets: ['tags'] }).facets.tags).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 1 },
    ]);
    expect(ids(tagged.search('تونس', { filter: { tags: 'a' } }))).toEqual(['1']);
  });
});

describe('option errors', () => {
  const index = articleIndex();

  it('UNKNOWN_OPTION for a search option name fahras does not know', () => {
    const err = expectCode(() => index.search('x', { limt: 3 } as never), 'UNKNOWN_OPTION');
    expect(err.details.option).toBe('limt');
    expect(err.message).toContain('limt');
  });

  it('INVALID_OPTION for wrong types and ranges', () => {
    const bad: object[] = [
      { limit: -1 },
      { limit: 1.5 },
      { limit: '10' },
      { offset: -2 },
      { fields: ['nope'] },
      { fields: 'title' },
      { boost: { nope: 2 } },
      { boost: { title: -1 } },
      { combine: 'xor' },
      { filter: { body: 'x' } },
      { filter: { category: { a: 1 } } },
      { filter: 'x' },
      { facets: ['body'] },
    ];
    for (const options of bad) expectCode(() => index.search('x', options as never), 'INVALID_OPTION');
    expectCode(() => index.search('x', 5 as never), 'INVALID_OPTION');
  });

  it('createIndex reports unknown and invalid options', () => {
    expectCode(() => createIndex({ id: 'id', fields: ['a'], bost: 1 } as never), 'UNKNOWN_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: { a: { bost: 1 } } } as never), 'UNKNOWN_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: {} }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: '', fields: ['a'] }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: ['a', 'a'] }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: { a: { boost: -1 } } }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: ['a'], k1: Number.NaN }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: ['a'], b: 2 }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: ['a'], vacuumThreshold: 0 }), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: ['a'], store: 'a' } as never), 'INVALID_OPTION');
    expectCode(() => createIndex({ id: 'id', fields: Array.from({ length: 31 }, (_, i) => `f${i}`) }), 'INVALID_OPTION');
    expectCode(() => createIndex(undefined as never), 'INVALID_OPTION');
  });

  it('a per-field analyzer applies to that field and to the query on it', () => {
    const idx = createIndex<{ id: string; code: string; text: string }>({
      id: 'id',
      fields: { code: { analyzer: { stem: false } }, text: {} },
    });
    idx.add({ id: '1', code: 'الكتب', text: 'الكتب' });
    idx.add({ id: '2', code: 'كتاب', text: 'مدرسة' });
    // Stemmed text matches كتاب ~ الكتب by stem; the unstemmed code field needs the same word.
    expect(idx.search('كتب', { fields: ['code'] })).toHaveLength(0);
    expect(ids(idx.search('الكتب', { fields: ['code'] }))).toEqual(['1']);
    expect(ids(idx.search('كتب', { fields: ['text'] }))).toEqual(['1']);
    expectCode(() => createIndex({ id: 'id', fields: { a: { analyzer: { stemm: true } as never } } }), 'UNKNOWN_OPTION');
  });
});

describe('field boosts', () => {
  const filler = 'قال المتحدث إن اللجنة ستجتمع غدا لمناقشة الملفات المطروحة على جدول الأعمال';
  const docs = [
    { id: 'title', title: 'الزيتون', body: `${filler} ${filler}` },
    { id: 'body', title: 'أخبار', body: `${filler} الزيتون ${filler} الزيتون` },
  ];

  it('with the article preset, a title match outweighs two body mentions in a body of the same length', () => {
    const index = createIndex<{ id: string; title: string; body: string }>({ id: 'id', fields: { title: { boost: 3 }, body: {} } });
    index.addAll(docs);
    expect(ids(index.search('الزيتون'))).toEqual(['title', 'body']);
  });

  it('a higher title boost makes a title mention outweigh many body mentions', () => {
    const many = { id: 'body', title: 'أخبار', body: `${filler} ${'الزيتون '.repeat(6)}` };
    const preset = createIndex<{ id: string; title: string; body: string }>({ id: 'id', fields: { title: { boost: 3 }, body: {} } });
    preset.addAll([docs[0]!, many]);
    expect(ids(preset.search('الزيتون'))).toEqual(['body', 'title']);
    const strong = createIndex<{ id: string; title: string; body: string }>({ id: 'id', fields: { title: { boost: 10 }, body: {} } });
    strong.addAll([docs[0]!, many]);
    expect(ids(strong.search('الزيتون'))).toEqual(['title', 'body']);
  });
});

describe('custom analyzers', () => {
  it('a synonym filter indexes every term of a group at the same position, and the query finds them all', () => {
    const base = createAnalyzer();
    const toTerm = (w: string): string => base.stemWord(base.normalizeWord(w));
    const synonyms = synonymFilter([['سيارة', 'عربية', 'مركبة']], toTerm);
    const index = createIndex<{ id: string; text: string; other: string }>({
      id: 'id',
      fields: { text: { analyzer: { filters: [synonyms] } }, other: {} },
    });
    index.add({ id: '1', text: 'اشترى سيارة جديدة', other: 'مركبة' });
    index.add({ id: '2', text: 'ركب المركبات', other: '' });
    index.add({ id: '3', text: 'قرأ كتابا', other: '' });
    expect(ids(index.search('عربية', { fields: ['text'] })).sort()).toEqual(['1', '2']);
    expect(ids(index.search('سيارة', { fields: ['text'] })).sort()).toEqual(['1', '2']);
    // The other field has no synonym filter: only the word itself.
    expect(ids(index.search('عربية', { fields: ['other'] }))).toEqual([]);
    expect(ids(index.search('مركبة', { fields: ['other'] }))).toEqual(['1']);
  });
});
