/**
 * fahras analysis for MiniSearch 7: `tokenize` and `processTerm` options.
 *
 * ```ts
 * import MiniSearch from 'minisearch';
 * import { fahrasMiniSearch } from 'fahras/minisearch';
 *
 * const search = new MiniSearch({ fields: ['title', 'body'], ...fahrasMiniSearch() });
 * search.add({ id: 1, title: 'أعلنَ الوزيرُ', body: 'عن المدرسة الجديدة' });
 * search.search('اعلن');                    // [{ id: 1, … }]
 * search.search('مدرس', { prefix: true });  // prefix search on stems
 * ```
 *
 * MiniSearch calls `tokenize(text, field)` once per field value when adding, removing or
 * replacing a document, then `processTerm(token, field)` once per token; a search calls
 * `tokenize(query)` then `processTerm(token)` per query token, using the index options unless
 * `searchOptions` (or the search call) give other functions; `autoSuggest` goes through
 * `search`. Here `tokenize` runs the fahras chain and returns the normalized words it keeps
 * (stopwords dropped, clitics still attached: `والكتاب`), and `processTerm` turns such a word
 * into its index term (the light stem: `كتاب`). MiniSearch counts a field's length in distinct
 * tokens, so words, not stems, set the length.
 *
 * Only types are imported from `minisearch`: the options work with the application's own copy
 * (peer dependency `minisearch` ^7).
 * @module fahras/minisearch
 */
import type { Options } from 'minisearch';
import { createAnalyzer } from '../analysis/analyzer.js';
import type { AnalyzerOptions, TokenSink } from '../analysis/analyzer.js';

/** The MiniSearch options {@link fahrasMiniSearch} sets: spread them into `new MiniSearch({…})`. */
export type FahrasMiniSearchOptions = Required<Pick<Options, 'tokenize' | 'processTerm'>>;

/**
 * MiniSearch `tokenize` and `processTerm` that analyze text the fahras way (orthographic
 * folding, clitic stripping, stopwords, light stemming), for indexing and search alike.
 *
 * - `tokenize(text)`: the normalized words of `text` the chain keeps, in text order, repeats
 *   included (MiniSearch counts term frequency from them).
 * - `processTerm(word)`: the index term of one word (its light stem), all its terms when a
 *   `filters` step gives it several (synonyms), or `null` when the chain keeps nothing of it (a
 *   stopword, punctuation).
 *
 * To add your own step, wrap one: `processTerm: (w) => mine(fahras.processTerm(w))`.
 *
 * @param options - the analyzer options (the same as {@link createAnalyzer}'s); default: the
 *   default fahras chain.
 * @returns a fresh pair on each call; both functions share one analyzer.
 */
export function fahrasMiniSearch(options: AnalyzerOptions = {}): FahrasMiniSearchOptions {
  const analyzer = createAnalyzer(options);
  // One sink for every processTerm call (the index's hot path allocates no closure per token).
  // A word usually has one term; a synonym filter may give it more.
  let first: string | null = null;
  let more: string[] | null = null;
  const keepTerm: TokenSink = (term) => {
    if (first === null) first = term;
    else (more ??= [first]).push(term);
  };
  return {
    tokenize: (text: string) => {
      const words: string[] = [];
      let lastPosition = -1;
      analyzer.run(text, (_term, surface, _start, _end, position) => {
        // A word with several terms reaches the sink once per term: keep the word once.
        if (position !== lastPosition) words.push(surface);
        lastPosition = position;
      });
      return words;
    },
    processTerm: (word: string) => {
      first = null;
      more = null;
      analyzer.run(word, keepTerm);
      return more ?? first;
    },
  };
}
