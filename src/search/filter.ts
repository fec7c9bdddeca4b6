/**
 * Compiles a `filter` search option into a predicate over a document's stored fields.
 *
 * ```ts
 * const keep = compileFilter({ category: ['رياضة', 'اقتصاد'] });
 * keep({ category: 'رياضة' });  // true
 * ```
 * Equality is `===`; for an array-valued stored field, any item may match.
 * @module
 */
import type { Filter, FilterValue } from '../options.js';

/** A compiled filter. */
export type StoredPredicate = (stored: Record<string, unknown>) => boolean;

function matchesValue(actual: unknown, wanted: FilterValue | readonly FilterValue[]): boolean {
  if (Array.isArray(actual)) return actual.some((item) => matchesValue(item, wanted));
  if (Array.isArray(wanted)) return wanted.includes(actual as FilterValue);
  return actual === wanted;
}

/** Turn a validated filter option into a predicate; `undefined` when there is no filter. */
export function compileFilter(filter: Filter<Record<string, unknown>> | undefined): StoredPredicate | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter === 'function') return (stored) => filter(stored) === true;
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined) as [string, FilterValue | readonly FilterValue[]][];
  return (stored) => {
    for (const [field, wanted] of entries) if (!matchesValue(stored[field], wanted)) return false;
    return true;
  };
}
