/**
 * Marking the matched words of a result's title for the terminal: ANSI bold on a terminal,
 * `[brackets]` elsewhere. The ranges come from the engine's highlighter when the results carry
 * them (`highlights`), else from analyzing the title and the query with the index's saved
 * analysis: a title word is marked when its stem is one of the query's stems.
 *
 * ```ts
 * markRanges('وزير الخارجية', [[5, 13]], false); // 'وزير [الخارجية]'
 * ```
 * @module
 */
import type { Analyzer } from '../index.js';

/** ANSI bold on and off. */
const BOLD = '\x1b[1m';
const BOLD_OFF = '\x1b[22m';

/** A range of UTF-16 offsets `[start, end)`. */
export type Range = readonly [start: number, end: number];

/** `text` with the ranges (sorted, non-overlapping after merging) marked. */
export function markRanges(text: string, ranges: readonly Range[], bold: boolean): string {
  const sorted = [...ranges].filter(([s, e]) => s >= 0 && e <= text.length && s < e).sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    out += text.slice(at, start) + (bold ? BOLD : '[') + text.slice(start, end) + (bold ? BOLD_OFF : ']');
    at = end;
  }
  return out + text.slice(at);
}

/** Ranges of the words of `text` whose stem is a stem of `query`, both analyzed by `analyzer`. */
export function matchedRanges(text: string, query: string, analyzer: Analyzer): Range[] {
  const wanted = new Set(analyzer.analyze(query).map((t) => t.term));
  return analyzer
    .analyze(text)
    .filter((t) => wanted.has(t.term))
    .map((t) => [t.start, t.end] as const);
}

/** The ranges of `field` in a result's `highlights`, when it has well-formed ones. */
export function highlighterRanges(hit: unknown, field: string): Range[] | undefined {
  const highlights = (hit as { highlights?: unknown }).highlights;
  if (typeof highlights !== 'object' || highlights === null) return undefined;
  const ranges = (highlights as Record<string, unknown>)[field];
  if (!Array.isArray(ranges)) return undefined;
  const out: Range[] = [];
  for (const r of ranges as unknown[]) {
    if (!Array.isArray(r) || typeof r[0] !== 'number' || typeof r[1] !== 'number') return undefined;
    out.push([r[0], r[1]]);
  }
  return out;
}
