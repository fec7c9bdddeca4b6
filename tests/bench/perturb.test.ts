import { describe, expect, it } from 'vitest';
import {
  KEY_NEIGHBOURS,
  LINKING_STOPWORDS,
  MIN_PAIR_COUNT,
  PERTURBATION_ORDER,
  PERTURBATIONS,
  QUERY_PERTURBATIONS,
  QUESTION_PHRASES,
  TYPING_ORDER,
  TYPING_PERTURBATIONS,
  isQueryPerturbation,
} from '../../bench/relevance/perturb.js';
import type { CorpusView, IsWord, Perturbation, QueryPerturbation, TypingPerturbation } from '../../bench/relevance/perturb.js';
import { createRng } from '../../bench/rng.js';

const SEEDS = 300;
const HARAKAT = /[\u064E-\u0652]/g;
const TATWEEL = /\u0640/g;

/** A corpus of `words` (compared as written; an `isWord` for the rules). */
function vocab(...words: string[]): IsWord {
  const set = new Set(words);
  return (w) => set.has(w);
}
const none: IsWord = () => false;

/** Every result `rule` gives for `word` over many seeds (null included when it does not apply). */
function outcomes(rule: Perturbation, word: string, isWord: IsWord = none): Set<string | null> {
  const out = new Set<string | null>();
  for (let s = 1; s <= SEEDS; s++) out.add(rule(word, createRng(s), isWord));
  return out;
}

function corpus(options: { words?: string[]; counts?: Record<string, number>; pairs?: Record<string, number>; variants?: Record<string, string[]> } = {}): CorpusView {
  const words = new Set([...(options.words ?? []), ...Object.keys(options.counts ?? {})]);
  return {
    isWord: (w) => words.has(w),
    count: (w) => options.counts?.[w] ?? (words.has(w) ? 10 : 0),
    pairCount: (a, b) => options.pairs?.[`${a} ${b}`] ?? 0,
    variantsOf: (w) => options.variants?.[w] ?? [],
  };
}

function typingOutcomes(rule: TypingPerturbation, word: string, view: CorpusView = corpus()): Set<string | null> {
  const out = new Set<string | null>();
  for (let s = 1; s <= SEEDS; s++) out.add(rule(word, createRng(s), view));
  return out;
}

function queryOutcomes(rule: QueryPerturbation, terms: string[], view: CorpusView = corpus(), source: string[] = terms): Set<string | null> {
  const out = new Set<string | null>();
  for (let s = 1; s <= SEEDS; s++) out.add(rule(terms, createRng(s), view, source)?.join(' ') ?? null);
  return out;
}

describe('queries.json rules (generate.ts)', () => {
  const p = PERTURBATIONS;
  it('hamza-alef: أ إ آ typed as ا everywhere in the word', () => {
    expect(p['hamza-alef']('أحمد', createRng(1), none)).toBe('احمد');
    expect(p['hamza-alef']('الإسلام', createRng(1), none)).toBe('الاسلام');
    expect(p['hamza-alef']('آمال', createRng(1), none)).toBe('امال');
    expect(p['hamza-alef']('كتاب', createRng(1), none)).toBeNull();
  });
  it('hamza-seat: ؤ → و or ئ, ئ → ي or ؤ', () => {
    expect(outcomes(p['hamza-seat'], 'مسؤول')).toEqual(new Set(['مسوول', 'مسئول']));
    expect(outcomes(p['hamza-seat'], 'رئيس')).toEqual(new Set(['رييس', 'رؤيس']));
    expect(p['hamza-seat']('كتاب', createRng(1), none)).toBeNull();
  });
  it('teh-marbuta: final ة typed as ه, nothing else', () => {
    expect(p['teh-marbuta']('مدرسة', createRng(1), none)).toBe('مدرسه');
    expect(p['teh-marbuta']('ةمدرس', createRng(1), none)).toBeNull();
  });
  it('alef-maksura: final ى ↔ ي (ي only on words of 3+ letters)', () => {
    expect(p['alef-maksura']('مستشفى', createRng(1), none)).toBe('مستشفي');
    expect(p['alef-maksura']('عربي', createRng(1), none)).toBe('عربى');
    expect(p['alef-maksura']('في', createRng(1), none)).toBeNull();
    expect(p['alef-maksura']('كتاب', createRng(1), none)).toBeNull();
  });
  it('al-drop: ال left out only when the rest is a corpus word', () => {
    expect(p['al-drop']('الانتخابات', createRng(1), vocab('انتخابات'))).toBe('انتخابات');
    expect(p['al-drop']('الانتخابات', createRng(1), none)).toBeNull();
    expect(p['al-drop']('الام', createRng(1), vocab('ام'))).toBeNull();
  });
  it('al-add: ال added only when the corpus writes it so', () => {
    expect(p['al-add']('انتخابات', createRng(1), vocab('الانتخابات'))).toBe('الانتخابات');
    expect(p['al-add']('انتخابات', createRng(1), none)).toBeNull();
    expect(p['al-add']('الكتاب', createRng(1), vocab('الالكتاب'))).toBeNull();
  });
  it('clitic: و on any word, و / ب / ل (as لل) before ال, never on a word that has one', () => {
    expect(outcomes(p.clitic, 'كتاب')).toEqual(new Set(['وكتاب']));
    expect(outcomes(p.clitic, 'الكتاب')).toEqual(new Set(['والكتاب', 'بالكتاب', 'للكتاب']));
    expect(p.clitic('والكتاب', createRng(1), none)).toBeNull();
    expect(p.clitic('للكتاب', createRng(1), none)).toBeNull();
    expect(p.clitic('بإسرائيل', createRng(1), vocab('إسرائيل'))).toBeNull();
  });
  it('singular: ات → ة or bare, ون / ين dropped when 4+ letters stay, only to corpus words', () => {
    expect(p.singular('حكومات', createRng(1), vocab('حكومة'))).toBe('حكومة');
    expect(p.singular('انتخابات', createRng(1), vocab('انتخاب'))).toBe('انتخاب');
    expect(p.singular('مهندسون', createRng(1), vocab('مهندس'))).toBe('مهندس');
    expect(p.singular('سيكون', createRng(1), vocab('سيك'))).toBeNull();
    expect(p.singular('فلسطين', createRng(1), none)).toBeNull();
  });
  it('diacritic: exactly one haraka after a letter, nothing else changed', () => {
    for (const r of outcomes(p.diacritic, 'كتاب')) {
      expect(r).not.toBeNull();
      expect(r!.match(HARAKAT)).toHaveLength(1);
      expect(r!.replace(HARAKAT, '')).toBe('كتاب');
      expect(r![0]).toBe('ك');
    }
  });
  it('tatweel: one run of 1–2 tatweels after a joining letter, before a letter', () => {
    const seen = outcomes(p.tatweel, 'مكتبة');
    for (const r of seen) {
      expect(r!.replace(TATWEEL, '')).toBe('مكتبة');
      expect(r).toMatch(/^[^\u0640]+\u0640{1,2}[^\u0640]+$/);
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(p.tatweel('دار', createRng(1), none)).toBeNull();
    expect(p.tatweel('ورد', createRng(1), none)).toBeNull();
  });
  it('persian: ي → ی and ك → ک', () => {
    expect(p.persian('كريم', createRng(1), none)).toBe('کریم');
    expect(p.persian('مصر', createRng(1), none)).toBeNull();
  });
  it('PERTURBATION_ORDER names every rule once', () => {
    expect([...PERTURBATION_ORDER].sort()).toEqual(Object.keys(PERTURBATIONS).sort());
  });
});

describe('the keyboard', () => {
  it('neighbours are symmetric and never the key itself', () => {
    for (const [k, ns] of KEY_NEIGHBOURS) {
      expect(ns).not.toContain(k);
      for (const n of ns) expect(KEY_NEIGHBOURS.get(n)).toContain(k);
    }
  });
  it('knows the standard layout (ا between ل and ت, under غ ع, over ى; ش at the left edge)', () => {
    expect(new Set(KEY_NEIGHBOURS.get('ا'))).toEqual(new Set(['ل', 'ت', 'غ', 'ع', 'ى']));
    expect(new Set(KEY_NEIGHBOURS.get('ش'))).toEqual(new Set(['ض', 'ص', 'س', 'ئ']));
  });
});

describe('typing rules on one word (generate-typing.ts)', () => {
  const t = TYPING_PERTURBATIONS;
  it('typo-neighbour: one letter replaced by a neighbouring key, words of 4+ letters', () => {
    const seen = typingOutcomes(t['typo-neighbour'], 'مدرسة');
    for (const r of seen) {
      expect(r).toHaveLength(5);
      const diff = [...r!].map((_, i) => i).filter((i) => r![i] !== 'مدرسة'[i]);
      expect(diff).toHaveLength(1);
      expect(KEY_NEIGHBOURS.get('مدرسة'[diff[0]!]!)).toContain(r![diff[0]!]);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(t['typo-neighbour']('كتب', createRng(1), corpus())).toBeNull();
  });
  it('typo-drop: one letter left out, words of 4+ letters', () => {
    expect(typingOutcomes(t['typo-drop'], 'كتاب')).toEqual(new Set(['تاب', 'كاب', 'كتب', 'كتا']));
    expect(t['typo-drop']('كتب', createRng(1), corpus())).toBeNull();
  });
  it('typo-swap: two adjacent different letters swapped', () => {
    expect(typingOutcomes(t['typo-swap'], 'كتاب')).toEqual(new Set(['تكاب', 'كاتب', 'كتبا']));
    expect(typingOutcomes(t['typo-swap'], 'مددد')).toEqual(new Set(['دمدد']));
    expect(t['typo-swap']('كتب', createRng(1), corpus())).toBeNull();
  });
  it('typo-double: one letter typed twice', () => {
    expect(typingOutcomes(t['typo-double'], 'كتب')).toEqual(new Set(['ككتب', 'كتتب', 'كتبب']));
    expect(t['typo-double']('في', createRng(1), corpus())).toBeNull();
  });
  it('pronoun: a suffix on a word without ة (its ال dropped), or the suffix left out', () => {
    const view = corpus({ words: ['رئيسه', 'رئيسها', 'رئيس', 'حكومته'] });
    expect(typingOutcomes(t.pronoun, 'الرئيس', view)).toEqual(new Set(['رئيسه', 'رئيسها']));
    expect(typingOutcomes(t.pronoun, 'رئيسها', view)).toEqual(new Set(['رئيس']));
    expect(t.pronoun('حكومة', createRng(1), view)).toBeNull();
    expect(t.pronoun('الرئيس', createRng(1), corpus())).toBeNull();
  });
  it('teh-suffix: ة written ت before a suffix, and back to ة without it', () => {
    const view = corpus({ words: ['حكومته', 'حكومتنا', 'حكومة'] });
    expect(typingOutcomes(t['teh-suffix'], 'الحكومة', view)).toEqual(new Set(['حكومته', 'حكومتنا']));
    expect(typingOutcomes(t['teh-suffix'], 'حكومتها', view)).toEqual(new Set(['حكومة']));
    expect(t['teh-suffix']('رئيس', createRng(1), view)).toBeNull();
  });
  it('dual: singular ↔ dual, only where the singular and both dual endings are corpus words', () => {
    const view = corpus({ words: ['الطرف', 'الطرفان', 'الطرفين', 'حكومة', 'حكومتان', 'حكومتين', 'لبن', 'لبنان'] });
    expect(typingOutcomes(t.dual, 'الطرف', view)).toEqual(new Set(['الطرفان', 'الطرفين']));
    expect(typingOutcomes(t.dual, 'الطرفين', view)).toEqual(new Set(['الطرف']));
    expect(typingOutcomes(t.dual, 'حكومة', view)).toEqual(new Set(['حكومتان', 'حكومتين']));
    expect(typingOutcomes(t.dual, 'حكومتان', view)).toEqual(new Set(['حكومة']));
    expect(t.dual('لبنان', createRng(1), view)).toBeNull();
  });
  it('plural: singular → sound plural (ات, ون, ين) and plural → singular, corpus words only', () => {
    const view = corpus({ words: ['مسؤولون', 'مسؤولين', 'حكومات', 'حكومة', 'مسؤول'] });
    expect(typingOutcomes(t.plural, 'مسؤول', view)).toEqual(new Set(['مسؤولون', 'مسؤولين']));
    expect(typingOutcomes(t.plural, 'حكومة', view)).toEqual(new Set(['حكومات']));
    expect(typingOutcomes(t.plural, 'حكومات', view)).toEqual(new Set(['حكومة']));
    expect(typingOutcomes(t.plural, 'مسؤولين', view)).toEqual(new Set(['مسؤول']));
    expect(t.plural('كتاب', createRng(1), view)).toBeNull();
  });
  it('al-clitic: لل / ب / و put before ال, or taken away', () => {
    const view = corpus({ words: ['للحكومة', 'بالحكومة', 'الحكومة'] });
    expect(typingOutcomes(t['al-clitic'], 'الحكومة', view)).toEqual(new Set(['للحكومة', 'بالحكومة']));
    expect(typingOutcomes(t['al-clitic'], 'والحكومة', view)).toEqual(new Set(['الحكومة']));
    expect(typingOutcomes(t['al-clitic'], 'للحكومة', view)).toEqual(new Set(['الحكومة']));
    expect(t['al-clitic']('حكومة', createRng(1), view)).toBeNull();
  });
  it('alef-initial: the first letter only, أ إ آ → ا or ا → إ (never the article)', () => {
    const r = (w: string): string | null => t['alef-initial'](w, createRng(1), corpus());
    expect(r('إسرائيل')).toBe('اسرائيل');
    expect(r('أسئلة')).toBe('اسئلة');
    expect(r('آمال')).toBe('امال');
    expect(r('انتخابات')).toBe('إنتخابات');
    expect(r('الأمن')).toBeNull();
    expect(r('سألت')).toBeNull();
  });
  it('corpus-variant: one of the spellings the corpus gives, none when it gives none', () => {
    const view = corpus({ variants: { 'لاجارد': ['لاغارد'], 'كمبردج': ['كامبردج', 'كيمبردج'] } });
    expect(typingOutcomes(t['corpus-variant'], 'لاجارد', view)).toEqual(new Set(['لاغارد']));
    expect(typingOutcomes(t['corpus-variant'], 'كمبردج', view)).toEqual(new Set(['كامبردج', 'كيمبردج']));
    expect(t['corpus-variant']('كتاب', createRng(1), view)).toBeNull();
  });
});

describe('typing rules on the whole query', () => {
  const q = QUERY_PERTURBATIONS;
  it('split-join: split where the corpus writes both spellings, halves of 3+ letters', () => {
    const view = corpus({ counts: { 'عبد': 900, 'الله': 5000, 'عبدالله': 700 }, pairs: { 'عبد الله': 600 } });
    expect(queryOutcomes(q['split-join'], ['الملك', 'عبدالله'], view)).toEqual(new Set(['الملك عبد الله']));
    const rare = corpus({ counts: { 'عبد': 900, 'الله': 5000, 'عبدالله': 700 }, pairs: { 'عبد الله': MIN_PAIR_COUNT - 1 } });
    expect(q['split-join'](['عبدالله'], createRng(1), rare, ['عبدالله'])).toBeNull();
    const short = corpus({ counts: { 'لي': 900, 'لا': 900, 'ليلا': 500 }, pairs: { 'لي لا': 50 } });
    expect(q['split-join'](['ليلا'], createRng(1), short, ['ليلا'])).toBeNull();
  });
  it('split-join: the rarer spelling must be a real share of the other', () => {
    const view = corpus({ counts: { 'الا': 900, 'على': 9000, 'الاعلى': 3000 }, pairs: { 'الا على': 10 } });
    expect(q['split-join'](['الاعلى'], createRng(1), view, ['الاعلى'])).toBeNull();
  });
  it('split-join: join a word with its neighbour in the source (one word when both are in the query)', () => {
    const view = corpus({ counts: { 'عبد': 900, 'العزيز': 800, 'عبدالعزيز': 300 }, pairs: { 'عبد العزيز': 400 } });
    const source = ['الملك', 'عبد', 'العزيز', 'يزور'];
    expect(queryOutcomes(q['split-join'], ['الملك', 'عبد', 'يزور'], view, source)).toEqual(new Set(['الملك عبدالعزيز يزور']));
    expect(queryOutcomes(q['split-join'], ['الملك', 'العزيز'], view, source)).toEqual(new Set(['الملك عبدالعزيز']));
    expect(queryOutcomes(q['split-join'], ['عبد', 'العزيز'], view, source)).toEqual(new Set(['عبدالعزيز']));
  });
  it('word-order: the same words in another order, never the original', () => {
    const seen = queryOutcomes(q['word-order'], ['أ', 'ب', 'ج']);
    expect(seen).toEqual(new Set(['أ ج ب', 'ب أ ج', 'ب ج أ', 'ج أ ب', 'ج ب أ']));
    expect(q['word-order'](['أ'], createRng(1), corpus(), ['أ'])).toBeNull();
    expect(q['word-order'](['أ', 'أ'], createRng(1), corpus(), ['أ', 'أ'])).toBeNull();
  });
  it('stopword: one preposition between two words, never at an end', () => {
    for (const r of queryOutcomes(q.stopword, ['أ', 'ب', 'ج'])) {
      const w = r!.split(' ');
      expect(w).toHaveLength(4);
      const inserted = w.findIndex((x) => LINKING_STOPWORDS.includes(x));
      expect([1, 2]).toContain(inserted);
      expect(w.filter((_, i) => i !== inserted)).toEqual(['أ', 'ب', 'ج']);
    }
    expect(q.stopword(['أ'], createRng(1), corpus(), ['أ'])).toBeNull();
  });
  it('question: a question phrase in front of the words', () => {
    const seen = queryOutcomes(q.question, ['الانتخابات', 'البلدية']);
    expect(seen).toEqual(new Set(QUESTION_PHRASES.map((p) => `${p} الانتخابات البلدية`)));
  });
});

describe('TYPING_ORDER', () => {
  it('names every typing rule once, word rules before query rules', () => {
    expect([...TYPING_ORDER].sort()).toEqual([...Object.keys(TYPING_PERTURBATIONS), ...Object.keys(QUERY_PERTURBATIONS)].sort());
    const firstQuery = TYPING_ORDER.findIndex(isQueryPerturbation);
    expect(TYPING_ORDER.slice(firstQuery).every(isQueryPerturbation)).toBe(true);
  });
});
