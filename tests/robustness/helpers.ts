/** Shared helpers of the robustness tests: a small article index and "nothing changed" checks. */
import { expect } from 'vitest';
import { createIndex } from '../../src/engine.js';
import type { SearchIndex } from '../../src/engine.js';
import { FahrasError } from '../../src/errors.js';
import type { FahrasErrorCode } from '../../src/errors.js';

/** A loosely typed document, for feeding the index what its types would refuse. */
export type Loose = Record<string, unknown>;

/** The robustness tests' index type. */
export type LooseIndex = SearchIndex<Loose, 'tag'>;

/** Short documents written for these tests (Arabic, Latin, numbers, arrays). */
export const DOCS: Loose[] = [
  { id: 'a1', title: 'وزير الخارجية يستقبل سفير مصر', body: 'استقبل وزير الخارجية اليوم سفير مصر في تونس', tag: 'سياسة' },
  { id: 'a2', title: 'الترجي يفوز بالبطولة', body: 'فاز فريق الترجي بالبطولة بعد مباراة صعبة', tag: 'رياضة' },
  { id: 'a3', title: 'افتتاح معرض الكتاب', body: 'افتتح وزير الثقافة معرض الكتاب الدولي 2020', tag: 'ثقافة' },
  { id: 4, title: 'Book fair opens in Tunis', body: ['الكتاب', null, 'book', 2020], tag: 'ثقافة' },
  { id: 'a5', title: 'ارتفاع أسعار النفط', body: 'ارتفعت أسعار النفط في الأسواق العالمية', tag: 'اقتصاد' },
];

/** Probe queries for snapshots. */
export const PROBE_QUERIES = ['وزير', 'الكتاب', 'book', '2020', 'النفط الأسواق', 'بالبطولة'];

/** A fresh index over {@link DOCS} (or `docs`): title boost 2, body, `tag` stored. */
export function looseIndex(docs: readonly Loose[] = DOCS, extra: Loose = {}): LooseIndex {
  const index = createIndex<Loose, 'tag'>({ id: 'id', fields: { title: { boost: 2 }, body: {} }, store: ['tag'], ...extra } as never);
  index.addAll(docs);
  return index;
}

/** Everything observable about an index, to check that a failing call changed nothing. */
export function snapshot(index: LooseIndex, ids: readonly (string | number)[] = DOCS.map((d) => d.id as string | number)): unknown {
  return {
    size: index.size,
    stats: index.stats(),
    searches: PROBE_QUERIES.map((q) => index.search(q, { limit: 50 }).map((r) => [r.id, r.score, r.match, r.doc])),
    has: ids.map((id) => index.has(id)),
    get: ids.map((id) => index.get(id)),
  };
}

/** Run `fn`, expecting a FahrasError with `code`; returns the error. */
export function expectError(fn: () => unknown, code: FahrasErrorCode): FahrasError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof FahrasError)) throw new Error(`expected FahrasError ${code}, got ${String(e)}`);
    expect(e.code, e.message).toBe(code);
    return e;
  }
  throw new Error(`expected FahrasError ${code}, nothing was thrown`);
}

/** Run `fn` expecting FahrasError `code` and check the index is exactly as before. */
export function failsUnchanged(index: LooseIndex, fn: () => unknown, code: FahrasErrorCode): FahrasError {
  const before = snapshot(index);
  const err = expectError(fn, code);
  expect(snapshot(index)).toEqual(before);
  return err;
}
