/**
 * The serializer's view of an index, built on the engine's `internals` (its options, term
 * dictionary, postings, document table and field analyzers; see `IndexInternals` in
 * `engine.ts`), and the loader's write path: commit a document whose tokens are analyzed
 * already, as `add` commits one after analysis (`postings.addDocument`, then `docs.add` with the
 * token counts as field lengths). So a loaded index is built by the code that builds every index.
 *
 * ```ts
 * const view = viewOf(index.internals);
 * view.analyzers[view.fieldAnalyzers[f]];   // field f's analyzer
 * const committer = new TokenCommitter(index.internals);
 * committer.tokens.reset(); committer.tokens.push(stem, exact, position); committer.tokens.endField(0);
 * committer.commit('doc-1', { title: 'عنوان' });
 * committer.finish();
 * ```
 * @module
 */
import type { Analyzer } from '../analysis/analyzer.js';
import type { IndexInternals } from '../engine.js';
import type { ExternalId } from '../index/documents.js';
import { TokenBuffer } from '../index/tokens.js';

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

/** Adds documents with pre-analyzed tokens to an index (the loader's write path). */
export class TokenCommitter {
  /** Fill with the next document's tokens, field by field, then call {@link TokenCommitter.commit}. */
  readonly tokens: TokenBuffer;
  private readonly lengths: Int32Array;

  constructor(private readonly internals: IndexInternals) {
    const F = internals.options.fields.length;
    this.tokens = new TokenBuffer(F);
    this.lengths = new Int32Array(F);
  }

  /** Add the document in {@link TokenCommitter.tokens}; the caller has checked that `id` is new. */
  commit(id: ExternalId, stored: Record<string, unknown>): void {
    const { postings, docs } = this.internals;
    for (let f = 0; f < this.lengths.length; f++) this.lengths[f] = this.tokens.fieldLength(f);
    postings.addDocument(docs.nextId, this.tokens);
    docs.add(id, stored, this.lengths);
  }

  /** Write the last batch of postings and release the batch buffers (as `addAll` does). */
  finish(): void {
    this.internals.postings.trim();
  }
}
