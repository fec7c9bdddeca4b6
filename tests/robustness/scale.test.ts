/**
 * Many tiny documents: 100,000 one-word documents (a million is measured in docs/limits.md, not
 * run here: about 4 s of CPU). Checks counts, tie order (insertion order), removal of half and
 * vacuum, and that postings stay a few bytes per document.
 */
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/engine.js';

describe('100,000 one-word documents', () => {
  it('are all found, ranked by insertion order on ties, and cost a few postings bytes each', () => {
    const N = 100_000;
    const index = createIndex<{ id: number; t: string }>({ id: 'id', fields: ['t'], vacuumThreshold: false });
    for (let i = 0; i < N; i++) index.add({ id: i, t: i % 10 === 0 ? 'كلمة نادرة' : 'كلمة' });
    expect(index.size).toBe(N);
    const all = index.search('كلمة', { limit: 5 });
    expect(all.total).toBe(N);
    // the ten-percent documents are longer (two words), so the one-word ones rank first
    expect(all.map((h) => h.id)).toEqual([1, 2, 3, 4, 5]);
    expect(index.search('نادرة', { limit: 3 }).map((h) => h.id)).toEqual([0, 10, 20]);
    const stats = index.stats();
    expect(stats.terms).toBeLessThanOrEqual(4);
    expect(stats.postingsBytes / N).toBeLessThan(16);

    for (let i = 0; i < N; i += 2) index.remove(i);
    expect(index.size).toBe(N / 2);
    expect(index.search('كلمة').total).toBe(N / 2);
    expect(index.search('كلمة', { limit: 3 }).map((h) => h.id)).toEqual([1, 3, 5]);
    const before = index.search('كلمة نادرة', { limit: 20 }).map((h) => [h.id, h.score]);
    index.vacuum();
    expect(index.stats().removed).toBe(0);
    expect(index.search('كلمة نادرة', { limit: 20 }).map((h) => [h.id, h.score])).toEqual(before);
    expect(index.search('نادرة').total).toBe(0); // every tenth id is even: all removed
  });
});
