/**
 * The analyzed tokens of one document, as term ids in parallel typed arrays: what the engine
 * fills while analyzing a document and what `Postings.addDocument` commits. Reused from
 * document to document, so adding a document allocates no object per token.
 *
 * ```ts
 * const tokens = new TokenBuffer(2);       // two fields
 * tokens.reset();
 * tokens.push(stemId, exactId, position);  // tokens of field 0, in position order
 * tokens.endField(0);
 * tokens.endField(1);                      // field 1 empty
 * ```
 *
 * Invariants: tokens of field f come after those of field f - 1 and their positions increase.
 * @module
 */
import { growInt32 } from './arrays.js';

/** One document's tokens, field by field. */
export class TokenBuffer {
  /** Stem term id of each token. */
  stems = new Int32Array(1024);
  /** Exact-form term id of each token. */
  exacts = new Int32Array(1024);
  /** Word position of each token within its field. */
  positions = new Int32Array(1024);
  /** `fieldEnds[f]` = index after the last token of field f (tokens of f start at `fieldEnds[f-1]`). */
  readonly fieldEnds: Int32Array;
  /** Number of tokens. */
  count = 0;

  /** @param fieldCount - number of fields of the index (1 ≤ fieldCount ≤ 30) */
  constructor(readonly fieldCount: number) {
    this.fieldEnds = new Int32Array(fieldCount);
  }

  /** Start a new document. */
  reset(): void {
    this.count = 0;
    this.fieldEnds.fill(0);
  }

  /** Append a token of the current field. */
  push(stem: number, exact: number, position: number): void {
    const i = this.count;
    if (i === this.stems.length) {
      this.stems = growInt32(this.stems, i + 1);
      this.exacts = growInt32(this.exacts, i + 1);
      this.positions = growInt32(this.positions, i + 1);
    }
    this.stems[i] = stem;
    this.exacts[i] = exact;
    this.positions[i] = position;
    this.count = i + 1;
  }

  /** Close field `field`: the tokens pushed since the previous field belong to it. */
  endField(field: number): void {
    this.fieldEnds[field] = this.count;
  }

  /** First token index of field `field`. */
  fieldStart(field: number): number {
    return field === 0 ? 0 : this.fieldEnds[field - 1]!;
  }

  /** Number of tokens of field `field`. */
  fieldLength(field: number): number {
    return this.fieldEnds[field]! - this.fieldStart(field);
  }
}
