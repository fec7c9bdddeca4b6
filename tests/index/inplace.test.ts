/**
 * Reading settled streams in place (`Postings.inPlaceBytes`): while nothing was written since the
 * streams settled, `PostingBlock.read`, `readBlocks` and `PostingCursor` decode them where they
 * lie instead of gathering a copy. The entries must be those of a copied read, at any entry offset, and the
 * block must go back to copying as soon as a document is added.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Channel, PostingBlock, PostingCursor, Postings } from '../../src/index/postings.js';
import { addDocument, postingsOf } from './build.js';

const F = 3;

function build(docs: number[][][], settle: boolean): Postings {
  const postings = postingsOf(docs, F, 50);
  if (settle) postings.compact();
  return postings;
}

/** Entries [at, at + n) of `block` as (doc, mask, tf per field). */
function entries(block: PostingBlock, at: number, n: number): number[][] {
  const out: number[][] = [];
  for (let i = at; i < at + n; i++) out.push([block.docs[i]!, block.masks[i]!, ...Array.from({ length: F }, (_, f) => block.tf(i, f))]);
  return out;
}

const docsArb = fc.array(fc.array(fc.array(fc.nat(5), { maxLength: 5 }), { minLength: F, maxLength: F }), { minLength: 1, maxLength: 120 });

describe('in-place reads of settled streams', () => {
  it('give the entries of a copied read, after other entries, for every term and channel (property)', () => {
    fc.assert(
      fc.property(docsArb, fc.nat(40), (docs, at) => {
        const settled = build(docs, true);
        const copied = build(docs, false);
        expect(settled.inPlaceBytes()).toBeDefined();
        // Unsettled postings are copied, once anything was written (no word at all: nothing to copy).
        if (docs.some((fields) => fields.some((terms) => terms.length > 0))) expect(copied.inPlaceBytes()).toBeUndefined();
        const a = new PostingBlock();
        const b = new PostingBlock();
        a.reserve(at, 0);
        b.reserve(at, 0);
        // Several terms side by side in each block, as the executor keeps them.
        let nextA = at;
        let nextB = at;
        let byteB = 0;
        for (let t = 0; t < 7; t++) {
          for (const channel of [Channel.Stem, Channel.Exact]) {
            const term = channel === Channel.Stem ? t : t + 50;
            const n = a.read(settled, term, channel, nextA, 0);
            const m = b.read(copied, term, channel, nextB, byteB);
            byteB = b.end;
            expect(n).toBe(m);
            expect(entries(a, nextA, n)).toEqual(entries(b, nextB, m));
            nextA += n;
            nextB += m;
          }
        }
        // Entries read earlier are intact.
        expect(entries(a, at, nextA - at)).toEqual(entries(b, at, nextB - at));
      }),
      { numRuns: 80 },
    );
  });

  it('give a cursor the postings and positions of a copied read (property)', () => {
    const walk = (postings: Postings, term: number, channel: Channel): number[][] => {
      const cursor = new PostingCursor(F);
      const out: number[][] = [];
      const at = new Int32Array(64);
      cursor.reset(postings, term, channel, true);
      while (cursor.next()) {
        const row = [cursor.doc, cursor.fieldMask, ...cursor.tf];
        for (let f = 0; f < F; f++) row.push(...at.subarray(0, cursor.positions(f, at)), -1);
        out.push(row);
      }
      return out;
    };
    fc.assert(
      fc.property(docsArb, (docs) => {
        const settled = build(docs, true);
        const copied = build(docs, false);
        for (let t = 0; t < 7; t++) {
          expect(walk(settled, t, Channel.Stem)).toEqual(walk(copied, t, Channel.Stem));
          expect(walk(settled, t + 50, Channel.Exact)).toEqual(walk(copied, t + 50, Channel.Exact));
        }
        expect(walk(settled, -1, Channel.Stem)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('stop once a document is added, and resume at the next settle', () => {
    const postings = build([[[0, 1], [1], []], [[0], [], [2]]], true);
    const block = new PostingBlock();
    expect(postings.inPlaceBytes()).toBeDefined();
    expect(entries(block, 0, block.read(postings, 0, Channel.Stem, 0, 0))).toEqual([
      [0, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
    ]);
    addDocument(postings, 2, [[0, 0], [], []], 50);
    // The new posting is in the pool: read by copying, settled bytes and tail together.
    expect(postings.inPlaceBytes()).toBeUndefined();
    expect(entries(block, 0, block.read(postings, 0, Channel.Stem, 0, 0))).toEqual([
      [0, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [2, 1, 2, 0, 0],
    ]);
    postings.compact();
    expect(postings.inPlaceBytes()).toBeDefined();
    expect(entries(block, 0, block.read(postings, 0, Channel.Stem, 0, 0))).toEqual([
      [0, 1, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [2, 1, 2, 0, 0],
    ]);
  });
});
