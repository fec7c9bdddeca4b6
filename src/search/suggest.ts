/**
 * Suggestions for a search box: completions of the word being typed, ranked by how many
 * documents hold them, and a did-you-mean correction of words the index does not know.
 *
 * ```ts
 * index.suggest('نتائج الانتخ');   // [{ text: 'نتائج الانتخابات', word: 'الانتخابات', documents: 812 }, …]
 * index.didYouMean('الانتخابت');    // 'الانتخابات'
 * ```
 *
 * Completions: the last word of the input, normalized, is matched as a prefix against the words'
 * exact forms (after its proclitics: `والانتخ` completes to `والانتخابات`), the `limit` forms held
 * by the most documents first (removed documents count until the next vacuum). The typed part is
 * kept as typed; the completion is shown with the letters a stored document spells it with
 * (`مسؤول`, `الرياضية`; harakat and tatweel left out) when one of the first documents holding it
 * has it in a stored field, else in normalized spelling (`مسءول`, `الرياضيه`).
 *
 * Did-you-mean: each word of the query whose stem no document holds is replaced by the closest
 * known word: a hamza spelling first, else the cheapest typo correction within the word's edit
 * budget (`'auto'`, at least one edit from 3 letters; ties: more documents), with its typed
 * proclitics kept. Returns undefined when no word needed or found a correction.
 * @module
 */
import { MAX_WORD_LENGTH } from '../analysis/analyzer.js';
import { normalize } from '../analysis/normalize.js';
import { FahrasError } from '../errors.js';
import { DEFAULT_MAX_QUERY_TERMS, checkKnownKeys, checkNumber } from '../options.js';
import { tokenize } from '../analysis/tokenize.js';
import { Channel, PostingCursor } from '../index/postings.js';
import type { Postings } from '../index/postings.js';
import type { QueryContext } from './compile.js';
import { ARABIC_EDIT_COSTS, EDIT, fuzzyBudget } from './edits.js';
import { hamzaVariants, prefixCandidates } from './expand.js';
import { parseLenient } from './parser.js';
import type { AnalyzerGroup } from './plan.js';

/** One completion. */
export interface Suggestion {
  /** The whole input with its last word completed. */
  readonly text: string;
  /** The completed word (typed clitics included). */
  readonly word: string;
  /** Documents holding the word's exact form. */
  readonly documents: number;
}

/** Options of `suggest`. */
export interface SuggestOptions {
  /** Most completions, an integer in [1, 100]. Default 10. */
  limit?: number;
}

/** Default {@link SuggestOptions.limit}. */
export const DEFAULT_SUGGEST_LIMIT = 10;
/** Documents looked at for a word's stored spelling. */
const SPELLING_SAMPLES = 3;

/** What suggestions read from the index. */
export interface SuggestIndex {
  /** The query context (dictionary, analyzers, lookup). */
  readonly query: QueryContext;
  /** The postings. */
  readonly postings: Postings;
  /** Tombstones of removed documents. */
  readonly removed: Uint8Array;
  /** Stored fields of a document. */
  storedFields(doc: number): Readonly<Record<string, unknown>> | undefined;
  /** The analyzer group of each field. */
  readonly fieldGroups: readonly AnalyzerGroup[];
}

/** The typed start of `word` that normalizes to the first `length` characters of its normalized form. */
function typedPrefix(word: string, length: number, group: AnalyzerGroup): string {
  if (length <= 0) return '';
  const { text, map } = normalize(word, group.analyzer.config.normalize);
  return length < text.length ? word.slice(0, map[length]!) : word;
}

/**
 * The spelling of exact form `id` in a stored field of one of the first documents holding it, or
 * its normalized text.
 */
function displayForm(index: SuggestIndex, id: number): string {
  const term = index.query.termText(id);
  const cursor = new PostingCursor(index.query.fieldCount);
  cursor.reset(index.postings, id, Channel.Exact);
  const names = index.query.fieldNames;
  let seen = 0;
  while (seen < SPELLING_SAMPLES && cursor.next()) {
    const d = cursor.doc;
    if (index.removed[d] === 1) continue;
    seen++;
    const stored = index.storedFields(d);
    if (stored === undefined) continue;
    for (let f = 0; f < names.length; f++) {
      if ((cursor.fieldMask & (1 << f)) === 0) continue;
      const value = stored[names[f]!];
      if (typeof value !== 'string') continue;
      const group = index.fieldGroups[f]!;
      let found: string | undefined;
      group.analyzer.run(value, (t, surface, start, end) => {
        if (found !== undefined || group.exactForm(t, surface) !== term || !surface.endsWith(term)) return;
        const word = value.slice(start, end);
        const { text, map } = normalize(word, group.analyzer.config.normalize);
        if (text !== surface) return;
        // The written letters of the term's part, without the marks normalization drops.
        let out = '';
        let previous = -1;
        for (let i = text.length - term.length; i < text.length; i++) {
          const at = map[i]!;
          if (at !== previous) out += word[at]!;
          previous = at;
        }
        found = out;
      });
      if (found !== undefined) return found;
    }
  }
  return term;
}

/**
 * Completions of the last word of `input` (see the module documentation). Throws `INVALID_INPUT`
 * when `input` is not a string, `UNKNOWN_OPTION` / `INVALID_OPTION` for bad options.
 */
export function suggest(input: string, index: SuggestIndex, options: SuggestOptions = {}): Suggestion[] {
  if (typeof input !== 'string') throw new FahrasError('INVALID_INPUT', 'suggest expects the typed text as a string');
  if (typeof options !== 'object' || options === null) throw new FahrasError('INVALID_OPTION', 'suggest options must be an object', { option: 'options' });
  checkKnownKeys(options as Record<string, unknown>, ['limit'], '');
  const limit = checkNumber(options.limit, 'limit', 1, 100, true) ?? DEFAULT_SUGGEST_LIMIT;
  const raw = tokenize(input);
  const last = raw[raw.length - 1];
  if (last === undefined || last.end !== input.length) return [];
  const ctx = index.query;
  // Completion (typed clitic length, exact form id) → documents.
  const found = new Map<number, { id: number; documents: number; clitic: string }>();
  for (const group of ctx.groups) {
    const surface = group.analyzer.normalizeWord(last.word);
    if (surface.length === 0) continue;
    for (const p of prefixCandidates(surface, group.analyzer, 0)) {
      const clitic = typedPrefix(last.word, surface.length - p.length, group);
      ctx.termLookup().forEachPrefix(p, (id) => {
        const documents = ctx.docFrequency(id, Channel.Exact);
        if (documents === 0) return;
        const had = found.get(id);
        if (had === undefined || clitic.length > had.clitic.length) found.set(id, { id, documents, clitic });
      });
    }
  }
  const list = [...found.values()].sort((a, b) => b.documents - a.documents || ctx.termLength(a.id) - ctx.termLength(b.id) || a.id - b.id);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    if (out.length >= limit) break;
    const word = s.clitic + displayForm(index, s.id);
    if (seen.has(word)) continue;
    seen.add(word);
    out.push({ text: input.slice(0, last.start) + word, word, documents: s.documents });
  }
  return out;
}

/**
 * The correction of `query`, or undefined (see the module documentation). Throws
 * `INVALID_QUERY` when `query` is not a string.
 */
export function didYouMean(query: string, index: SuggestIndex): string | undefined {
  if (typeof query !== 'string') throw new FahrasError('INVALID_QUERY', 'didYouMean expects the query as a string');
  const edits: { start: number; end: number; text: string }[] = [];
  // Bounded like search: a word too long to be indexed is left alone (the fuzzy walk is quadratic
  // in its length), and only the first DEFAULT_MAX_QUERY_TERMS words are looked at.
  let words = 0;
  scan: for (const clause of parseLenient(query).clauses) {
    if (clause.occur === 'not') continue;
    for (const unit of clause.units) {
      for (const token of tokenize(unit.text)) {
        if (token.word.length > MAX_WORD_LENGTH) continue;
        if (++words > DEFAULT_MAX_QUERY_TERMS) break scan;
        const correction = correct(token.word, index);
        if (correction !== undefined) edits.push({ start: unit.start + token.start, end: unit.start + token.end, text: correction });
      }
    }
  }
  if (edits.length === 0) return undefined;
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += query.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + query.slice(at);
}

/** A correction of one written word, or undefined when it is known or nothing is close. */
function correct(word: string, index: SuggestIndex): string | undefined {
  const ctx = index.query;
  let best: { id: number; cost: number; documents: number; clitic: string } | undefined;
  for (const group of ctx.groups) {
    const surface = group.analyzer.normalizeWord(word);
    if (surface.length === 0 || group.analyzer.isStopword(surface)) return undefined;
    const term = group.analyzer.stemWord(surface);
    const stem = ctx.lookup(term);
    if (stem >= 0 && ctx.docFrequency(stem, Channel.Stem) > 0) return undefined;
    const exactForm = group.exactForm(term, surface);
    const clitic = surface.endsWith(exactForm) ? typedPrefix(word, surface.length - exactForm.length, group) : '';
    const consider = (id: number, cost: number): void => {
      if (cost === 0) return;
      const documents = ctx.docFrequency(id, Channel.Exact);
      if (documents === 0) return;
      if (best === undefined || cost < best.cost || (cost === best.cost && documents > best.documents)) best = { id, cost, documents, clitic };
    };
    for (const variant of hamzaVariants(exactForm)) {
      const id = ctx.lookup(variant);
      if (id >= 0) consider(id, 1);
    }
    if (best !== undefined) continue;
    const budget = Math.max(fuzzyBudget(exactForm.length, 'auto'), exactForm.length >= 3 ? EDIT : 0);
    if (budget > 0) ctx.termLookup().fuzzy(exactForm, budget, ARABIC_EDIT_COSTS, (id, cost) => consider(id, cost));
  }
  if (best === undefined) return undefined;
  return best.clitic + displayForm(index, best.id);
}
