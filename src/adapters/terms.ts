/**
 * Shared plumbing of the engine adapters: collect the index terms the fahras analyzer keeps
 * for a text, in text order. Internal: the adapters' public entries wrap it.
 * @internal
 * @module
 */
import type { Analyzer } from '../analysis/analyzer.js';

/**
 * Returns a function giving the terms (stems, stopwords removed) of a text, in text order.
 * With `unique`, each term appears once (first occurrence kept). One array and one sink per
 * call, none per token.
 * @internal
 */
export function termCollector(analyzer: Analyzer, unique: boolean): (text: string) => string[] {
  return (text) => {
    const out: string[] = [];
    if (unique) {
      const seen = new Set<string>();
      analyzer.run(text, (term) => {
        if (!seen.has(term)) {
          seen.add(term);
          out.push(term);
        }
      });
    } else {
      analyzer.run(text, (term) => {
        out.push(term);
      });
    }
    return out;
  };
}
