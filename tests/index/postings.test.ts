import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Channel, PostingCursor, Postings } from '../../src/index/postings.js';
import { TokenBuffer } from '../../src/index/tokens.js';
import { ByteBuffer } from '../../src/index/pool.js';

/** A document: per field, a list of [stem, exact, position] tokens in position order. */
type Doc = [number, number, number][][];

function fill(tokens: TokenBuffer, doc: Doc): void {
  tokens.reset();
  doc.forEach((field, f) => {
    for (const [stem, exact, position] of field) tokens.push(stem, exact, position);
    tokens.endField(f);
  });
}

interface Posting {
  doc: number;
  tf: number[];
  positions?: number[][];
}

/** The postings a plain model expects for term `t` in `channel`. */
function model(docs: Map<number, Doc>, t: number, channel: Channel, F: number): Posting[] {
  const out: Posting[] = [];
  for (const [d, doc] of [...docs].sort((a, b) => a[0] - b[0])) {
    const tf = new Array<number>(F).fill(0);
    const positions: number[][] = Array.from({ length: F }, () => []);
    doc.forEach((field, f) => {
      for (const [stem, exact, p] of field) {
        if ((channel === Channel.Stem ? stem : exact) !== t) continue;
        tf[f]!++;
        positions[f]!.push(p);
      }
    });
    if (tf.some((x) => x > 0)) out.push(channel === Channel.Stem ? { doc: d, tf, positions } : { doc: d, tf });
  }
  return out;
}

function read(postings: Postings, t: number, channel: Channel, F: number): Posting[] {
  const cursor = new PostingCursor(F);
  cursor.reset(postings, t, channel, channel === Channel.Stem);
  const out: Posting[] = [];
  const buffer = new Int32Array(1000);
  while (cursor.next()) {
    const tf = Array.from(cursor.tf);
    let mask = 0;
    tf.forEach((x, f) => {
      if (x > 0) mask |= 1 << f;
    });
    expect(cursor.fieldMask).toBe(mask);
    if (channel === Channel.Stem) {
      const positions = tf.map((_, f) => Array.from(buffer.subarray(0, cursor.positions(f, buffer))));
      out.push({ doc: cursor.doc, tf, positions });
    } else {
      out.push({ doc: cursor.doc, tf });
    }
  }
  return out;
}

const F = 3;
const docArb: fc.Arbitrary<Doc> = fc
  .array(fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.nat(3)), { maxLength: 12 }), { minLength: F, maxLength: F })
  .map((fields) =>
    fields.map((tokens) => {
      // Positions increase within a field (gaps of 1..4 as the analyzer's stopwords make).
      let p = 0;
      return tokens.map(([s, x, gap]) => {
        p += gap + (p === 0 ? 0 : 1);
        return [s, x, p] as [number, number, number];
      });
    }),
  );

describe('Postings', () => {
  it('records tf per field and positions per field for each channel', () => {
    const postings = new Postings(2);
    const tokens = new TokenBuffer(2);
    fill(tokens, [[[0, 1, 0]], [[0, 2, 0], [3, 1, 4], [0, 1, 9]]]);
    postings.addDocument(0, tokens);
    fill(tokens, [[], [[0, 0, 2]]]);
    postings.addDocument(5, tokens);
    expect(read(postings, 0, Channel.Stem, 2)).toEqual([
      { doc: 0, tf: [1, 2], positions: [[0], [0, 9]] },
      { doc: 5, tf: [0, 1], positions: [[], [2]] },
    ]);
    expect(read(postings, 1, Channel.Exact, 2)).toEqual([{ doc: 0, tf: [1, 2] }]);
    expect(read(postings, 0, Channel.Exact, 2)).toEqual([{ doc: 5, tf: [0, 1] }]);
    expect(postings.docFrequency(0, Channel.Stem)).toBe(2);
    expect(postings.docFrequency(1, Channel.Stem)).toBe(0);
    expect(postings.hasPostings(2)).toBe(true);
    expect(postings.hasPostings(4)).toBe(false);
    expect(read(postings, 99, Channel.Stem, 2)).toEqual([]);
  });

  it('equals a plain model for random documents, whatever the batch size and term ids (property)', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 25 }), fc.constantFrom(1, 7, 64, 1 << 17), fc.constantFrom(1, 997), (raw, batch, scale) => {
        // Scaled term ids make the batches small next to the term range (the sorting path).
        const docs = raw.map((doc) => doc.map((field) => field.map(([s, x, p]) => [s * scale, x * scale, p] as [number, number, number])));
        const postings = new Postings(F, batch);
        const tokens = new TokenBuffer(F);
        const added = new Map<number, Doc>();
        docs.forEach((doc, i) => {
          fill(tokens, doc);
          postings.addDocument(i * 3, tokens);
          added.set(i * 3, doc);
        });
        for (let t = 0; t < 8; t++) {
          const id = t * scale;
          expect(read(postings, id, Channel.Stem, F)).toEqual(model(added, id, Channel.Stem, F));
          expect(read(postings, id, Channel.Exact, F)).toEqual(model(added, id, Channel.Exact, F));
          expect(postings.docFrequency(id, Channel.Stem)).toBe(model(added, id, Channel.Stem, F).length);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('vacuum drops removed documents, renumbers the rest, and appends keep working', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(docArb, fc.boolean()), { minLength: 1, maxLength: 20 }), docArb, (docs, extra) => {
        const postings = new Postings(F, 16);
        const tokens = new TokenBuffer(F);
        docs.forEach(([doc], i) => {
          fill(tokens, doc);
          postings.addDocument(i, tokens);
        });
        const docMap = new Int32Array(docs.length);
        const kept = new Map<number, Doc>();
        let next = 0;
        docs.forEach(([doc, keep], i) => {
          docMap[i] = keep ? next : -1;
          if (keep) kept.set(next++, doc);
        });
        postings.vacuum(docMap);
        fill(tokens, extra);
        postings.addDocument(next, tokens);
        kept.set(next, extra);
        for (let t = 0; t < 8; t++) {
          expect(read(postings, t, Channel.Stem, F)).toEqual(model(kept, t, Channel.Stem, F));
          expect(read(postings, t, Channel.Exact, F)).toEqual(model(kept, t, Channel.Exact, F));
          expect(postings.docFrequency(t, Channel.Exact)).toBe(model(kept, t, Channel.Exact, F).length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('compact settles every stream: reads, appends, vacuum, remapTerms and a second compact all keep the postings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(docArb, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 25 }),
        fc.constantFrom(1, 5, 1 << 17),
        fc.boolean(),
        (docs, batch, remap) => {
          // Each document: added, then maybe a compact, and kept or removed at the vacuum.
          const postings = new Postings(F, batch);
          const tokens = new TokenBuffer(F);
          const added = new Map<number, Doc>();
          const half = Math.ceil(docs.length / 2);
          const check = (live: Map<number, Doc>): void => {
            for (let t = 0; t < 8; t++) {
              expect(read(postings, t, Channel.Stem, F)).toEqual(model(live, t, Channel.Stem, F));
              expect(read(postings, t, Channel.Exact, F)).toEqual(model(live, t, Channel.Exact, F));
              expect(postings.docFrequency(t, Channel.Stem)).toBe(model(live, t, Channel.Stem, F).length);
            }
          };
          docs.slice(0, half).forEach(([doc, , compact], i) => {
            fill(tokens, doc);
            postings.addDocument(i, tokens);
            added.set(i, doc);
            if (compact) postings.compact();
          });
          check(added);
          const docMap = new Int32Array(half);
          const kept = new Map<number, Doc>();
          let next = 0;
          docs.slice(0, half).forEach(([doc, keep], i) => {
            docMap[i] = keep ? next : -1;
            if (keep) kept.set(next++, doc);
          });
          postings.vacuum(docMap);
          postings.compact();
          check(kept);
          docs.slice(half).forEach(([doc, , compact]) => {
            fill(tokens, doc);
            postings.addDocument(next, tokens);
            kept.set(next++, doc);
            if (compact) postings.compact();
          });
          check(kept);
          if (remap) {
            // Terms t → 7 - t: reversed ids, settled ranges moved with their records.
            postings.remapTerms(Int32Array.from({ length: 8 }, (_, t) => 7 - t), 8);
            const mirrored = new Map([...kept].map(([d, doc]) => [d, doc.map((field) => field.map(([s, x, p]) => [7 - s, 7 - x, p] as [number, number, number]))]));
            check(mirrored);
            postings.compact();
            check(mirrored);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('settles the streams at trim from settleBytes of pool, at a flush from 8 times as many (unless turned off), each time the pool outgrew what is settled', () => {
    const PAGE = 1 << 16;
    const postings = new Postings(1, 64, PAGE);
    const tokens = new TokenBuffer(1);
    const added = new Map<number, Doc>();
    let d = 0;
    // Each document: 40 tokens of distinct terms, so every token starts or extends a stream.
    const add = (n: number): void => {
      for (let i = 0; i < n; i++, d++) {
        const doc: Doc = [Array.from({ length: 40 }, (_, j) => [(d * 40 + j) % 20000, j, j] as [number, number, number])];
        fill(tokens, doc);
        postings.addDocument(d, tokens);
        added.set(d, doc);
      }
    };
    const pages = (): number => (postings as unknown as { pool: { pages: unknown[] } }).pool.pages.length;
    postings.settleOnFlush = false;
    add(1500);
    postings.flush();
    expect(pages()).toBeGreaterThan(8); // over 8 × settleBytes, not settled: turned off
    postings.trim();
    expect(pages()).toBe(0); // settled: an empty pool
    const settled = postings.allocatedBytes;
    add(20);
    postings.trim();
    expect(pages()).toBe(1); // less new than settled: left in the pool
    expect(postings.allocatedBytes).toBe(settled + PAGE);
    postings.settleOnFlush = true;
    add(3000);
    postings.flush();
    // Flushes settled on the way: the pool never passed 8 pages and twice the settled bytes.
    const pool = pages() * PAGE;
    const settledNow = postings.allocatedBytes - pool;
    expect(settledNow).toBeGreaterThan(2 * settled);
    expect(pool).toBeLessThanOrEqual(Math.max(8 * PAGE, 2 * settledNow) + PAGE);
    for (const t of [0, 7, 19999]) expect(read(postings, t, Channel.Stem, 1)).toEqual(model(added, t, Channel.Stem, 1));
    for (const t of [0, 39]) expect(read(postings, t, Channel.Exact, 1)).toEqual(model(added, t, Channel.Exact, 1));
  });

  it('remapTerms moves postings to new term ids', () => {
    const postings = new Postings(1);
    const tokens = new TokenBuffer(1);
    fill(tokens, [[[0, 0, 0], [2, 2, 1]]]);
    postings.addDocument(0, tokens);
    postings.remapTerms(Int32Array.of(-1, -1, 0), 1);
    expect(read(postings, 0, Channel.Stem, 1)).toEqual([{ doc: 0, tf: [1], positions: [[1]] }]);
    expect(postings.hasPostings(1)).toBe(false);
  });

  it('gather + lastDoc + docFrequency per term is enough to rebuild postings with loadTerm (export/import)', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 15 }), docArb, (docs, extra) => {
        const original = new Postings(F, 5);
        const tokens = new TokenBuffer(F);
        docs.forEach((doc, i) => {
          fill(tokens, doc);
          original.addDocument(i * 2, tokens);
        });
        const copy = new Postings(F);
        for (let t = 0; t < 8; t++) {
          for (const c of [Channel.Stem, Channel.Exact]) {
            if (original.docFrequency(t, c) === 0) continue;
            const d = new ByteBuffer();
            const p = new ByteBuffer();
            original.gather(t, c, false, d);
            if (c === Channel.Stem) original.gather(t, c, true, p);
            copy.loadTerm(t, c, d.bytes.slice(0, d.length), p.bytes.slice(0, p.length), original.lastDoc(t, c), original.docFrequency(t, c));
          }
        }
        fill(tokens, extra);
        original.addDocument(docs.length * 2, tokens);
        copy.addDocument(docs.length * 2, tokens);
        for (let t = 0; t < 8; t++) {
          for (const c of [Channel.Stem, Channel.Exact]) {
            expect(read(copy, t, c, F)).toEqual(read(original, t, c, F));
            expect(copy.docFrequency(t, c)).toBe(original.docFrequency(t, c));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('loadTerm refuses a term that already has postings', () => {
    const postings = new Postings(1);
    postings.loadTerm(0, Channel.Exact, Uint8Array.of(1, 1, 1), undefined, 0, 1);
    expect(() => postings.loadTerm(0, Channel.Exact, Uint8Array.of(1, 1, 1), undefined, 0, 1)).toThrow(/loaded twice/);
    expect(read(postings, 0, Channel.Exact, 1)).toEqual([{ doc: 0, tf: [1] }]);
  });

  it('clear forgets every posting', () => {
    const postings = new Postings(1);
    const tokens = new TokenBuffer(1);
    fill(tokens, [[[0, 0, 0]]]);
    postings.addDocument(0, tokens);
    postings.clear();
    expect(read(postings, 0, Channel.Stem, 1)).toEqual([]);
    expect(postings.allocatedBytes).toBe(0);
  });

  it('trim releases the batch buffers and keeps the postings', () => {
    const postings = new Postings(1);
    const tokens = new TokenBuffer(1);
    fill(tokens, [[[0, 0, 0]]]);
    postings.addDocument(0, tokens);
    postings.trim();
    expect(read(postings, 0, Channel.Stem, 1)).toEqual([{ doc: 0, tf: [1], positions: [[0]] }]);
  });
});
