/**
 * Property: for random documents, changes, index configurations and queries, an index saved and
 * loaded again answers every query exactly as the original (ids, order, scores, matches, stored
 * fields, facets), and after the same further changes to both, still does.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex, FahrasError, loadIndex } from '../../src/index.js';
import { PROBES, difference, modelConfig, modelIndex, observe, op, searchOptions } from '../robustness/arbitraries.js';
import type { ModelDoc, ModelIndex, ModelSearchOptions, Op } from '../robustness/arbitraries.js';

/** Query features (prefix, typo tolerance) are probed too where the engine has them. */
function accepted(options: Record<string, unknown>): ModelSearchOptions[] {
  try {
    createIndex<ModelDoc>({ id: 'id', fields: ['title'] }).search('كتاب', options);
    return [options as ModelSearchOptions];
  } catch {
    return [];
  }
}

const PROBE_OPTIONS: ModelSearchOptions[] = [
  {},
  { combine: 'and' },
  { fields: ['title'] },
  { filter: { tag: 'سياسة' }, facets: ['tag'] },
  ...accepted({ prefix: true }),
  ...accepted({ fuzzy: 1 }),
];

/** Apply `o`; returns the FahrasError code it threw, or undefined. */
function apply(index: ModelIndex, o: Op): string | undefined {
  try {
    switch (o.kind) {
      case 'add':
        index.add(o.doc);
        break;
      case 'update':
        index.update(o.doc);
        break;
      case 'remove':
        index.remove(o.id);
        break;
      case 'search':
        index.search(o.query, o.options);
        break;
      case 'vacuum':
        index.vacuum();
        break;
      case 'clear':
        index.clear();
        break;
    }
  } catch (e) {
    if (e instanceof FahrasError) return e.code;
    throw e;
  }
  return undefined;
}

/** Why `loaded` answers differently from `original`, or undefined. */
function disagreement(loaded: ModelIndex, original: ModelIndex, queries: readonly string[]): string | undefined {
  if (loaded.size !== original.size) return `size ${loaded.size} ≠ ${original.size}`;
  for (const q of queries) {
    for (const options of PROBE_OPTIONS) {
      const why = difference(observe(loaded, q, options), observe(original, q, options));
      if (why !== undefined) return `${JSON.stringify(q)} ${JSON.stringify(options)}: ${why}`;
    }
  }
  return undefined;
}

const queriesOf = (ops: readonly Op[]): string[] => [...PROBES, ...ops.flatMap((o) => (o.kind === 'search' ? [o.query] : []))];

describe('saved indexes (property)', () => {
  it('a loaded index answers like the original, and keeps doing so under the same changes', () => {
    fc.assert(
      fc.property(
        modelConfig,
        fc.array(op, { maxLength: 30 }),
        fc.array(op, { maxLength: 15 }),
        searchOptions,
        (config, before, after, extra) => {
          const original = modelIndex(config);
          for (const o of before) apply(original, o);
          const loaded = loadIndex<ModelDoc, 'tag'>(original.export());
          const queries = queriesOf([...before, ...after]);
          expect(disagreement(loaded, original, queries)).toBeUndefined();
          for (const q of queries) expect(difference(observe(loaded, q, extra), observe(original, q, extra))).toBeUndefined();
          for (const o of after) expect(apply(loaded, o)).toBe(apply(original, o));
          expect(disagreement(loaded, original, queries)).toBeUndefined();
          // Saving the loaded index again loses nothing either.
          const again = loadIndex<ModelDoc, 'tag'>(loaded.export());
          expect(disagreement(again, original, queries)).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });
});
