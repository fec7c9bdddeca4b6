/**
 * Property: for random documents, removals, queries and options, `search` returns what a plain
 * brute-force BM25F scorer (written here without any index) returns: the same documents, the
 * same scores within 1e-9, in the same order up to ties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnalyzer } from '../../src/analysis/analyzer.js';
import { createIndex } from '../../src/engine.js';

interface Doc {
  id: number;
  title: string;
  body: string;
}

const FIELDS = ['title', 'body'] as const;
const VOCAB = ['كتاب', 'الكتاب', 'والكتاب', 'بالكتاب', 'كتابة', 'الكتابات', 'كتب', 'مدرسة', 'المدرسة', 'مدارس', 'وزير', 'الوزير', 'الانتخابات', 'انتخابي', 'انتخابات', 'تونس', 'في', 'من', '2019', 'سفير'];
const analyzer = createAnalyzer();

/** The exact form rule the index documents: the stem for a word that is its own stem, else the surface without proclitics. */
function exactForm(term: string, surface: string): string {
  if (surface === term) return surface;
  const form = analyzer.stripProclitics(surface);
  return form.length > 0 ? form : surface;
}

interface Analyzed {
  id: number;
  stems: string[][];
  exacts: string[][];
}

function analyzeDoc(doc: Doc): Analyzed {
  const stems: string[][] = [];
  const exacts: string[][] = [];
  for (const f of FIELDS) {
    const tokens = analyzer.analyze(doc[f]);
    stems.push(tokens.map((t) => t.term));
    exacts.push(tokens.map((t) => exactForm(t.term, t.surface)));
  }
  return { id: doc.id, stems, exacts };
}

interface Options {
  k1: number;
  b: number;
  exactBoost: number;
  boosts: number[];
  combine: 'or' | 'and';
}

/** Brute-force BM25F over `live` (in insertion order). */
function bruteForce(live: Doc[], query: string, o: Options): { id: number; score: number; matched: number }[] {
  const docs = live.map(analyzeDoc);
  const N = docs.length;
  const avg = FIELDS.map((_, f) => (N === 0 ? 0 : docs.reduce((s, d) => s + d.stems[f]!.length, 0) / N));
  const words: { stem: string; exact: string }[] = [];
  for (const t of analyzer.analyze(query)) {
    const w = { stem: t.term, exact: exactForm(t.term, t.surface) };
    if (!words.some((x) => x.stem === w.stem && x.exact === w.exact)) words.push(w);
  }
  const idf = (df: number): number => Math.log(1 + (N - df + 0.5) / (df + 0.5));
  const sat = (x: number): number => (x * (o.k1 + 1)) / (o.k1 + x);
  const weighted = (d: Analyzed, kind: 'stems' | 'exacts', term: string): number => {
    let sum = 0;
    FIELDS.forEach((_, f) => {
      const tf = d[kind][f]!.filter((x) => x === term).length;
      if (tf === 0 || o.boosts[f] === 0) return;
      const norm = avg[f]! > 0 ? 1 - o.b + (o.b * d.stems[f]!.length) / avg[f]! : 1;
      sum += (o.boosts[f]! * tf) / norm;
    });
    return sum;
  };
  const scores = docs.map(() => 0);
  const matched = docs.map(() => 0);
  for (const w of words) {
    const ws = docs.map((d) => weighted(d, 'stems', w.stem));
    const wx = docs.map((d) => weighted(d, 'exacts', w.exact));
    const dfS = ws.filter((x) => x > 0).length;
    const dfX = wx.filter((x) => x > 0).length;
    docs.forEach((_, i) => {
      if (ws[i]! > 0) {
        scores[i]! += idf(dfS) * sat(ws[i]!);
        matched[i]!++;
      }
      if (wx[i]! > 0) scores[i]! += o.exactBoost * idf(dfX) * sat(wx[i]!);
    });
  }
  return docs
    .map((d, i) => ({ id: d.id, score: scores[i]!, matched: matched[i]!, order: i }))
    .filter((r) => r.matched > 0 && (o.combine === 'or' || r.matched === words.length))
    .sort((a, b) => b.matched - a.matched || b.score - a.score || a.order - b.order)
    .map(({ id, score, matched: m }) => ({ id, score, matched: m }));
}

const text = fc.array(fc.constantFrom(...VOCAB), { maxLength: 12 }).map((w) => w.join(' '));
const scenario = fc.record({
  docs: fc.array(fc.record({ title: text, body: text }), { minLength: 1, maxLength: 14 }),
  removals: fc.array(fc.nat(20), { maxLength: 5 }),
  updates: fc.array(fc.tuple(fc.nat(20), fc.record({ title: text, body: text })), { maxLength: 3 }),
  query: fc.array(fc.constantFrom(...VOCAB, 'زرافة'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  options: fc.record({
    k1: fc.constantFrom(0.5, 1.2, 2),
    b: fc.constantFrom(0, 0.75, 1),
    exactBoost: fc.constantFrom(0, 0.5, 1),
    boosts: fc.tuple(fc.constantFrom(0, 1, 3), fc.constantFrom(0.5, 1)),
    combine: fc.constantFrom<'or' | 'and'>('or', 'and'),
  }),
  queryBoost: fc.constantFrom(undefined, 2),
  vacuum: fc.boolean(),
  limit: fc.constantFrom(3, 1000),
});

describe('search equals a brute-force BM25F scorer', () => {
  it('for random documents, removals, updates, queries and options (property)', () => {
    fc.assert(
      fc.property(scenario, ({ docs, removals, updates, query, options, queryBoost, vacuum, limit }) => {
        const index = createIndex<Doc>({
          id: 'id',
          fields: { title: { boost: options.boosts[0] }, body: { boost: options.boosts[1] } },
          k1: options.k1,
          b: options.b,
          exactBoost: options.exactBoost,
          vacuumThreshold: false,
        });
        let live: Doc[] = docs.map((d, i) => ({ id: i, ...d }));
        index.addAll(live);
        for (const r of removals) {
          const removed = index.remove(r);
          expect(removed).toBe(live.some((d) => d.id === r));
          live = live.filter((d) => d.id !== r);
        }
        for (const [id, fields] of updates) {
          if (!live.some((d) => d.id === id)) continue;
          index.update({ id, ...fields });
          live = [...live.filter((d) => d.id !== id), { id, ...fields }];
        }
        if (vacuum) index.vacuum();
        const boosts = [...options.boosts];
        if (queryBoost !== undefined) boosts[1]! *= queryBoost;
        const expected = bruteForce(live, query, { ...options, boosts });
        // fuzzy: false: the brute force scores the words as typed (by default a word no document
        // holds would be typo-corrected, e.g. كتاب → كتب).
        const actual = index.search(query, { limit, fuzzy: false, combine: options.combine, ...(queryBoost !== undefined ? { boost: { body: queryBoost } } : {}) });
        expect(actual.total).toBe(expected.length);
        expect(actual.length).toBe(Math.min(limit, expected.length));
        const byId = new Map(expected.map((e) => [e.id, e]));
        for (const hit of actual) {
          const e = byId.get(hit.id);
          expect(e).toBeDefined();
          expect(Math.abs(hit.score - e!.score)).toBeLessThan(1e-9);
          expect(Object.keys(hit.match).length).toBe(e!.matched);
        }
        // Same order up to ties: the k-th result has the k-th expected (matched, score).
        actual.forEach((hit, k) => {
          expect(byId.get(hit.id)!.matched).toBe(expected[k]!.matched);
          expect(Math.abs(hit.score - expected[k]!.score)).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 150 },
    );
  });
});
