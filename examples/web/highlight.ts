/**
 * Highlighting and snippets for the demo page, on the public API only.
 *
 * `matchRanges` marks the words of a text whose analyzed term equals the term of a query word:
 * `analyze()` gives each word's offsets in the ORIGINAL text, so the marks land on the characters
 * as written (diacritics, tatweel, clitics and all). `snippet` cuts a passage around the densest
 * group of marks. The page uses the library's own highlighter instead when the index offers one.
 */
import { analyze } from '../../src/index.js';

/** A half-open range [start, end) of UTF-16 offsets into a text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A passage of a text with the ranges that fall inside it, offsets relative to the passage. */
export interface Passage {
  readonly text: string;
  readonly ranges: readonly Range[];
  /** Whether text was cut before the passage (show an ellipsis). */
  readonly cutStart: boolean;
  /** Whether text was cut after the passage. */
  readonly cutEnd: boolean;
}

/** The analyzed terms of a query (stopwords dropped, words normalized and stemmed). */
export function queryTerms(query: string): Set<string> {
  return new Set(analyze(query).map((t) => t.term));
}

/** Ranges of the words of `text` whose term is one of `terms`, in text order, not overlapping. */
export function matchRanges(text: string, terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return [];
  const ranges: Range[] = [];
  for (const t of analyze(text)) if (terms.has(t.term)) ranges.push({ start: t.start, end: t.end });
  return ranges;
}

const WHITESPACE = /\s/;

/**
 * A passage of at most about `maxLength` characters of `text`: the paragraph (line) with the most
 * marks, cut around its first mark at word boundaries when it is too long. Without marks, the
 * start of the text.
 */
export function snippet(text: string, ranges: readonly Range[], maxLength = 220): Passage {
  // Pick the line with the most marks (the first such line on ties).
  let lineStart = 0;
  let best = { start: 0, end: text.length, marks: -1 };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const marks = ranges.filter((r) => r.start >= lineStart && r.end <= lineEnd).length;
    if (marks > best.marks) best = { start: lineStart, end: lineEnd, marks };
    lineStart = lineEnd + 1;
  }
  let start = best.start;
  let end = best.end;
  if (end - start > maxLength) {
    const first = ranges.find((r) => r.start >= best.start && r.end <= best.end);
    // Start a little before the first mark, so it reads in context.
    if (first !== undefined && first.start - start > maxLength / 4) {
      start = first.start - Math.floor(maxLength / 5);
      while (start > best.start && !WHITESPACE.test(text[start - 1] ?? ' ')) start--;
    }
    end = Math.min(end, start + maxLength);
    while (end > start && end < best.end && !WHITESPACE.test(text[end] ?? ' ')) end--;
    if (end === start) end = Math.min(best.end, start + maxLength);
  }
  const inside = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start - start, end: r.end - start }));
  return { text: text.slice(start, end), ranges: inside, cutStart: start > 0, cutEnd: end < text.length };
}
