/**
 * fahras analysis for Orama 3: a tokenizer component.
 *
 * ```ts
 * import { create, insert, search } from '@orama/orama';
 * import { fahrasTokenizer } from 'fahras/orama';
 *
 * const db = create({
 *   schema: { title: 'string', body: 'string' } as const,
 *   components: { tokenizer: fahrasTokenizer() },
 * });
 * insert(db, { title: 'أعلنَ الوزيرُ', body: 'عن المدرسة الجديدة' });
 * search(db, { term: 'اعلن' });   // finds it
 * search(db, { term: 'مدرسه' });  // finds it
 * ```
 *
 * Orama calls `tokenizer.tokenize(text, language, property)` once per string value of a
 * `string` / `string[]` property when inserting, removing and filtering (`where` on a string
 * property), and `tokenizer.tokenize(term, language)` once per search: the same function on
 * both sides. Its default tokenizer splits, then lowercases, drops stopwords, stems and strips
 * Latin diacritics per token, and returns each token once; this one runs the fahras chain
 * instead and returns each term once too, because Orama counts one occurrence per returned
 * token when computing a term's document frequency.
 *
 * Only types are imported from `@orama/orama`: the component works with the application's own
 * copy (peer dependency `@orama/orama` ^3). Don't pass `language` to `create` together with it
 * (Orama rejects a language next to a custom tokenizer); the tokenizer reports `arabic`, which
 * Orama's sorter uses for its collation locale.
 * @module fahras/orama
 */
import type { Tokenizer } from '@orama/orama';
import { createAnalyzer } from '../analysis/analyzer.js';
import type { AnalyzerOptions } from '../analysis/analyzer.js';
import { termCollector } from './terms.js';

/** The language name Orama's sorter maps to the `ar` collation locale. */
const ORAMA_LANGUAGE = 'arabic';

/**
 * An Orama tokenizer component that analyzes text the fahras way (orthographic folding,
 * clitic stripping, stopwords, light stemming), for `create({ components: { tokenizer } })`.
 *
 * `tokenize(raw)` returns the distinct terms of `raw` in order of first occurrence. The
 * `language` and property arguments Orama passes are accepted and ignored: the chain is the
 * same for every property and for Arabic, Persian and Urdu letters alike. `normalizationCache`
 * exists because Orama's `Tokenizer` type requires it; the adapter leaves it empty.
 *
 * @param options - the analyzer options (the same as {@link createAnalyzer}'s); default: the
 *   default fahras chain.
 * @returns a fresh tokenizer on each call.
 */
export function fahrasTokenizer(options: AnalyzerOptions = {}): Tokenizer {
  const terms = termCollector(createAnalyzer(options), true);
  return {
    language: ORAMA_LANGUAGE,
    normalizationCache: new Map<string, string>(),
    tokenize: (raw: string) => terms(raw),
  };
}
