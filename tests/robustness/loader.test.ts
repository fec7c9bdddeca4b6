/**
 * Model-level loader property (the byte-level fuzzing lives in tests/serialize): an index saved
 * with `export()` and loaded from MUTATED bytes (bit flips, overwritten bytes, truncation, extra
 * or removed bytes, header fields) either throws a FahrasError or answers every probe exactly like
 * the original: same ids, scores, matches, stored fields, facets, size and `get`.
 *
 * Fixed seed for CI, plus a random-seed pass (fast-check prints the seed on failure).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FahrasError } from '../../src/errors.js';
import { loadIndex } from '../../src/serialize/read.js';
import { PROBES, difference, modelConfig, modelDoc, modelIndex, observe } from './arbitraries.js';
import type { ModelConfig, ModelDoc, ModelIndex, ModelSearchOptions } from './arbitraries.js';

const RUNS = Number(process.env.FAHRAS_RUNS ?? 300);
/** Generous per-test timeout: about 0.1 s a run on a loaded machine. */
const TIMEOUT = 60_000 + RUNS * 100;
const FIXED_SEED = 0x10ad_f00d;
const OPTIONS: ModelSearchOptions[] = [{}, { combine: 'and' }, { filter: { tag: 'رياضة' }, facets: ['tag'] }];

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly value: number }
  | { readonly kind: 'delete'; readonly at: number };

/** Positions are fractions of the length; one in four mutations hits the 20-byte header. */
const position = fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 19 }).map((i) => -1 - i) }, { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }) });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position }),
);

function offset(at: number, length: number): number {
  return at < 0 ? Math.min(length - 1, -1 - at) : Math.floor(at * length);
}

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Uint8Array.from(bytes);
  for (const m of mutations) {
    if (b.length === 0) break;
    const i = offset(m.at, b.length);
    switch (m.kind) {
      case 'flip':
        b[i] = b[i]! ^ (1 << m.bit);
        break;
      case 'set':
        b[i] = m.value;
        break;
      case 'truncate':
        b = b.slice(0, i);
        break;
      case 'insert':
        b = Uint8Array.from([...b.subarray(0, i), m.value, ...b.subarray(i)]);
        break;
      case 'delete':
        b = Uint8Array.from([...b.subarray(0, i), ...b.subarray(i + 1)]);
        break;
    }
  }
  return b;
}

/** Why `loaded` answers differently from `original`, or undefined. */
function answersDiffer(original: ModelIndex, loaded: ModelIndex, ids: readonly (number | string)[]): string | undefined {
  if (loaded.size !== original.size) return `size ${loaded.size} ≠ ${original.size}`;
  for (const q of PROBES) {
    for (const o of OPTIONS) {
      const why = difference(observe(loaded, q, o), observe(original, q, o));
      if (why !== undefined) return `${JSON.stringify(q)} ${JSON.stringify(o)}: ${why}`;
    }
  }
  for (const id of ids) {
    if (JSON.stringify(loaded.get(id)) !== JSON.stringify(original.get(id))) return `get(${JSON.stringify(id)}) differs`;
  }
  return undefined;
}

const scenario = fc.record({
  config: modelConfig,
  docs: fc.uniqueArray(modelDoc, { selector: (d) => d.id, minLength: 1, maxLength: 8 }),
  removals: fc.array(fc.nat(7), { maxLength: 2 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

interface Scenario {
  readonly config: ModelConfig;
  readonly docs: ModelDoc[];
  readonly removals: number[];
  readonly mutations: Mutation[];
}

function property(): fc.IPropertyWithHooks<[Scenario]> {
  return fc.property(scenario, ({ config, docs, removals, mutations }) => {
    const original = modelIndex(config);
    original.addAll(docs);
    for (const r of removals) original.remove(docs[r % docs.length]!.id);
    const bytes = original.export();
    const damaged = mutate(bytes, mutations);
    let loaded: ModelIndex;
    try {
      loaded = loadIndex<ModelDoc, 'tag'>(damaged);
    } catch (e) {
      if (!(e instanceof FahrasError)) throw new Error(`loadIndex threw ${String(e)}, not a FahrasError`);
      expect(['NOT_AN_INDEX', 'TRUNCATED_INDEX', 'CORRUPT_INDEX', 'UNSUPPORTED_VERSION']).toContain(e.code);
      return;
    }
    const why = answersDiffer(original, loaded, docs.map((d) => d.id));
    if (why !== undefined) throw new Error(`loaded from damaged bytes without an error, but answers differently: ${why}`);
  });
}

describe('loadIndex on mutated exports: a FahrasError or the same answers', () => {
  it(`fixed seed ${FIXED_SEED} (${RUNS} runs)`, () => {
    fc.assert(property(), { numRuns: RUNS, seed: FIXED_SEED });
  }, TIMEOUT);

  it(`random seed (${RUNS} runs; the seed is printed on failure)`, () => {
    fc.assert(property(), { numRuns: RUNS });
  }, TIMEOUT);

  it('the unmutated export loads and answers the same (the property is not vacuous)', () => {
    const original = modelIndex({ vacuumThreshold: false, exactBoost: 0.5, bodyStem: true, cacheSize: 64 });
    original.addAll([
      { id: 1, title: 'وزير الخارجية', body: 'كتاب مدرسة', tag: 'سياسة' },
      { id: 'b', title: 'book ٢٠٢٠', body: ['احمد', 2020, null], tag: 'رياضة' },
    ]);
    const loaded = loadIndex<ModelDoc, 'tag'>(original.export());
    expect(answersDiffer(original, loaded, [1, 'b'])).toBeUndefined();
    expect(loaded.search('كتاب').length).toBe(1);
  });
});
