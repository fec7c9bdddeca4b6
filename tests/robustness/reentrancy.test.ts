/**
 * Callbacks that call back into the index: a search `filter` may search again (the nested search
 * runs on its own scratch space) but may not change the index while its search runs (INDEX_BUSY;
 * before the fix, a filter that removed documents made the running search return hits with
 * undefined ids and empty docs). A callback that throws leaves the index usable.
 */
import { describe, expect, it } from 'vitest';
import { FahrasError } from '../../src/errors.js';
import { DOCS, looseIndex, snapshot } from './helpers.js';

describe('changing the index from inside its own search', () => {
  const changes: [string, (index: ReturnType<typeof looseIndex>) => unknown][] = [
    ['add', (index) => index.add({ id: 'new', title: 'وزير' })],
    ['update', (index) => index.update({ id: 'a1', title: 'وزير' })],
    ['remove', (index) => index.remove('a3')],
    ['clear', (index) => index.clear()],
    ['vacuum', (index) => index.vacuum()],
  ];
  for (const [name, change] of changes) {
    it(`${name} from a filter throws INDEX_BUSY out of search and changes nothing`, () => {
      const index = looseIndex();
      index.remove('a5'); // a tombstone, so vacuum has work to do
      const before = snapshot(index);
      let thrown: unknown;
      try {
        index.search('وزير الكتاب', { filter: () => change(index) === undefined || true });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(FahrasError);
      expect((thrown as FahrasError).code).toBe('INDEX_BUSY');
      expect((thrown as FahrasError).message).toContain(name);
      expect(snapshot(index)).toEqual(before);
    });

    it(`${name} refused inside a filter that swallows the error: the running search still returns whole hits`, () => {
      const index = looseIndex();
      const expected = index.search('وزير الكتاب', { limit: 20 }).map((h) => [h.id, h.score, h.doc]);
      const hits = index.search('وزير الكتاب', {
        limit: 20,
        filter: () => {
          try {
            change(index);
          } catch {
            // refused
          }
          return true;
        },
      });
      expect(hits.map((h) => [h.id, h.score, h.doc])).toEqual(expected);
      expect(hits.every((h) => h.id !== undefined)).toBe(true);
    });
  }

  it('after the search returns, changes are allowed again', () => {
    const index = looseIndex();
    try {
      index.search('وزير', { filter: () => index.remove('a1') });
    } catch {
      // refused
    }
    expect(index.remove('a1')).toBe(true);
    expect(index.search('وزير').map((h) => h.id)).toEqual(['a3']);
  });

  it('a filter may search the same index: the nested search answers like a top-level one', () => {
    const index = looseIndex();
    const outside = index.search('الكتاب').map((h) => [h.id, h.score]);
    const inside: unknown[] = [];
    const hits = index.search('وزير', {
      filter: () => {
        inside.push(index.search('الكتاب').map((h) => [h.id, h.score]));
        return true;
      },
    });
    expect(hits.map((h) => h.id)).toEqual(['a1', 'a3']);
    for (const r of inside) expect(r).toEqual(outside);
  });

  it('a filter that throws its own error: search rethrows it and the index stays usable', () => {
    const index = looseIndex();
    const before = snapshot(index);
    expect(() =>
      index.search('وزير', {
        filter: () => {
          throw new Error('app bug');
        },
      }),
    ).toThrow('app bug');
    expect(snapshot(index)).toEqual(before);
    index.add({ id: 'after', title: 'وزير' });
    expect(index.size).toBe(DOCS.length + 1);
  });
});
