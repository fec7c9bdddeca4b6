/**
 * Snippets: the best window of a long text around its highlighted words, with the words marked.
 * A separate export: a page that does not import it does not bundle it.
 *
 * ```ts
 * import { snippet } from 'fahras';
 * const hit = index.search('الانتخابات البلدية', { highlight: true })[0];
 * snippet(hit.doc.body, hit.highlights.body, { length: 120 });
 * // '… أعلنت الهيئة نتائج <mark>الانتخابات</mark> <mark>البلدية</mark> بعد فرز …'
 * ```
 *
 * The window (at most `length` code units of the text) is the one holding the most distinct
 * matched query words, then the most matched words, then the earliest; it is widened with context
 * on both sides and its edges moved to word boundaries (whitespace), so a word is never cut; only
 * a text with no whitespace inside the window is cut mid-word, and then never inside a surrogate
 * pair. Ellipses mark the cuts. Markers are inserted around each range inside the window; with
 * `escapeHtml` (default), the text between them is HTML-escaped (`& < > " '`), the markers are not.
 * @module
 */
import { FahrasError } from '../errors.js';
import { checkKnownKeys } from '../options.js';

/** A range to mark: `[start, end)` in the text, and optionally the query word it matched. */
export type SnippetRange = readonly [start: number, end: number, word?: string];

/** Options of {@link snippet}. */
export interface SnippetOptions {
  /** Longest part of the text to show, in UTF-16 code units (markers and ellipses not counted), an integer ≥ 1. Default 160. */
  length?: number;
  /** Inserted before each marked word. Default `'<mark>'`. */
  before?: string;
  /** Inserted after each marked word. Default `'</mark>'`. */
  after?: string;
  /** HTML-escape the text (not the markers). Default `true`. */
  escapeHtml?: boolean;
  /** Shown where the text was cut. Default `'…'`. */
  ellipsis?: string;
}

const SNIPPET_OPTIONS = ['length', 'before', 'after', 'escapeHtml', 'ellipsis'];

/** Default {@link SnippetOptions.length}. */
export const DEFAULT_SNIPPET_LENGTH = 160;

const SPACE = /\s/;
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/g;
/** First and last low surrogate code units. */
const LOW_SURROGATE_FIRST = 0xdc00;
const LOW_SURROGATE_LAST = 0xdfff;

function isSpaceAt(text: string, i: number): boolean {
  return i < 0 || i >= text.length || SPACE.test(text[i]!);
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= LOW_SURROGATE_FIRST && c <= LOW_SURROGATE_LAST;
}

/** The valid ranges, sorted by start, without overlaps (the earlier one wins). */
function cleanRanges(text: string, ranges: readonly SnippetRange[]): SnippetRange[] {
  const sorted = ranges
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= 0 && r[1] > r[0] && r[1] <= text.length)
    .slice()
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: SnippetRange[] = [];
  for (const r of sorted) if (out.length === 0 || r[0] >= out[out.length - 1]![1]) out.push(r);
  return out;
}

/** The run of ranges [first, last] fitting in `length` with the most distinct words, then the most ranges. */
function bestRun(text: string, ranges: readonly SnippetRange[], length: number): [number, number] {
  const keyOf = (r: SnippetRange): string => r[2] ?? text.slice(r[0], r[1]);
  const counts = new Map<string, number>();
  let best: [number, number] = [0, 0];
  let bestDistinct = 0;
  let bestCount = 0;
  let j = -1;
  for (let i = 0; i < ranges.length; i++) {
    if (j < i) {
      j = i;
      counts.clear();
      counts.set(keyOf(ranges[i]!), 1);
    }
    while (j + 1 < ranges.length && ranges[j + 1]![1] - ranges[i]![0] <= length) {
      j++;
      const k = keyOf(ranges[j]!);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const distinct = counts.size;
    const count = j - i + 1;
    if (distinct > bestDistinct || (distinct === bestDistinct && count > bestCount)) {
      best = [i, j];
      bestDistinct = distinct;
      bestCount = count;
    }
    const k = keyOf(ranges[i]!);
    const left = counts.get(k)! - 1;
    if (left === 0) counts.delete(k);
    else counts.set(k, left);
  }
  return best;
}

/**
 * The best window of `text` around `ranges` (highlight ranges of one field), with each range
 * inside it marked. See the module documentation. Ranges that are not `[start, end]` pairs of
 * integers, out of the text, empty or overlapping an earlier one are ignored. Throws `INVALID_INPUT` when `text` is not a string and
 * `INVALID_OPTION` for a bad option.
 */
export function snippet(text: string, ranges: readonly SnippetRange[] = [], options: SnippetOptions = {}): string {
  if (typeof text !== 'string') throw new FahrasError('INVALID_INPUT', 'snippet expects the text as a string');
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new FahrasError('INVALID_OPTION', 'snippet options must be an object', { option: 'options' });
  checkKnownKeys(options as Record<string, unknown>, SNIPPET_OPTIONS, '');
  const length = options.length ?? DEFAULT_SNIPPET_LENGTH;
  if (!Number.isInteger(length) || length < 1) throw new FahrasError('INVALID_OPTION', `Option length must be an integer ≥ 1, got ${String(length)}`, { option: 'length' });
  const before = options.before ?? '<mark>';
  const after = options.after ?? '</mark>';
  const ellipsis = options.ellipsis ?? '…';
  const escape = options.escapeHtml ?? true;
  if (typeof escape !== 'boolean') throw new FahrasError('INVALID_OPTION', 'Option escapeHtml must be a boolean', { option: 'escapeHtml' });
  for (const [name, value] of [['before', before], ['after', after], ['ellipsis', ellipsis]] as const) {
    if (typeof value !== 'string') throw new FahrasError('INVALID_OPTION', `Option ${name} must be a string`, { option: name });
  }
  const marks = cleanRanges(text, Array.isArray(ranges) ? ranges : []);

  let start = 0;
  let end = text.length;
  if (text.length > length) {
    let focusStart = 0;
    let focusEnd = 0;
    if (marks.length > 0) {
      const [i, j] = bestRun(text, marks, length);
      focusStart = marks[i]![0];
      focusEnd = marks[j]![1];
      if (focusEnd - focusStart > length) focusEnd = focusStart + length;
    }
    // Widen with context: half the slack before, the rest after, within the text.
    const slack = length - (focusEnd - focusStart);
    start = Math.max(0, focusStart - Math.floor(slack / 2));
    end = Math.min(text.length, start + length);
    start = Math.max(0, end - length);
    // Move the edges to word boundaries, inside the window, keeping the focus.
    let s = start;
    while (s > 0 && s < focusStart && !isSpaceAt(text, s - 1)) s++;
    if (s > 0 && !isSpaceAt(text, s - 1) && !isSpaceAt(text, s)) {
      // No boundary before the focus: go back to the start of the word instead.
      s = start;
      while (s > 0 && !isSpaceAt(text, s - 1) && start - s < length) s--;
    }
    let e = end;
    while (e < text.length && e > Math.max(focusEnd, s) && !isSpaceAt(text, e)) e--;
    if (e < text.length && !isSpaceAt(text, e) && !isSpaceAt(text, e - 1)) {
      e = end;
      while (e < text.length && !isSpaceAt(text, e) && e - end < length) e++;
    }
    if (s > 0 && s < text.length && isLowSurrogateAt(text, s)) s--;
    if (e > 0 && e < text.length && isLowSurrogateAt(text, e)) e++;
    while (s < e && isSpaceAt(text, s)) s++;
    while (e > s && isSpaceAt(text, e - 1)) e--;
    start = s;
    end = e;
  }

  const piece = (from: number, to: number): string => {
    const t = text.slice(from, to);
    return escape ? t.replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c]!) : t;
  };
  let out = start > 0 ? ellipsis : '';
  let at = start;
  for (const [s, e] of marks) {
    if (s < start || e > end) continue;
    out += piece(at, s) + before + piece(s, e) + after;
    at = e;
  }
  out += piece(at, end);
  if (end < text.length) out += ellipsis;
  return out;
}
