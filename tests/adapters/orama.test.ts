import { create, insert, load, remove, save, search } from '@orama/orama';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { fahrasTokenizer } from '../../src/adapters/orama.js';
import { arabicText, SPELLING_CASES, withSynonym } from './cases.js';

const schema = { id: 'string', title: 'string', body: 'string' } as const;

function dbOf(docs: ReadonlyArray<{ id: string; title: string; body: string }>, withFahras: boolean) {
  // The baseline is Orama's own best for Arabic: its built-in `arabic` splitter.
  const db = withFahras
    ? create({ schema, components: { tokenizer: fahrasTokenizer() } })
    : create({ schema, language: 'arabic' });
  for (const doc of docs) insert(db, doc);
  return db;
}

async function ids(db: ReturnType<typeof dbOf>, term: string): Promise<string[]> {
  const res = await search(db, { term });
  return res.hits.map((h) => h.document.id);
}

describe('fahras/orama', () => {
  for (const { name, doc, query } of SPELLING_CASES) {
    const docs = [
      { id: 'a', title: 'عنوان', body: doc },
      { id: 'b', title: 'خبر آخر', body: 'نص آخر لا علاقة له' },
    ];
    it(`finds ${name} with the fahras tokenizer`, async () => {
      expect(await ids(dbOf(docs, true), query)).toEqual(['a']);
    });
    it(`misses ${name} with Orama's arabic tokenizer`, async () => {
      expect(await ids(dbOf(docs, false), query)).toEqual([]);
    });
  }

  it('returns each analyzed term once, in order of first occurrence', () => {
    const tokenizer = fahrasTokenizer();
    const analyzer = createAnalyzer();
    fc.assert(
      fc.property(arabicText, (text) => {
        expect(tokenizer.tokenize(text)).toEqual([...new Set(analyzer.analyze(text).map((t) => t.term))]);
      }),
    );
  });

  it('filters a string property with `where` through the same analysis', async () => {
    const db = dbOf(
      [
        { id: 'a', title: 'الأخبار', body: 'نص' },
        { id: 'b', title: 'رياضة', body: 'نص' },
      ],
      true,
    );
    const res = await search(db, { term: '', where: { title: 'اخبار' } });
    expect(res.hits.map((h) => h.document.id)).toEqual(['a']);
  });

  it('removes a document through the same analysis', async () => {
    const db = create({ schema, components: { tokenizer: fahrasTokenizer() } });
    const id = await insert(db, { id: 'a', title: 'أعلن الوزير', body: 'المدرسة' });
    await insert(db, { id: 'b', title: 'أعلن المدير', body: 'المدرسة' });
    await remove(db, id);
    expect(await ids(db, 'اعلن')).toEqual(['b']);
  });

  it('reports arabic as its language, for Orama\'s sorter', () => {
    expect(fahrasTokenizer().language).toBe('arabic');
  });

  it('indexes every term a synonym filter gives a word', async () => {
    const db = create({ schema, components: { tokenizer: fahrasTokenizer(withSynonym) } });
    await insert(db, { id: 'a', title: 'سيارة جديدة', body: '' });
    expect(await ids(db, 'car')).toEqual(['a']);
  });

  it('reloads a saved database into one created with the same tokenizer', async () => {
    const saved = save(dbOf([{ id: 'a', title: 'أعلن الوزير', body: 'المستشفى' }], true));
    const db = create({ schema, components: { tokenizer: fahrasTokenizer() } });
    load(db, JSON.parse(JSON.stringify(saved)) as typeof saved);
    expect(await ids(db, 'اعلن')).toEqual(['a']);
    expect(db.tokenizer.language).toBe('arabic');
  });
});
