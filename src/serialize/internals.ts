/**
 * The serializer's view of an index, built on the engine's `internals` (its options, term
 * dictionary, postings, document table and field analyzers; see `IndexInternals` in
 * `engine.ts`), with the analyzers grouped. (The loader fills the same parts in bulk: `bulk.ts`.)
 *
 * ```ts
 * const view = viewOf(index.internals);
 * view.analyzers[view.fieldAnalyzers[f]];   // field f's analyzer
 * ```
 * @module
 */
import type { Analyzer } from '../analysis/analyzer.js';
import type { IndexInternals } from '../engine.js';

/** An index's internals with its analyzers grouped: fields with the same analyzer share a number. */
export interface IndexView extends IndexInternals {
  /** The distinct analyzers, in order of their first field. */
  readonly analyzers: readonly Analyzer[];
  /** Per field, the index of its analyzer in {@link IndexView.analyzers}. */
  readonly fieldAnalyzers: readonly number[];
}

/** Group the per-field analyzers of `internals` (the same analyzer object is one group). */
export function viewOf(internals: IndexInternals): IndexView {
  const analyzers: Analyzer[] = [];
  const fieldAnalyzers = internals.analyzers.map((a) => {
    let i = analyzers.indexOf(a);
    if (i < 0) i = analyzers.push(a) - 1;
    return i;
  });
  return { ...internals, analyzers, fieldAnalyzers };
}
