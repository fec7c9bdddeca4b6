import { describe, expect, it } from 'vitest';
import { FahrasError } from '../../src/errors.js';
import { ARTICLES, articleIndex } from './helpers.js';
import type { Article } from './helpers.js';

function many(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => ({ ...ARTICLES[i % ARTICLES.length]!, id: `d${i}` }));
}

describe('addAllAsync', () => {
  it('adds everything, reports progress per chunk and at the end', async () => {
    const index = articleIndex([]);
    const progress: [number, number | undefined][] = [];
    const n = await index.addAllAsync(many(25), { chunkSize: 10, onProgress: (p) => progress.push([p.added, p.total]) });
    expect(n).toBe(25);
    expect(index.size).toBe(25);
    expect(progress).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
  });

  it('yields to the event loop between chunks', async () => {
    const index = articleIndex([]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await index.addAllAsync(many(40), { chunkSize: 5 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('accepts async iterables (streams) with an unknown total', async () => {
    async function* stream(): AsyncGenerator<Article> {
      for (const doc of many(7)) yield doc;
    }
    const index = articleIndex([]);
    const totals: (number | undefined)[] = [];
    expect(await index.addAllAsync(stream(), { chunkSize: 3, onProgress: (p) => totals.push(p.total) })).toBe(7);
    expect(totals).toEqual([undefined, undefined, undefined]);
    expect(index.size).toBe(7);
  });

  it('abort rejects with ABORTED and leaves only whole documents added', async () => {
    const index = articleIndex([]);
    const controller = new AbortController();
    const docs = many(100);
    const run = index.addAllAsync(docs, {
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.added === 30) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'FahrasError', code: 'ABORTED' });
    expect(index.size).toBe(30);
    for (let i = 0; i < 30; i++) expect(index.has(`d${i}`)).toBe(true);
    expect(index.has('d30')).toBe(false);
    // Every added document is complete: searchable in all its fields.
    expect(index.search('الترجي', { limit: 100, fields: ['title'] }).total).toBe(index.search('الترجي', { limit: 100, fields: ['body'] }).total);
    // The index stays usable.
    index.add(docs[30]!);
    expect(index.size).toBe(31);
  });

  it('an already aborted signal adds nothing', async () => {
    const index = articleIndex([]);
    const controller = new AbortController();
    controller.abort();
    await expect(index.addAllAsync(many(5), { signal: controller.signal })).rejects.toBeInstanceOf(FahrasError);
    expect(index.size).toBe(0);
  });

  it('a failing document rejects with its error, keeping the documents before it', async () => {
    const index = articleIndex([]);
    const docs = many(5);
    docs[3] = { ...docs[3]!, body: 7n } as unknown as Article;
    await expect(index.addAllAsync(docs, { chunkSize: 2 })).rejects.toMatchObject({ code: 'INVALID_FIELD' });
    expect(index.size).toBe(3);
  });

  it('checks its options', async () => {
    const index = articleIndex([]);
    await expect(index.addAllAsync([], { chunk: 3 } as never)).rejects.toMatchObject({ code: 'UNKNOWN_OPTION' });
    await expect(index.addAllAsync([], { chunkSize: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(index.addAllAsync([], { onProgress: 3 } as never)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(index.addAllAsync([], { signal: {} } as never)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});
