/**
 * Dense lists (src/index/dense.ts) and what reads through them: the bitset holds exactly the
 * stream's documents, ranks find each document's posting (and so its block), `PostingBlock.readBlocks`
 * returns whole blocks of the full decode, in order, ranks and kept frequencies match the decode;
 * and an index answers the same with dense lists as without, reading frequencies by rank or
 * blocks, on lists long enough for the block reads to be used.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex } from '../../src/index.js';
import type { IndexInternals } from '../../src/engine.js';
import { DENSE_TF_FIELDS, SKIP_INTERVAL } from '../../src/index/dense.js';
import { Channel, PostingBlock, Postings } from '../../src/index/postings.js';
import { addDocument, postingsOf } from './build.js';

/** Postings of `docs` (per document, per field, stem term ids) settled with a dense list for every stream. */
function settled(docs: number[][][], F: number): Postings {
  const postings = postingsOf(docs, F, 100, 64);
  postings.denseMin = 1;
  postings.denseShare = 0;
  postings.compact();
  return postings;
}

const F = 2;

const docsArb = fc.array(fc.array(fc.array(fc.nat(3), { maxLength: 4 }), { minLength: F, maxLength: F }), { minLength: 1, maxLength: 400, size: 'max' });

describe('dense lists', () => {
  it('hold exactly the documents and fields of their stream, and readBlocks returns the whole blocks of the targets, in order (property)', () => {
    fc.assert(
      fc.property(docsArb, fc.array(fc.nat(420), { maxLength: 30, size: 'max' }), (docs, rawTargets) => {
        const postings = settled(docs, F);
        const targets = Int32Array.from(new Set(rawTargets)).sort();
        for (let t = 0; t < 4; t++) {
          for (const channel of [Channel.Stem, Channel.Exact]) {
            const term = channel === Channel.Stem ? t : t + 100;
            const full = new PostingBlock();
            const n = full.read(postings, term, channel, 0, 0);
            const dense = postings.dense(term, channel);
            if (n === 0) {
              expect(dense).toBeUndefined();
              continue;
            }
            expect(dense).toBeDefined();
            const list = dense!;
            expect(list.count).toBe(n);
            const docsOf = Array.from(full.docs.subarray(0, n));
            let fields = 0;
            for (let i = 0; i < n; i++) fields |= full.masks[i]!;
            expect(list.fields).toBe(fields);
            const inBitset: number[] = [];
            list.words.forEach((word, i) => {
              for (let b = 0; b < 32; b++) if ((word >>> b) & 1) inBitset.push((list.lo + i) * 32 + b);
            });
            expect(inBitset).toEqual(docsOf);
            // Posting i's rank is i (so its block is floor(i / SKIP_INTERVAL)) and its frequencies
            // are kept by rank; a document not held has no rank.
            docsOf.forEach((d, i) => expect(list.rank(d)).toBe(i));
            for (let b = 1; b < list.blockBase.length; b++) expect(list.blockBase[b]).toBe(docsOf[b * SKIP_INTERVAL - 1]);
            for (const d of [-1, 0, 31, 32, 63, 200, 419, 450]) if (!docsOf.includes(d)) expect(list.rank(d)).toBe(-1);
            expect(list.tfs).toBeDefined();
            for (let i = 0; i < n; i++) for (let f = 0; f < F; f++) expect(list.tfs![i * F + f]).toBe(full.tf(i, f));
            const part = new PostingBlock();
            const m = part.readBlocks(postings, term, channel, list, targets, targets.length, 0, 0);
            const wanted = new Set<number>();
            for (const d of targets) if (docsOf.includes(d)) wanted.add(Math.floor(docsOf.indexOf(d) / SKIP_INTERVAL));
            const expected: [number, number, number, number][] = [];
            for (let i = 0; i < n; i++) if (wanted.has(Math.floor(i / SKIP_INTERVAL))) expected.push([full.docs[i]!, full.masks[i]!, full.tf(i, 0), full.tf(i, 1)]);
            const got: [number, number, number, number][] = [];
            for (let i = 0; i < m; i++) got.push([part.docs[i]!, part.masks[i]!, part.tf(i, 0), part.tf(i, 1)]);
            expect(got).toEqual(expected);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep no frequencies when one does not fit a byte, for more than DENSE_TF_FIELDS fields, or when told not to', () => {
    const big = settled([[Array(255).fill(0), [1]], [Array(256).fill(1), [0]]], F);
    expect(big.dense(0, Channel.Stem)!.tfs).toBeDefined(); // 255 fits
    expect(big.dense(1, Channel.Stem)!.tfs).toBeUndefined(); // 256 does not
    const many = settled([Array.from({ length: DENSE_TF_FIELDS + 1 }, () => [0])], DENSE_TF_FIELDS + 1);
    expect(many.dense(0, Channel.Stem)!.tfs).toBeUndefined();
    const off = new Postings(F, 64);
    addDocument(off, 0, [[0], []], 100);
    off.denseMin = 1;
    off.denseShare = 0;
    off.denseFrequencies = false;
    off.compact();
    expect(off.dense(0, Channel.Stem)!.tfs).toBeUndefined();
    expect(off.dense(0, Channel.Stem)!.rank(0)).toBe(0);
  });

  it('are dropped for a stream written to since it settled, and rebuilt at the next settle', () => {
    const postings = settled([[[0], [0]], [[0], []]], F);
    expect(postings.dense(0, Channel.Stem)).toBeDefined();
    addDocument(postings, 5, [[0], []], 100);
    expect(postings.dense(0, Channel.Stem)).toBeUndefined();
    expect(postings.dense(1, Channel.Stem)).toBeUndefined();
    postings.compact();
    expect(postings.dense(0, Channel.Stem)!.count).toBe(3);
  });
});

describe('an index with dense lists', () => {
  it.each([
    ['their frequencies read by rank', true],
    ['block reads', false],
  ])('answers exactly as without them, %s (common and rare words, fields, filters, removals)', (_, frequencies) => {
    // 3,000 documents: a common word in most, rarer ones in some, so that the two-clause
    // candidates are few next to the common word's postings.
    const words = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تونس', 'مصر', 'المغرب', 'الانتخابات', 'الحكومة', 'وزير'];
    const docs = Array.from({ length: 3000 }, (_, i) => {
      const pick = (k: number): string => words[(i * 7 + k * 13 + ((i * i) % 11)) % words.length]!;
      return {
        id: `d${i}`,
        title: `${pick(1)} ${i % 5 === 0 ? 'الحكومة' : pick(2)}`,
        body: `الحكومة ${pick(3)} ${pick(4)} ${i % 97 === 0 ? 'زلزال' : ''} ${i % 3 === 0 ? 'الحكومة' : pick(5)}`,
        tag: i % 2 === 0 ? 'أ' : 'ب',
      };
    });
    const make = (dense: boolean) => {
      const index = createIndex<(typeof docs)[number], 'tag'>({ id: 'id', fields: { title: { boost: 3 }, body: {} }, store: ['tag'] });
      index.addAll(docs);
      const postings = (index as unknown as { internals: IndexInternals }).internals.postings;
      postings.denseMin = dense ? 1 : Infinity;
      postings.denseShare = 0;
      postings.denseFrequencies = frequencies;
      postings.compact();
      return index;
    };
    const withDense = make(true);
    const without = make(false);
    // The last query has more sources than the executor tracks one by one (it scores them by bitset).
    const queries = ['الحكومة زلزال', 'الحكومة تونس', 'حكومة الانتخابات', 'وزير زلزال الحكومة', 'سياسة', '+الحكومة -مصر', '"الحكومة تونس"', 'الحكومة تونس مصر المغرب وزير ثقافة'];
    const optionsList = [{}, { limit: 3 }, { fields: ['title' as const] }, { filter: { tag: 'أ' } }, { combine: 'and' as const }];
    const run = () => {
      for (const q of queries) {
        for (const o of optionsList) {
          const a = withDense.search(q, o);
          const b = without.search(q, o);
          expect(a.map((h) => [h.id, h.score, h.match])).toEqual(b.map((h) => [h.id, h.score, h.match]));
          expect(a.total).toBe(b.total);
        }
      }
    };
    run();
    // Removed documents: dense lists step aside until the next settle.
    for (const i of [3, 97, 500]) {
      withDense.remove(`d${i}`);
      without.remove(`d${i}`);
    }
    run();
  });
});
