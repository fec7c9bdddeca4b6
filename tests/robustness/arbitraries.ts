/**
 * Random documents, queries and operation sequences for the robustness property tests: Arabic,
 * Latin and mixed words, diacritics, tatweel, stopwords, digits (Arabic-Indic too), control and
 * bidi characters, empty fields, numbers, arrays with null items, and arbitrary Unicode strings
 * (lone surrogates included).
 */
import fc from 'fast-check';
import { createIndex } from '../../src/engine.js';
import type { SearchIndex } from '../../src/engine.js';
import type { SearchOptions } from '../../src/options.js';

/** A document of the model tests. Ids: small numbers and short strings (`1` and `'1'` differ). */
export interface ModelDoc {
  id: number | string;
  title?: string | number | (string | number | null)[] | null;
  body?: string | number | (string | number | null)[] | null;
  tag?: string | null;
}

/** Words typed every which way; several fold to the same term, several are stopwords. */
export const WORDS = [
  // Arabic, with clitics, hamza spellings, ة/ه, ى/ي, diacritics and tatweel
  'كتاب', 'الكتاب', 'والكتاب', 'بالكتاب', 'كِتَابٌ', 'كتـــاب', 'الكتابات', 'كتب', 'مكتبة', 'المكتبه',
  'مدرسة', 'المدرسة', 'مدارس', 'وزير', 'الوزير', 'وزراء', 'الخارجية', 'أحمد', 'احمد', 'إسلام', 'آمال',
  'مصطفى', 'مصطفي', 'الانتخابات', 'انتخابي', 'تونس', 'القاهرة', 'فاز', 'يفوزون',
  // stopwords
  'في', 'من', 'على', 'و',
  // Latin and mixed
  'book', 'Book', 'BOOKS', 'café', 'cafe', 'Tunis', 'كتابbook', 'abcكتاب',
  // digits
  '2020', '٢٠٢٠', 'و2018', '3.14',
  // oddities: only tatweel, only diacritics, bidi marks and overrides, controls, punctuation
  'ـــ', 'ًٌٍَُِّْ', '\u200f', '\u202e', 'كتاب\u202c', '\u0000', '\u0007', '،', '؟', '-', '"', '(',
];

/** Text made of {@link WORDS}, sometimes with a random Unicode string mixed in. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 12 })).map(([w, s]) => `${w.join(' ')} ${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t', 'ـــــ', 'ًًًًٌٌ') },
);

/** A field value: text, a number, an array of text/numbers/null, null or absent. */
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(2020, 7, 3.5, -1, 0) },
  { weight: 1, arbitrary: fc.array(fc.oneof(text, fc.constantFrom(2020, null)), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Ids from a small pool, so adds collide, removes and updates hit. */
export const docId: fc.Arbitrary<number | string> = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', '1', 'كتاب'));

/**
 * A random document with id `id`; one in three is a stock document (the same few contents again),
 * so documents tie on score and their order (insertion order) is checked.
 */
export const docWith = (id: fc.Arbitrary<number | string>): fc.Arbitrary<ModelDoc> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ id, title: fieldValue, body: fieldValue, tag: fc.constantFrom('سياسة', 'رياضة', null) }, { requiredKeys: ['id'] }) },
    { weight: 1, arbitrary: fc.record({ id, title: fc.constantFrom('كتاب مدرسة', 'وزير الخارجية'), body: fc.constantFrom('book ٢٠٢٠', null), tag: fc.constant('سياسة') }) },
  );

/** A random document. */
export const modelDoc: fc.Arbitrary<ModelDoc> = docWith(docId);

/** Query text: mostly words the documents use, sometimes anything. */
export const query: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...WORDS, 'زرافة'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')) },
  // the query language: phrases, required/excluded words, OR, groups, field scopes, half-typed words
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('', '+', '-', 'title:', 'body:', '"', '(', 'OR '), fc.constantFrom(...WORDS.slice(0, 30), 'كتا', 'الانتخ', 'مدر', 'boo', 'وزي'), fc.constantFrom('', '"', ')')), { minLength: 1, maxLength: 4 })
      .map((units) => units.map(([a, w, b]) => `${a}${w}${b}`).join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

/** Search options the model tests vary. */
export type ModelSearchOptions = SearchOptions<ModelDoc, 'tag', 'tag'>;

export const searchOptions: fc.Arbitrary<ModelSearchOptions> = fc.constantFrom<ModelSearchOptions>(
  {},
  { combine: 'and' },
  { fields: ['title'] },
  { boost: { body: 2.5 } },
  { filter: { tag: 'سياسة' }, facets: ['tag'] },
  { limit: 2, offset: 1 },
  // Expansions are capped high here: which candidates the cap keeps is ranked by document
  // frequency counting removed documents until the next vacuum (docs/limits.md); the model test
  // checks small caps after its final vacuum.
  { prefix: true, maxExpansions: 1000 },
  { prefix: 'last', fuzzy: 'auto', maxExpansions: 1000 },
  { fuzzy: 1, maxExpansions: 1000 },
  { fuzzy: 2, prefix: true, maxExpansions: 1000 },
  { prefix: true, combine: 'and', maxQueryTerms: 2, maxExpansions: 1000 },
);

/** One step of a model test. */
export type Op =
  | { readonly kind: 'add'; readonly doc: ModelDoc }
  | { readonly kind: 'update'; readonly doc: ModelDoc }
  | { readonly kind: 'remove'; readonly id: number | string }
  | { readonly kind: 'search'; readonly query: string; readonly options: ModelSearchOptions }
  | { readonly kind: 'vacuum' }
  | { readonly kind: 'settle' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'reload' };

export const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: modelDoc.map((doc) => ({ kind: 'add' as const, doc })) },
  { weight: 3, arbitrary: modelDoc.map((doc) => ({ kind: 'update' as const, doc })) },
  { weight: 3, arbitrary: docId.map((id) => ({ kind: 'remove' as const, id })) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('search' as const), query, options: searchOptions }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'vacuum' as const }) },
  // The postings' settled streams (Postings.compact), which bulk adds make past a size.
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
);

/** The index configurations the model tests run on. */
export type ModelIndex = SearchIndex<ModelDoc, 'tag'>;

/** Index options varied per run: analyzer groups, exact boost, vacuum threshold. */
export interface ModelConfig {
  readonly vacuumThreshold: number | false;
  readonly exactBoost: number;
  readonly bodyStem: boolean;
  /** The analyzers' word cache size: small sizes exercise the cache's clearing. */
  readonly cacheSize: number;
}

export const modelConfig: fc.Arbitrary<ModelConfig> = fc.record({
  vacuumThreshold: fc.constantFrom<number | false>(false, 0.1, 0.25, 1),
  exactBoost: fc.constantFrom(0, 0.5),
  bodyStem: fc.boolean(),
  cacheSize: fc.constantFrom(0, 3, 64),
});

/** An empty index for `config`: title (boost 2) and body (own analyzer when not stemmed), tag stored. */
export function modelIndex(config: ModelConfig): ModelIndex {
  return createIndex<ModelDoc, 'tag'>({
    id: 'id',
    fields: { title: { boost: 2 }, body: config.bodyStem ? {} : { analyzer: { stem: false, cacheSize: config.cacheSize } } },
    analyzer: { cacheSize: config.cacheSize },
    store: ['tag'],
    exactBoost: config.exactBoost,
    vacuumThreshold: config.vacuumThreshold,
  });
}

/** Queries every check runs besides the sequence's own. */
export const PROBES = ['كتاب', 'الكتاب مدرسة', 'وزير الخارجية', 'book cafe', '2020', 'احمد', 'ـــ', '', 'كتا', '"وزير الخارجية" -مدرسة', 'title:كتاب OR boo'];

/** What a search observably returns, for exact comparison (scores compared separately). */
export interface Observed {
  readonly total: number;
  readonly ids: readonly (number | string)[];
  readonly scores: readonly number[];
  readonly matches: readonly unknown[];
  readonly docs: readonly unknown[];
  readonly facets: unknown;
}

/** Run a search and keep what it returns. */
export function observe(index: ModelIndex, q: string, options: ModelSearchOptions): Observed {
  const hits = index.search(q, { limit: 1000, ...options });
  return {
    total: hits.total,
    ids: hits.map((h) => h.id),
    scores: hits.map((h) => h.score),
    matches: hits.map((h) => h.match),
    docs: hits.map((h) => h.doc),
    facets: hits.facets,
  };
}

/**
 * Why two observations differ (ids in order, totals, matches, stored docs, facets equal; scores
 * within 1e-9), or undefined when they agree.
 */
export function difference(actual: Observed, expected: Observed): string | undefined {
  if (actual.total !== expected.total) return `total ${actual.total} ≠ ${expected.total}`;
  if (JSON.stringify(actual.ids) !== JSON.stringify(expected.ids)) return `ids ${JSON.stringify(actual.ids)} ≠ ${JSON.stringify(expected.ids)}`;
  for (let i = 0; i < actual.scores.length; i++) {
    if (!(Math.abs(actual.scores[i]! - expected.scores[i]!) <= 1e-9)) return `score of ${String(actual.ids[i])}: ${actual.scores[i]} ≠ ${expected.scores[i]}`;
  }
  if (JSON.stringify(actual.matches) !== JSON.stringify(expected.matches)) return `match ${JSON.stringify(actual.matches)} ≠ ${JSON.stringify(expected.matches)}`;
  if (JSON.stringify(actual.docs) !== JSON.stringify(expected.docs)) return 'stored docs differ';
  if (JSON.stringify(actual.facets) !== JSON.stringify(expected.facets)) return `facets ${JSON.stringify(actual.facets)} ≠ ${JSON.stringify(expected.facets)}`;
  return undefined;
}
