/**
 * Turns a query string into a {@link QueryPlan} for the executor, and the terms to highlight:
 * parses it leniently (`parser.ts`), analyzes every word and phrase with each field's analyzer,
 * and adds the prefix, typo and spelling expansions the options ask for (`expand.ts`).
 *
 * ```ts
 * const { plan, highlight } = compileQuery('"وزير الخارجية" +تونس -رياضة', context, { prefix: 'last', fuzzy: 0, maxExpansions: 50 });
 * ```
 *
 * Each clause of the parse becomes plan clauses:
 * - a clause holding one word unit gives one clause per analyzed word (`وزير الخارجية` unquoted
 *   is two optional clauses), each scoring the word's stem (weight 1) and exact form (weight
 *   `exactBoost`); repeated words count once;
 * - a clause of several units (`OR`, a group) gives one clause matching any of them, labelled
 *   `a OR b`;
 * - a phrase gives a phrase source over its words' stems and positions (see `sources.ts`); a
 *   phrase of one word is that word;
 * - `field:` limits the unit to that indexed field; a name that is not an indexed field is read
 *   as text (`http://…`).
 *
 * Expansions (never for an excluded clause or inside a phrase):
 * - spelling, always on: a word whose stem no document holds is looked up again in each of its
 *   hamza spellings ({@link hamzaVariants}), the ones found scoring at {@link SPELLING_WEIGHT};
 * - prefix (`prefix: true`, or `'last'` for the last word when the query does not end with a
 *   space): the exact forms starting with the word ({@link prefixCandidates}); a last word that is
 *   a stopword (في، من) is still completed;
 * - compounds, with `variants` (`compounds.ts`): a word also as the phrase of two halves the index
 *   holds next to each other (فيسبوك → "فيس بوك"), weighted by {@link splitWeight}; and two
 *   adjacent words of single-word clauses (same scope, only whitespace between) also as the word
 *   they make together (وست هام → وستهام), blended into both words' own pseudo-terms at
 *   {@link COMPOUND_WEIGHT};
 * - fuzzy: the exact forms within the word's edit budget (`edits.ts`); with `fuzzy: 'unknown'` (the
 *   default) only for a word that no live document matched by the above: its stem, a variant, a
 *   completion or a split (`'auto'` budget).
 * @module
 */
import { tokenize } from '../analysis/tokenize.js';
import type { TermLookup } from '../index/fuzzy.js';
import { Channel } from '../index/postings.js';
import { fuzzyBudget } from './edits.js';
import { CLITIC_WEIGHT, cliticVariants } from './clitics.js';
import { FUZZY_WEIGHT, PREFIX_WEIGHT, SPELLING_WEIGHT, expandFuzzy, expandPrefix, hamzaVariants, prefixCandidates } from './expand.js';
import type { ExpansionIndex } from './expand.js';
import { parseLenient } from './parser.js';
import type { QueryOccur, QueryUnit } from './parser.js';
import type { AnalyzerGroup, Clause, PlanContext, PlanSource, QueryPlan } from './plan.js';
import type { ExpandedSource } from './sources.js';
import { GenerationCache } from './cache.js';
import { COMPOUND_WEIGHT, bestSplit, commonEnough, joinedTerm, splitWeight, withAlternatives } from './compounds.js';
import type { CompoundIndex, LiveCounts, OwnDocuments } from './compounds.js';

/** What compiling reads from the index, beyond {@link PlanContext}. */
export interface QueryContext extends PlanContext {
  /** Indexed field names, in field order. */
  readonly fieldNames: readonly string[];
  /** Documents holding `term` in `channel` (removed ones included until a vacuum). */
  docFrequency(term: number, channel: Channel): number;
  /** The prefix / fuzzy lookup (built on first use). */
  termLookup(): TermLookup;
  /** Length of term `id`. */
  termLength(id: number): number;
  /** The text of term `id`. */
  termText(id: number): string;
  /** A cache of compiled query words ({@link createWordCache}); none: every word is compiled anew. */
  readonly wordCache?: WordCache;
  /** The index's generation: a number that changes whenever documents are added or removed. */
  generation?(): number;
  /**
   * Live document counts (`compounds.ts`): whether a word is known, how common a split or joined
   * spelling is, counted over live documents only. None: split and joined spellings are not
   * looked up, and a word counts as known when its stem has postings.
   */
  readonly live?: LiveCounts;
}

/**
 * A query word compiled once: its plan sources, its key (repeated words count once), and the
 * highlight terms it noted (`fields[i]`, `exact[i]` stem or exact form, `texts[i]`), replayed
 * with the word's label.
 */
export interface CompiledWord {
  /** Plan sources; shared, never modified. */
  readonly sources: readonly PlanSource[];
  /** Identity of the word's analysis and scope. */
  readonly key: string;
  /** Field of each highlight note. */
  readonly fields: readonly number[];
  /** Whether each note is an exact form (else a stem). */
  readonly exact: readonly boolean[];
  /** Term text of each note. */
  readonly texts: readonly string[];
  /** Phrases to highlight (a split spelling): field and stems. */
  readonly phrases?: readonly (readonly [number, readonly string[]])[];
}

/** Cache of compiled query words, valid for one index generation. */
export type WordCache = GenerationCache<CompiledWord>;

/**
 * A cache for {@link QueryContext.wordCache}: the index's recent query words, compiled (clitic and
 * hamza variants looked up, prefix and typo expansions found). An index keeps one and states its
 * generation; the cache empties itself when the generation changes.
 */
export function createWordCache(capacity?: number): WordCache {
  return new GenerationCache<CompiledWord>(capacity);
}

/** The query-feature options of one search. */
export interface CompileOptions {
  /** Complete every word (`true`), the last one (`'last'`) or none (`false`). */
  readonly prefix: boolean | 'last';
  /**
   * Edit budget: a number of edits, `'auto'` by word length, or `'unknown'`: `'auto'` for the
   * words nothing else matched.
   */
  readonly fuzzy: number | 'auto' | 'unknown';
  /** Cap on the terms one word expands to, per kind. */
  readonly maxExpansions: number;
  /** Look up other written forms of each word: hamza spellings, clitic variants. */
  readonly variants: boolean;
  /**
   * Most query units looked up and expanded (a word, also inside an OR group, or a phrase);
   * the rest of the query is ignored. Default: no limit.
   */
  readonly maxQueryTerms?: number;
  /**
   * The fields the caller will highlight. When the property is present and `undefined`, nothing
   * is highlighted and the compiled `highlight` stays empty (cheaper); when absent, every field's
   * terms are collected.
   */
  readonly highlight?: readonly number[] | undefined;
}

/** A phrase to highlight: stems in order at position offsets. */
export interface PhrasePattern {
  /** The phrase's stems. */
  readonly stems: readonly string[];
  /** Position of each word after the first's. */
  readonly offsets: readonly number[];
  /** The clause label. */
  readonly label: string;
}

/** What to highlight in one field: matched stems and exact forms (→ the query word), phrases. */
export interface FieldHighlight {
  /** Stem → label of the query word it matched. */
  readonly stems: Map<string, string>;
  /** Exact form → label. */
  readonly exacts: Map<string, string>;
  /** Phrases. */
  readonly phrases: PhrasePattern[];
}

/** A compiled query. */
export interface CompiledQuery {
  /** The plan to execute. */
  readonly plan: QueryPlan;
  /** Per field number, what to highlight (undefined: nothing in that field). */
  readonly highlight: (FieldHighlight | undefined)[];
}

/** One analyzed query word: per analyzer group, its surface and terms. */
interface QueryWordForms {
  label: string;
  start: number;
  prefix: boolean;
  /** Per group index: normalized surface and the analyzer's terms ([] for a completed stopword). */
  forms: Map<number, { surface: string; terms: string[] }>;
}

class Compiler {
  private readonly F: number;
  readonly highlight: (FieldHighlight | undefined)[];
  private readonly expansion: ExpansionIndex;
  /** Whether highlight terms are collected. */
  private readonly highlighting: boolean;
  /** The notes of the word being compiled for the cache (see {@link CompiledWord}), if any. */
  private notes: { fields: number[]; exact: boolean[]; texts: string[]; phrases?: [number, string[]][] } | undefined;
  /** Split and joined spellings' view of the index (undefined: not looked up). */
  private readonly compounds: CompoundIndex | undefined;
  /** The index's generation at compile time (NaN: unknown; the live counts then cache nothing). */
  private readonly generation: number;
  /** Written forms whose stem the index holds, read by {@link Compiler.stemFrequency}: form → stem and its id. */
  private readonly stemmed = new Map<string, { term: string; stem: number }>();
  /** Per analyzer group, its {@link Compiler.writtenTest} once made. */
  private readonly writtenTests: ((part: string) => boolean)[] = [];

  constructor(
    private readonly query: string,
    private readonly ctx: QueryContext,
    private readonly options: CompileOptions,
  ) {
    this.F = ctx.fieldCount;
    this.highlight = new Array<FieldHighlight | undefined>(this.F).fill(undefined);
    this.highlighting = !('highlight' in options) || options.highlight !== undefined;
    const generation = (this.generation = ctx.generation?.() ?? Number.NaN);
    const view = new IndexView(ctx, generation);
    this.expansion = view;
    this.compounds = ctx.live === undefined || !options.variants ? undefined : view;
  }

  private fieldHighlight(f: number): FieldHighlight {
    let h = this.highlight[f];
    if (h === undefined) {
      h = { stems: new Map(), exacts: new Map(), phrases: [] };
      this.highlight[f] = h;
    }
    return h;
  }

  /** Highlight `text` (a stem, or an exact form) in field `f` as the query word `label`. */
  private note(f: number, exact: boolean, text: string, label: string): void {
    if (this.notes !== undefined) {
      this.notes.fields.push(f);
      this.notes.exact.push(exact);
      this.notes.texts.push(text);
    }
    if (!this.highlighting) return;
    const h = this.fieldHighlight(f);
    (exact ? h.exacts : h.stems).set(text, label);
  }

  /** Highlight the stems `stems` where they stand next to each other in field `f`. */
  private notePhrase(f: number, stems: string[], label: string): void {
    if (this.notes !== undefined) (this.notes.phrases ??= []).push([f, stems]);
    if (this.highlighting) this.fieldHighlight(f).phrases.push({ stems, offsets: stems.map((_, i) => i), label });
  }

  /**
   * Sources of one query word (and its highlight terms when `highlight`), from the index's word
   * cache when it holds them: they depend only on the word's analysis, the scope, how the word
   * takes part, the options and the index's state (its generation).
   */
  private wordSources(word: QueryWordForms, scope: number, occur: QueryOccur, expand = true): { sources: readonly PlanSource[]; key: string } {
    const { ctx, options } = this;
    const cache = ctx.wordCache;
    const generation = ctx.generation?.();
    if (cache === undefined || generation === undefined) return this.buildWordSources(word, scope, occur, expand);
    const prefix = options.prefix === true || word.prefix;
    let id = `${scope}\u0001${occur === 'not' ? 1 : 0}${expand ? 1 : 0}${prefix ? 1 : 0}${options.variants ? 1 : 0}\u0001${options.fuzzy}\u0001${options.maxExpansions}`;
    for (const [g, form] of word.forms) id += `\u0002${g}\u0001${form.surface}\u0001${form.terms.join('\u0001')}`;
    const label = word.label;
    const hit = cache.get(id, generation);
    if (hit !== undefined) {
      if (this.highlighting) {
        for (let i = 0; i < hit.fields.length; i++) this.note(hit.fields[i]!, hit.exact[i]!, hit.texts[i]!, label);
        if (hit.phrases !== undefined) for (const [f, stems] of hit.phrases) this.notePhrase(f, [...stems], label);
      }
      return hit;
    }
    const notes: NonNullable<Compiler['notes']> = { fields: [], exact: [], texts: [] };
    this.notes = notes;
    try {
      const built = this.buildWordSources(word, scope, occur, expand);
      cache.set(id, { sources: built.sources, key: built.key, ...notes }, generation);
      return built;
    } finally {
      this.notes = undefined;
    }
  }

  /** Field number of a scope, -1 for none, undefined when the name is not an indexed field. */
  private scopeOf(unit: QueryUnit): number | undefined {
    if (unit.field === undefined) return -1;
    const f = this.ctx.fieldNames.indexOf(unit.field);
    return f < 0 ? undefined : f;
  }

  /** The group's fields within the scope (the group's own list when there is no scope; never modified). */
  private fieldsOf(group: AnalyzerGroup, scope: number): readonly number[] {
    return scope < 0 ? group.fields : group.fields.filter((f) => f === scope);
  }

  /** Analyze a word unit's text into query words. */
  private words(text: string, offset: number, prefixLast: boolean): QueryWordForms[] {
    const byStart = new Map<number, QueryWordForms>();
    this.ctx.groups.forEach((group, g) => {
      group.analyzer.run(text, (term, surface, start, end) => {
        let word = byStart.get(start);
        if (word === undefined) {
          word = { label: text.slice(start, end), start, prefix: false, forms: new Map() };
          byStart.set(start, word);
        }
        const form = word.forms.get(g);
        if (form === undefined) word.forms.set(g, { surface, terms: [term] });
        else if (!form.terms.includes(term)) form.terms.push(term);
      });
    });
    if (prefixLast) {
      const raw = tokenize(text);
      const last = raw[raw.length - 1];
      if (last !== undefined && last.end === text.length) {
        let word = byStart.get(last.start);
        if (word === undefined) {
          // A stopword (or a word every analyzer drops) typed last: complete it all the same.
          word = { label: last.word, start: last.start, prefix: true, forms: new Map() };
          this.ctx.groups.forEach((group, g) => {
            const surface = group.analyzer.normalizeWord(last.word);
            if (surface.length > 0) word!.forms.set(g, { surface, terms: [] });
          });
          if (word.forms.size > 0) byStart.set(last.start, word);
        }
        word.prefix = true;
      }
    }
    return [...byStart.values()].sort((a, b) => a.start - b.start).map((w) => ({ ...w, start: w.start + offset }));
  }

  /** Sources of one query word (and its highlight terms when `highlight`), computed. */
  private buildWordSources(word: QueryWordForms, scope: number, occur: QueryOccur, expand: boolean): { sources: PlanSource[]; key: string } {
    const { F, ctx, options } = this;
    const highlight = occur !== 'not';
    const sources: PlanSource[] = [];
    const stemIds: Int32Array[] = [];
    const exactIds: Int32Array[] = [];
    const baseExacts = new Set<number>();
    let known = false;
    let hasTerms = false;
    let key = `${scope}`;
    for (const [g, form] of word.forms) {
      const group = ctx.groups[g]!;
      const fields = this.fieldsOf(group, scope);
      if (fields.length === 0) continue;
      form.terms.forEach((term, t) => {
        hasTerms = true;
        const exactForm = group.exactForm(term, form.surface);
        const stem = ctx.lookup(term);
        const exact = ctx.lookup(exactForm);
        if (stem >= 0 && this.holds(stem, Channel.Stem)) known = true;
        if (exact >= 0) baseExacts.add(exact);
        while (stemIds.length <= t) {
          stemIds.push(new Int32Array(F).fill(-1));
          exactIds.push(new Int32Array(F).fill(-1));
        }
        for (const f of fields) {
          stemIds[t]![f] = stem;
          exactIds[t]![f] = exact;
          if (highlight) {
            this.note(f, false, term, word.label);
            this.note(f, true, exactForm, word.label);
          }
        }
        key += `\u0000${g}\u0000${term}\u0000${exactForm}`;
      });
    }
    // Clitics: the word with a bare proclitic added or removed, as the index supports (clitics.ts),
    // blended with the word's own terms into one pseudo-term per channel (one document frequency
    // for all the forms, so a rare clitic form does not outweigh the word itself).
    const clitics = hasTerms && expand && occur !== 'not' && options.variants
      ? this.variantTerms(word, scope, highlight, (surface, group) => cliticVariants(surface, (form) => this.stemFrequency(group, form)))
      : undefined;
    if (clitics !== undefined && clitics.stems.size > 0) {
      sources.push(blend(Channel.Stem, 1, stemIds, clitics.stems));
      sources.push(blend(Channel.Exact, ctx.exactBoost, exactIds, clitics.exacts));
    } else {
      for (let t = 0; t < stemIds.length; t++) {
        sources.push({ kind: 'term', termIds: stemIds[t]!, channel: Channel.Stem, weight: 1 });
        sources.push({ kind: 'term', termIds: exactIds[t]!, channel: Channel.Exact, weight: ctx.exactBoost });
      }
    }
    if (occur === 'not' || !expand) return { sources, key };

    // Whether a live document matched the word so far (else `fuzzy: 'unknown'` corrects it).
    let matched = known || (clitics !== undefined && this.holdsAny(clitics.stems));
    // Spelling: hamza variants of a word no document holds.
    if (hasTerms && !known && options.variants) {
      const spelling = this.variantTerms(word, scope, highlight, hamzaVariants);
      if (spelling.stems.size > 0) sources.push(expanded(Channel.Stem, SPELLING_WEIGHT, spelling.stems, undefined));
      if (spelling.exacts.size > 0) sources.push(expanded(Channel.Exact, SPELLING_WEIGHT * ctx.exactBoost, spelling.exacts, undefined));
      if (!matched && this.holdsAny(spelling.stems)) matched = true;
    }
    // Compounds: the word written as two words.
    if (hasTerms && this.splitSources(word, scope, highlight, sources)) matched = true;

    const prefix = options.prefix === true || word.prefix;
    // The exact forms a typo expansion leaves out: the word's own, and its completions.
    let taken: ReadonlySet<number> = baseExacts;
    if (prefix) {
      const masks = new Map<number, number>();
      const weights = new Map<number, number>();
      for (const [g, form] of word.forms) {
        const group = ctx.groups[g]!;
        const fields = this.fieldsOf(group, scope);
        if (fields.length === 0) continue;
        const found = expandPrefix(prefixCandidates(form.surface, group.analyzer), baseExacts, this.expansion, options.maxExpansions);
        this.addExpansion(found, fields, masks, weights, word.label, highlight);
      }
      if (masks.size > 0) {
        taken = new Set([...baseExacts, ...masks.keys()]);
        sources.push(expanded(Channel.Exact, PREFIX_WEIGHT, masks, weights));
        if (!matched && this.holdsAny(masks, Channel.Exact)) matched = true;
      }
      key += '\u0000prefix';
    }

    const fuzzy = options.fuzzy === 'unknown' ? (matched ? 0 : 'auto') : options.fuzzy;
    if (fuzzy !== 0 && hasTerms) {
      const masks = new Map<number, number>();
      const weights = new Map<number, number>();
      for (const [g, form] of word.forms) {
        const group = ctx.groups[g]!;
        const fields = this.fieldsOf(group, scope);
        if (fields.length === 0) continue;
        const exactForm = group.exactForm(form.terms[0]!, form.surface);
        const budget = fuzzyBudget(exactForm.length, fuzzy);
        const found = expandFuzzy(exactForm, budget, taken, this.expansion, options.maxExpansions);
        this.addExpansion(found, fields, masks, weights, word.label, highlight);
      }
      if (masks.size > 0) sources.push(expanded(Channel.Exact, FUZZY_WEIGHT, masks, weights));
    }
    return { sources, key };
  }

  /** Whether a live document holds term `id` in `channel` (with no live counts: whether it has postings). */
  private holds(id: number, channel: Channel): boolean {
    const live = this.ctx.live;
    return live === undefined ? this.ctx.docFrequency(id, channel) > 0 : live.holds(id, channel, this.generation);
  }

  /** Whether a live document holds one of the terms (keys of `ids`) in `channel`. */
  private holdsAny(ids: ReadonlyMap<number, number>, channel: Channel = Channel.Stem): boolean {
    for (const id of ids.keys()) if (this.holds(id, channel)) return true;
    return false;
  }

  /**
   * Whether the index holds a NORMALIZED word as an exact form in group `g` (a split's cheap first
   * test of its halves, see `bestSplit`); one test per group and compile.
   */
  private writtenTest(g: number): (part: string) => boolean {
    return (this.writtenTests[g] ??= writtenTest(this.ctx, this.ctx.groups[g]!));
  }

  /**
   * Add to `sources` the word written as two words (`compounds.ts`), per analyzer group, as a
   * phrase of the two halves' stems weighted by {@link splitWeight}; true when one was found.
   */
  private splitSources(word: QueryWordForms, scope: number, highlight: boolean, sources: PlanSource[]): boolean {
    const { ctx, compounds, generation } = this;
    const live = ctx.live;
    if (compounds === undefined || live === undefined) return false;
    let found = false;
    for (const [g, form] of word.forms) {
      const group = ctx.groups[g]!;
      const fields = this.fieldsOf(group, scope);
      if (fields.length === 0 || form.terms.length === 0) continue;
      let mask = 0;
      for (const f of fields) mask |= 1 << f;
      const own = new OwnCount(form.terms, ctx, live, generation);
      const split = bestSplit(form.surface, group.analyzer, mask, own, compounds, this.writtenTest(g));
      if (split === undefined) continue;
      const words = split.ids.map((id) => {
        const ids = new Int32Array(this.F).fill(-1);
        for (const f of fields) ids[f] = id;
        return ids;
      });
      sources.push({ kind: 'phrase', weight: splitWeight(own.count(), split.documents, live.documents), words, offsets: Int32Array.of(0, 1) });
      if (highlight) for (const f of fields) this.notePhrase(f, [...split.terms], word.label);
      found = true;
    }
    return found;
  }

  /**
   * The word two adjacent query words make together (`compounds.ts`): its stem and exact form
   * (id → field bits) per analyzer group where the index holds its stem and it is about as common
   * as the two words side by side; undefined when there is none. Notes its highlight terms.
   */
  private joined(a: QueryWordForms, b: QueryWordForms, scope: number): { stems: Map<number, number>; exacts: Map<number, number> } | undefined {
    const { ctx, compounds } = this;
    if (compounds === undefined) return undefined;
    let found: { stems: Map<number, number>; exacts: Map<number, number> } | undefined;
    for (const [g, first] of a.forms) {
      const second = b.forms.get(g);
      if (second === undefined || first.terms.length === 0 || second.terms.length === 0) continue;
      const group = ctx.groups[g]!;
      const fields = this.fieldsOf(group, scope);
      if (fields.length === 0) continue;
      const joined = joinedTerm(first.surface, second.surface, group.analyzer);
      if (joined === undefined) continue;
      const stem = ctx.lookup(joined.term);
      if (stem < 0 || ctx.docFrequency(stem, Channel.Stem) === 0) continue;
      const together = ctx.live!.stem(stem, this.generation);
      if (together === 0) continue;
      let mask = 0;
      for (const f of fields) mask |= 1 << f;
      const left = ctx.lookup(first.terms[0]!);
      const right = ctx.lookup(second.terms[0]!);
      const apart = left < 0 || right < 0 ? 0 : compounds.phraseDocuments(left, right, mask);
      if (!commonEnough(together, apart)) continue;
      found ??= { stems: new Map(), exacts: new Map() };
      found.stems.set(stem, (found.stems.get(stem) ?? 0) | mask);
      const exactForm = group.exactForm(joined.term, joined.surface);
      const exact = ctx.lookup(exactForm);
      if (exact >= 0 && ctx.docFrequency(exact, Channel.Exact) > 0) found.exacts.set(exact, (found.exacts.get(exact) ?? 0) | mask);
      for (const f of fields) {
        for (const word of [a, b]) {
          this.note(f, false, joined.term, word.label);
          this.note(f, true, exactForm, word.label);
        }
      }
    }
    return found;
  }

  /**
   * Documents holding the stem of a NORMALIZED written form (0 for a stopword or an unknown stem).
   * A form whose stem is held is remembered until the next {@link Compiler.variantTerms} group
   * (`stemmed`), so a variant found this way is not stemmed and looked up again.
   */
  private stemFrequency(group: AnalyzerGroup, form: string): number {
    if (group.analyzer.isStopword(form)) return 0;
    const term = group.analyzer.stemWord(form);
    const stem = this.ctx.lookup(term);
    if (stem < 0) return 0;
    const df = this.ctx.docFrequency(stem, Channel.Stem);
    if (df > 0) this.stemmed.set(form, { term, stem });
    return df;
  }

  /**
   * Other written forms of a word (hamza spellings, clitic variants): the stems the index holds
   * and their exact forms, each id → the bits of the fields it is read in.
   */
  private variantTerms(word: QueryWordForms, scope: number, highlight: boolean, variants: (surface: string, group: AnalyzerGroup) => string[]): { stems: Map<number, number>; exacts: Map<number, number> } {
    const ctx = this.ctx;
    const stems = new Map<number, number>();
    const exacts = new Map<number, number>();
    const stemmed = this.stemmed;
    for (const [g, form] of word.forms) {
      const group = ctx.groups[g]!;
      const fields = this.fieldsOf(group, scope);
      if (fields.length === 0) continue;
      let mask = 0;
      for (const f of fields) mask |= 1 << f;
      stemmed.clear();
      for (const variant of variants(form.surface, group)) {
        // A variant whose stem frequency was read just now (clitics) is not stemmed again.
        let known = stemmed.get(variant);
        if (known === undefined) {
          if (group.analyzer.isStopword(variant)) continue;
          const term = group.analyzer.stemWord(variant);
          const id = ctx.lookup(term);
          if (id < 0 || ctx.docFrequency(id, Channel.Stem) === 0) continue;
          known = { term, stem: id };
        }
        const { term, stem } = known;
        if (form.terms.includes(term)) continue;
        stems.set(stem, (stems.get(stem) ?? 0) | mask);
        const exactForm = group.exactForm(term, variant);
        const exact = ctx.lookup(exactForm);
        if (exact >= 0 && ctx.docFrequency(exact, Channel.Exact) > 0) exacts.set(exact, (exacts.get(exact) ?? 0) | mask);
        if (highlight) {
          for (const f of fields) {
            this.note(f, false, term, word.label);
            this.note(f, true, exactForm, word.label);
          }
        }
      }
    }
    stemmed.clear();
    return { stems, exacts };
  }

  /** Merge one group's expansions (id → weight) into field masks and weights; note highlights. */
  private addExpansion(found: Map<number, number>, fields: readonly number[], masks: Map<number, number>, weights: Map<number, number>, label: string, highlight: boolean): void {
    let mask = 0;
    for (const f of fields) mask |= 1 << f;
    for (const [id, weight] of found) {
      masks.set(id, (masks.get(id) ?? 0) | mask);
      weights.set(id, Math.max(weights.get(id) ?? 0, weight));
      if (highlight && (this.highlighting || this.notes !== undefined)) {
        const text = this.ctx.termText(id);
        for (const f of fields) this.note(f, true, text, label);
      }
    }
  }

  /** Sources of a phrase unit; a one-word phrase is that word. */
  private phraseSources(text: string, offset: number, scope: number, occur: QueryOccur, label: string): PlanSource[] {
    const { F, ctx } = this;
    const sources: PlanSource[] = [];
    let single: QueryWordForms | undefined;
    ctx.groups.forEach((group) => {
      const fields = this.fieldsOf(group, scope);
      if (fields.length === 0) return;
      const terms: string[] = [];
      const positions: number[] = [];
      group.analyzer.run(text, (term, _surface, _start, _end, position) => {
        if (positions[positions.length - 1] === position) return;
        terms.push(term);
        positions.push(position);
      });
      if (terms.length === 0) return;
      if (terms.length === 1) {
        single ??= this.words(text, offset, false)[0];
        return;
      }
      const offsets = positions.map((p) => p - positions[0]!);
      const words = terms.map((term) => {
        const ids = new Int32Array(F).fill(-1);
        const id = ctx.lookup(term);
        for (const f of fields) ids[f] = id;
        return ids;
      });
      sources.push({ kind: 'phrase', weight: 1, words, offsets: Int32Array.from(offsets) });
      if (occur !== 'not' && this.highlighting) for (const f of fields) this.fieldHighlight(f).phrases.push({ stems: terms, offsets, label });
    });
    if (single !== undefined) sources.push(...this.wordSources({ ...single, label, prefix: false }, scope, occur, false).sources);
    return sources;
  }

  /**
   * Joined spellings: for each two consecutive single-word clauses of the same scope, with only
   * whitespace between their words, the word they make together is blended into both words' own
   * stem and exact-form sources ({@link withAlternatives}), at {@link COMPOUND_WEIGHT}: it counts
   * as an occurrence of each word, a little less than the word itself, with the words' own
   * document frequency (so a rare joined form cannot outweigh the words as typed).
   */
  private addJoins(clauses: Clause[], chain: readonly ({ clause: number; word: QueryWordForms; scope: number; occur: QueryOccur } | undefined)[]): void {
    if (this.compounds === undefined) return;
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1];
      const b = chain[i];
      if (a === undefined || b === undefined || a.scope !== b.scope) continue;
      const between = this.query.slice(a.word.start + a.word.label.length, b.word.start);
      if (!WHITESPACE.test(between)) continue;
      const joined = this.joined(a.word, b.word, a.scope);
      if (joined === undefined) continue;
      for (const c of [a.clause, b.clause]) clauses[c] = { ...clauses[c]!, sources: withJoined(clauses[c]!.sources, joined.stems, joined.exacts) };
    }
  }

  compile(): QueryPlan {
    const query = this.query;
    const parsed = parseLenient(query);
    const lastEnd = query.length;
    const trailingSpace = lastEnd > 0 && /\s/.test(query[lastEnd - 1]!);
    const clauses: Clause[] = [];
    const seen = new Set<string>();
    // Single-word clauses in query order, for joined spellings; undefined breaks the sequence.
    const chain: ({ clause: number; word: QueryWordForms; scope: number; occur: QueryOccur } | undefined)[] = [];
    // maxQueryTerms bounds the work before any expansion, so a pasted page costs what a question does.
    let budget = this.options.maxQueryTerms ?? Infinity;
    scan: for (const clause of parsed.clauses) {
      const occur = clause.occur;
      const single = clause.units.length === 1 ? clause.units[0]! : undefined;
      const sources: PlanSource[] = [];
      const labels: string[] = [];
      for (const unit of clause.units) {
        let scope = this.scopeOf(unit);
        let text = unit.text;
        let start = unit.start;
        if (scope === undefined) {
          // Not an indexed field: the whole `name:text` is text (a phrase just loses the scope).
          if (unit.kind === 'word') {
            start = unit.start - unit.field!.length - 1;
            text = query.slice(start, unit.end);
          }
          scope = -1;
        }
        if (budget <= 0) {
          if (single === undefined && sources.length > 0) clauses.push({ label: labels.join(' OR '), occur, sources });
          break scan;
        }
        if (unit.kind === 'phrase') {
          budget--;
          const label = `"${unit.text}"`;
          const phrase = this.phraseSources(text, start, scope, occur, label);
          if (phrase.length === 0) continue;
          chain.push(undefined);
          if (single !== undefined) clauses.push({ label, occur, sources: phrase });
          else {
            sources.push(...phrase);
            labels.push(label);
          }
          continue;
        }
        const prefixLast = occur !== 'not' && this.options.prefix !== false && !trailingSpace && unit.end === lastEnd;
        for (const word of this.words(text, start, prefixLast)) {
          if (budget <= 0) break;
          budget--;
          const built = this.wordSources(word, scope, occur);
          if (built.sources.length === 0) continue;
          if (single !== undefined) {
            const key = `${occur}\u0001${built.key}`;
            if (seen.has(key)) {
              chain.push(undefined);
              continue;
            }
            seen.add(key);
            chain.push(occur === 'not' ? undefined : { clause: clauses.length, word, scope, occur });
            clauses.push({ label: word.label, occur, sources: built.sources });
          } else {
            sources.push(...built.sources);
            labels.push(word.label);
          }
        }
      }
      if (single === undefined) {
        chain.push(undefined);
        if (sources.length > 0) clauses.push({ label: labels.join(' OR '), occur, sources });
      }
    }
    this.addJoins(clauses, chain);
    return { clauses };
  }
}

/**
 * A word clause's sources with a joined spelling blended into its own stem and exact-form sources
 * (the first two: see `buildWordSources`); unchanged when they are not there.
 */
function withJoined(sources: readonly PlanSource[], stems: Map<number, number>, exacts: Map<number, number>): readonly PlanSource[] {
  const [stem, exact] = sources;
  if (stem === undefined || exact === undefined || stem.kind === 'phrase' || exact.kind === 'phrase' || stem.channel !== Channel.Stem || exact.channel !== Channel.Exact) return sources;
  const out = [...sources];
  out[0] = withAlternatives(stem, stems, COMPOUND_WEIGHT);
  if (exacts.size > 0) out[1] = withAlternatives(exact, exacts, COMPOUND_WEIGHT);
  return out;
}

/** Whether the index holds a NORMALIZED word as an exact form of `group` with postings. */
function writtenTest(ctx: QueryContext, group: AnalyzerGroup): (part: string) => boolean {
  return (part) => {
    const id = ctx.lookup(group.exactForm('', part));
    return id >= 0 && ctx.docFrequency(id, Channel.Exact) > 0;
  };
}

/**
 * The index as prefix, typo and compound lookups read it ({@link ExpansionIndex},
 * {@link CompoundIndex}): methods over the query context, one object per compile (no closures).
 */
class IndexView implements ExpansionIndex, CompoundIndex {
  constructor(
    private readonly ctx: QueryContext,
    private readonly generation: number,
  ) {}

  termLookup(): TermLookup {
    return this.ctx.termLookup();
  }

  exactFrequency(id: number): number {
    return this.ctx.docFrequency(id, Channel.Exact);
  }

  termLength(id: number): number {
    return this.ctx.termLength(id);
  }

  termText(id: number): string {
    return this.ctx.termText(id);
  }

  lookup(term: string): number {
    return this.ctx.lookup(term);
  }

  stemFrequency(id: number): number {
    return this.ctx.docFrequency(id, Channel.Stem);
  }

  phraseDocuments(first: number, second: number, fields: number, atLeast?: number): number {
    return this.ctx.live!.phrase(first, second, fields, this.generation, atLeast);
  }
}

/**
 * The live documents holding a query word's stems (the most of any of them), for a split
 * ({@link OwnDocuments}): a lower bound from the document frequencies, the count on demand.
 */
class OwnCount implements OwnDocuments {
  readonly atLeast: number;
  private readonly ids: number[] = [];
  private counted = -1;

  constructor(
    terms: readonly string[],
    ctx: QueryContext,
    private readonly live: LiveCounts,
    private readonly generation: number,
  ) {
    let atLeast = 0;
    for (const term of terms) {
      const id = ctx.lookup(term);
      if (id < 0) continue;
      this.ids.push(id);
      atLeast = Math.max(atLeast, live.atLeast(id));
    }
    this.atLeast = atLeast;
  }

  count(): number {
    if (this.counted < 0) {
      let n = 0;
      for (const id of this.ids) n = Math.max(n, this.live.stem(id, this.generation));
      this.counted = n;
    }
    return this.counted;
  }
}

/** Text made of whitespace only (between two words that may be joined). */
const WHITESPACE = /^\s+$/;

function expanded(channel: Channel, weight: number, masks: Map<number, number>, weights: Map<number, number> | undefined): ExpandedSource {
  // Plain loops, not `Int32Array.from(iterable, map)` (a slow generic path in V8); the terms stay
  // in the maps' insertion order (a pseudo-term's weighted tf is summed in that order).
  const n = masks.size;
  const terms = new Int32Array(n);
  const fields = new Int32Array(n);
  const termWeights = new Float64Array(n);
  let i = 0;
  for (const [id, mask] of masks) {
    terms[i] = id;
    fields[i] = mask;
    termWeights[i] = weights?.get(id) ?? 1;
    i++;
  }
  return { kind: 'expanded', channel, weight, terms, fields, termWeights };
}

/**
 * One pseudo-term of a word's own terms (`ids[t][f]`, term weight 1) and its variants (id → field
 * bits, term weight {@link CLITIC_WEIGHT}); an id both places keeps weight 1.
 */
function blend(channel: Channel, weight: number, ids: readonly Int32Array[], variants: Map<number, number>): ExpandedSource {
  // Built in the scratch arrays (a linear search: a word has few terms), then copied out.
  const most = variants.size + ids.length * (ids[0]?.length ?? 0);
  if (scratchTerms.length < most) {
    scratchTerms = new Int32Array(2 * most);
    scratchFields = new Int32Array(2 * most);
    scratchWeights = new Float64Array(2 * most);
  }
  const terms = scratchTerms;
  const fields = scratchFields;
  const termWeights = scratchWeights;
  let n = 0;
  for (const [id, mask] of variants) {
    terms[n] = id;
    fields[n] = mask;
    termWeights[n] = CLITIC_WEIGHT;
    n++;
  }
  for (const row of ids) {
    for (let f = 0; f < row.length; f++) {
      const id = row[f]!;
      if (id < 0) continue;
      let i = 0;
      while (i < n && terms[i] !== id) i++;
      if (i === n) {
        terms[n] = id;
        fields[n] = 0;
        n++;
      }
      fields[i] = fields[i]! | (1 << f);
      termWeights[i] = 1;
    }
  }
  return { kind: 'expanded', channel, weight, terms: terms.slice(0, n), fields: fields.slice(0, n), termWeights: termWeights.slice(0, n) };
}

/** {@link blend}'s working arrays (grown as needed, never shrunk: a few terms per word). */
let scratchTerms = new Int32Array(64);
let scratchFields = new Int32Array(64);
let scratchWeights = new Float64Array(64);

/** Compile `query` (never throws on its syntax; see the module documentation). */
export function compileQuery(query: string, context: QueryContext, options: CompileOptions): CompiledQuery {
  const compiler = new Compiler(query, context, options);
  const plan = compiler.compile();
  return { plan, highlight: compiler.highlight };
}
