/**
 * The async paths under interruption and interleaving:
 * - `addAllAsync` aborted at any point (from `onProgress`, from a timer, while an async source
 *   is pending) rejects with ABORTED and leaves exactly the documents added so far, each whole:
 *   the index answers like a fresh index over that prefix (ids, scores, matches, stored fields);
 * - searches that run at the yields of an `addAllAsync` see a consistent index: each answers
 *   like a fresh index over the documents added at that moment;
 * - a failing document or a throwing source stops the run with that error, the prefix kept.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FahrasError } from '../../src/errors.js';
import { PROBES, difference, modelDoc, modelIndex, observe } from './arbitraries.js';
import type { ModelConfig, ModelDoc, ModelIndex } from './arbitraries.js';

const CONFIG: ModelConfig = { vacuumThreshold: 0.25, exactBoost: 0.5, bodyStem: true, cacheSize: 64 };
const RUNS = Number(process.env.FAHRAS_RUNS ?? 40);
/** Generous per-test timeout: about 0.2 s a run on a loaded machine. */
const TIMEOUT = 60_000 + RUNS * 200;

/** Why `index` differs from a fresh index over `docs`, or undefined. */
function differsFromFresh(index: ModelIndex, docs: readonly ModelDoc[]): string | undefined {
  const fresh = modelIndex(CONFIG);
  fresh.addAll(docs);
  if (index.size !== fresh.size) return `size ${index.size} ≠ ${fresh.size}`;
  for (const q of PROBES) {
    const why = difference(observe(index, q, {}), observe(fresh, q, {}));
    if (why !== undefined) return `${JSON.stringify(q)}: ${why}`;
  }
  for (const d of docs) if (!index.has(d.id)) return `missing ${String(d.id)}`;
  return undefined;
}

/** Distinct-id documents. */
const docList = fc.uniqueArray(modelDoc, { selector: (d) => d.id, minLength: 1, maxLength: 8 }).chain((base) =>
  // more documents than the id pool holds: suffix the ids
  fc.constant(Array.from({ length: 6 }, (_, k) => base.map((d) => ({ ...d, id: `${typeof d.id}:${String(d.id)}#${k}` }))).flat()),
);

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('addAllAsync aborted', () => {
  it('from onProgress after any chunk: ABORTED, and the index equals a fresh index over the documents added (property)', async () => {
    await fc.assert(
      fc.asyncProperty(docList, fc.integer({ min: 1, max: 7 }), fc.nat(10), async (docs, chunkSize, abortAfter) => {
        const index = modelIndex(CONFIG);
        const controller = new AbortController();
        let calls = 0;
        const run = index.addAllAsync(docs, {
          chunkSize,
          signal: controller.signal,
          onProgress: () => {
            if (calls++ === abortAfter) controller.abort();
          },
        });
        let added: number;
        try {
          added = await run;
          // finished before the abort point: all added
          expect(added).toBe(docs.length);
        } catch (e) {
          expect(e).toBeInstanceOf(FahrasError);
          expect((e as FahrasError).code).toBe('ABORTED');
          added = index.size;
          expect(added).toBe(Math.min(docs.length, (abortAfter + 1) * chunkSize));
        }
        const why = differsFromFresh(index, docs.slice(0, added));
        if (why !== undefined) throw new Error(why);
        expect(index.has(docs[added]?.id ?? 'none')).toBe(false);
      }),
      { numRuns: RUNS, seed: 0xa5_1c },
    );
  }, TIMEOUT);

  it('from a timer while the run is in flight', async () => {
    const docs = Array.from({ length: 3000 }, (_, i) => ({ id: i, title: `وزير ${i % 7} الخارجية`, body: i % 2 === 0 ? 'كتاب مدرسة' : 'book 2020', tag: 'سياسة' }));
    const index = modelIndex(CONFIG);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const err = await rejection(index.addAllAsync(docs, { chunkSize: 50, signal: controller.signal }));
    expect(err).toMatchObject({ name: 'FahrasError', code: 'ABORTED' });
    expect(index.size).toBeGreaterThan(0);
    expect(index.size).toBeLessThan(docs.length);
    expect(differsFromFresh(index, docs.slice(0, index.size))).toBeUndefined();
  });

  it('while an async source is pending: the document it then yields is not added', async () => {
    const controller = new AbortController();
    async function* source(): AsyncGenerator<ModelDoc> {
      yield { id: 'first', title: 'وزير' };
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield { id: 'second', title: 'وزير' };
    }
    const index = modelIndex(CONFIG);
    const err = await rejection(index.addAllAsync(source(), { signal: controller.signal }));
    expect(err).toMatchObject({ code: 'ABORTED' });
    expect([index.has('first'), index.has('second')]).toEqual([true, false]);
    expect(differsFromFresh(index, [{ id: 'first', title: 'وزير' }])).toBeUndefined();
  });

  it('a source that throws, or a bad document, stops the run with that error; the prefix stays, whole', async () => {
    async function* failing(): AsyncGenerator<ModelDoc> {
      yield { id: 1, title: 'وزير' };
      yield { id: 2, title: 'كتاب' };
      throw new Error('network down');
    }
    const index = modelIndex(CONFIG);
    await expect(index.addAllAsync(failing(), { chunkSize: 1 })).rejects.toThrow('network down');
    expect(differsFromFresh(index, [{ id: 1, title: 'وزير' }, { id: 2, title: 'كتاب' }])).toBeUndefined();

    const other = modelIndex(CONFIG);
    const docs: ModelDoc[] = [{ id: 1, title: 'وزير' }, { id: 2, title: 'كتاب' }, { id: 3, title: { bad: true } as never }, { id: 4, title: 'مدرسة' }];
    await expect(other.addAllAsync(docs, { chunkSize: 2 })).rejects.toMatchObject({ code: 'INVALID_FIELD', details: { id: 3, field: 'title' } });
    expect(differsFromFresh(other, docs.slice(0, 2))).toBeUndefined();
  });
});

describe('searching while addAllAsync runs', () => {
  it('every search at a yield answers like a fresh index over the documents added by then (property)', async () => {
    await fc.assert(
      fc.asyncProperty(docList, fc.integer({ min: 1, max: 5 }), async (docs, chunkSize) => {
        const index = modelIndex(CONFIG);
        const seen: { size: number; answers: ReturnType<typeof observe>[] }[] = [];
        const look = (): void => {
          seen.push({ size: index.size, answers: PROBES.map((q) => observe(index, q, {})) });
        };
        // Searches from another task, run whenever addAllAsync yields to the event loop…
        let running = true;
        const poller = (async () => {
          while (running) {
            look();
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        })();
        // …and from onProgress, between two chunks.
        await index.addAllAsync(docs, { chunkSize, onProgress: look });
        running = false;
        await poller;
        look();
        expect(seen.some((s) => s.size > 0 && s.size < docs.length) || docs.length <= chunkSize).toBe(true);
        for (const { size, answers } of seen) {
          const fresh = modelIndex(CONFIG);
          fresh.addAll(docs.slice(0, size));
          PROBES.forEach((q, i) => {
            const why = difference(answers[i]!, observe(fresh, q, {}));
            if (why !== undefined) throw new Error(`after ${size} documents, ${JSON.stringify(q)}: ${why}`);
          });
        }
      }),
      { numRuns: RUNS, seed: 0x5ea2c4 },
    );
  }, TIMEOUT);

  it('changes made from onProgress between chunks are kept consistent with the documents still to come', async () => {
    const docs: ModelDoc[] = Array.from({ length: 20 }, (_, i) => ({ id: i, title: i % 2 === 0 ? 'وزير الخارجية' : 'كتاب مدرسة', tag: 'سياسة' }));
    const index = modelIndex(CONFIG);
    await index.addAllAsync(docs, {
      chunkSize: 4,
      onProgress: ({ added }) => {
        if (added < docs.length) index.remove(added - 1);
      },
    });
    const removed = new Set([3, 7, 11, 15]);
    expect(differsFromFresh(index, docs.filter((d) => !removed.has(d.id as number)))).toBeUndefined();
  });

  it('two runs interleaved on one index add every document once; a clash of ids rejects one run at that document', async () => {
    const a: ModelDoc[] = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, title: 'وزير الخارجية', body: `${i}` }));
    const b: ModelDoc[] = Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, title: 'كتاب مدرسة', body: `${i}` }));
    const index = modelIndex(CONFIG);
    await Promise.all([index.addAllAsync(a, { chunkSize: 3 }), index.addAllAsync(b, { chunkSize: 5 })]);
    expect(index.size).toBe(60);
    const fresh = modelIndex(CONFIG);
    fresh.addAll([...a, ...b]);
    for (const q of PROBES) {
      const byId = (x: ModelIndex): unknown => [...x.search(q, { limit: 100 })].map((h) => [h.id, h.score]).sort((p, r) => String(p[0]).localeCompare(String(r[0])));
      expect(byId(index)).toEqual(byId(fresh));
    }
    const clash = modelIndex(CONFIG);
    const results = await Promise.allSettled([clash.addAllAsync(a, { chunkSize: 2 }), clash.addAllAsync([...b.slice(0, 5), a[20]!, ...b.slice(5)], { chunkSize: 2 })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'DUPLICATE_ID' });
    expect(clash.has('a20')).toBe(true);
  });
});
