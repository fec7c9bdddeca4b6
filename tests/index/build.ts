/**
 * Test helper: postings built from documents written as term ids, per field in order. Term t's
 * stem is t, its exact form `t + exactOffset`; positions count from 0 in each field.
 */
import { Postings } from '../../src/index/postings.js';
import { TokenBuffer } from '../../src/index/tokens.js';

/** Add document `doc` (its fields' stem term ids) to `postings`. */
export function addDocument(postings: Postings, doc: number, fields: readonly (readonly number[])[], exactOffset: number): void {
  const tokens = new TokenBuffer(postings.fieldCount);
  tokens.reset();
  fields.forEach((terms, f) => {
    terms.forEach((t, p) => tokens.push(t, t + exactOffset, p));
    tokens.endField(f);
  });
  postings.addDocument(doc, tokens);
}

/** Postings of `docs` (document d is `docs[d]`), not settled; `batchTokens` small so flushes happen. */
export function postingsOf(docs: readonly (readonly (readonly number[])[])[], fieldCount: number, exactOffset: number, batchTokens = 16): Postings {
  const postings = new Postings(fieldCount, batchTokens);
  docs.forEach((fields, d) => addDocument(postings, d, fields, exactOffset));
  return postings;
}
