/**
 * Highlighting: where a hit's stored text holds the words the query matched, as ranges into the
 * ORIGINAL text, each covering a whole word with its clitics, diacritics and tatweel.
 *
 * ```ts
 * const hits = index.search('كتاب', { highlight: true });
 * hits[0].highlights?.title;   // [[11, 22, 'كتاب']]: all of «وَالكِتَابُ», marks and و+ال included
 * ```
 *
 * How: the stored field text is analyzed again with the field's own analyzer (tokens carry
 * offsets into the original text); a token is highlighted when its stem is one the query matched
 * by stem, or its exact form one the query matched (its own exact form, prefix and typo
 * expansions, hamza spellings); a phrase's words are highlighted where they stand in order.
 * Excluded (`-`) words are never highlighted. Only stored string fields can be highlighted.
 *
 * Invariants (tested): ranges lie inside the text, are sorted, never overlap, and start and end
 * on word boundaries (a range is exactly one analyzed word).
 * @module
 */
import type { FieldHighlight } from './compile.js';
import type { AnalyzerGroup } from './plan.js';

/**
 * One highlighted word: `[start, end)` offsets (UTF-16 code units) into the original field text,
 * and the query word it matched (as written in the query; `"…"` for a phrase, `a OR b` words
 * individually).
 */
export type HighlightRange = readonly [start: number, end: number, word: string];

/** Ranges of the words of `text` that match `terms`, analyzed by `group`'s analyzer. */
export function highlightText(text: string, group: AnalyzerGroup, terms: FieldHighlight): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  const phrases = terms.phrases;
  // Tokens, for phrases: position, stem, offsets (a word with synonyms gives several).
  const positions: number[] = [];
  const stems: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastStart = -1;
  group.analyzer.run(text, (term, surface, start, end, position) => {
    if (phrases.length > 0) {
      positions.push(position);
      stems.push(term);
      starts.push(start);
      ends.push(end);
    }
    if (start === lastStart) return;
    const label = terms.stems.get(term) ?? terms.exacts.get(group.exactForm(term, surface));
    if (label !== undefined) {
      ranges.push([start, end, label]);
      lastStart = start;
    }
  });
  for (const phrase of phrases) {
    const k = phrase.stems.length;
    for (let i = 0; i < stems.length; i++) {
      if (stems[i] !== phrase.stems[0]) continue;
      const at: number[] = [i];
      let x = i;
      for (let w = 1; w < k; w++) {
        const want = positions[i]! + phrase.offsets[w]!;
        while (x < positions.length && positions[x]! < want) x++;
        let y = x;
        while (y < positions.length && positions[y] === want && stems[y] !== phrase.stems[w]) y++;
        if (y >= positions.length || positions[y] !== want) break;
        at.push(y);
      }
      if (at.length === k) for (const t of at) ranges.push([starts[t]!, ends[t]!, phrase.label]);
    }
  }
  if (phrases.length === 0) return ranges;
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges.filter((r, i) => i === 0 || r[0] !== ranges[i - 1]![0]);
}

/**
 * The highlights of one hit: for each field number in `fields` whose stored value is a string,
 * its ranges (possibly none), keyed by field name.
 */
export function highlightStored(
  stored: Readonly<Record<string, unknown>>,
  fields: readonly number[],
  names: readonly string[],
  groups: readonly AnalyzerGroup[],
  highlight: readonly (FieldHighlight | undefined)[],
): Record<string, HighlightRange[]> {
  const out: Record<string, HighlightRange[]> = {};
  for (const f of fields) {
    const name = names[f]!;
    const value = stored[name];
    if (typeof value !== 'string') continue;
    const terms = highlight[f];
    out[name] = terms === undefined ? [] : highlightText(value, groups[f]!, terms);
  }
  return out;
}
