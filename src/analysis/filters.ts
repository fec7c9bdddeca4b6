/**
 * Ready-made {@link TokenFilter}s for the analyzer chain.
 *
 * ```ts
 * const base = createAnalyzer();
 * const toTerm = (w: string) => base.stemWord(base.normalizeWord(w));
 * const analyzer = createAnalyzer({ filters: [synonymFilter([['سيارة', 'عربية', 'مركبة']], toTerm)] });
 * analyzer.analyze('السيارات').map((t) => t.term); // ['سيار', 'عرب', 'مركب']
 * ```
 * @module
 */
import type { TokenFilter } from './analyzer.js';

/**
 * A synonym filter: a word whose term belongs to a group is indexed (and queried) under every
 * term of its group, at the same position, its own term first. Pure, so the analyzer's per-word
 * cache stays valid.
 *
 * @param groups - groups of words that mean the same, written naturally (with clitics, hamza,
 *   diacritics as you like)
 * @param toTerm - maps a written word to the term the analyzer gives it, usually
 *   `w => analyzer.stemWord(analyzer.normalizeWord(w))` for an analyzer with the same options
 * @returns a filter named `synonyms` (the name {@link Analyzer.config} records)
 */
export function synonymFilter(groups: readonly (readonly string[])[], toTerm: (word: string) => string): TokenFilter {
  const table = new Map<string, string[]>();
  for (const group of groups) {
    const terms = [...new Set(group.map(toTerm).filter((t) => t.length > 0))];
    for (const t of terms) {
      const list = table.get(t) ?? [t];
      for (const other of terms) if (!list.includes(other)) list.push(other);
      table.set(t, list);
    }
  }
  const synonyms: TokenFilter = (term) => table.get(term) ?? term;
  return synonyms;
}
