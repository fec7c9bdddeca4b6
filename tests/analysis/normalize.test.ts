import { describe, expect, it } from 'vitest';
import { FahrasError } from '../../src/errors.js';
import { NORMALIZE_RULES, normalize, normalizeWord, type NormalizeOptions } from '../../src/analysis/normalize.js';

/** One rule, Lucene style: input → expected with defaults, and unchanged with the rule off. */
function check(input: string, expected: string, rule?: keyof NormalizeOptions): void {
  expect(normalize(input).text).toBe(expected);
  if (rule) expect(normalize(input, { [rule]: false }).text).not.toBe(expected);
}

describe('normalize: one test per rule', () => {
  it('removeDiacritics: harakat, tanween, shadda, sukun', () => {
    check('كَتَبَ', 'كتب', 'removeDiacritics');
    check('كتابٌ', 'كتاب', 'removeDiacritics'); // dammatan
    check('مُدَرِّسٌ', 'مدرس', 'removeDiacritics'); // shadda
    check('مِنْ', 'من', 'removeDiacritics'); // sukun
    check('كتاباً', 'كتابا', 'removeDiacritics'); // fathatan on alef
  });

  it('removeDiacritics: the small signs U+0610–U+061A (ؐ)', () => {
    check('محمدؐ', 'محمد', 'removeDiacritics');
  });

  it('removeQuranicMarks: U+06D6–U+06ED', () => {
    check('الْعَالَمِينَۖ', 'العالمين', 'removeQuranicMarks');
  });

  it('removeTatweel', () => {
    check('كتـــاب', 'كتاب', 'removeTatweel');
  });

  it('superscriptAlef: ٰ → ا (Uthmani spelling meets plain)', () => {
    check('هٰذا', 'هاذا', 'superscriptAlef');
    check('الرَّحْمَٰن', 'الرحمان', 'superscriptAlef');
  });

  it('foldAlef: أ إ آ ٱ → ا', () => {
    check('أحمد', 'احمد', 'foldAlef');
    check('إسلام', 'اسلام', 'foldAlef');
    check('آخر', 'اخر', 'foldAlef');
    check('ٱلله', 'الله', 'foldAlef');
  });

  it('foldYeh: ى → ي', () => {
    check('مستشفى', 'مستشفي', 'foldYeh');
  });

  it('foldTehMarbuta: ة → ه', () => {
    check('مدرسة', 'مدرسه', 'foldTehMarbuta');
  });

  it('foldHamza: the seats ؤ ئ fold to ء, so spellings of one word meet', () => {
    expect(normalize('مسئول').text).toBe(normalize('مسؤول').text);
    expect(normalize('رئيس').text).toBe(normalize('رءيس').text);
    expect(normalize('شئون').text).toBe(normalize('شؤون').text);
    expect(normalize('تفاؤل').text).toBe(normalize('تفائل').text);
    check('مسؤول', 'مسءول', 'foldHamza');
    check('رئيس', 'رءيس', 'foldHamza');
  });

  it('foldHamza keeps the hamza, so real words that differ by it stay apart', () => {
    const apart: [string, string][] = [
      ['سؤال', 'سوال'], // question / (no such) — the hamza is kept
      ['رؤية', 'روية'], // vision / deliberation
      ['بيئة', 'بيه'], // environment / bey
      ['هيئة', 'هيه'], // commission / —
      ['مسؤول', 'مسول'],
      ['سائل', 'سايل'], // liquid / (colloquial)
      ['رئة', 'ريه'], // lung / —
    ];
    for (const [a, b] of apart) expect(normalize(a).text, `${a} vs ${b}`).not.toBe(normalize(b).text);
  });

  it('foldPersian: ک گ ی ې ۀ ە (and Urdu ھ ہ ۃ ے) to Arabic letters', () => {
    check('کتاب', 'كتاب', 'foldPersian');
    check('گاز', 'كاز', 'foldPersian');
    check('علی', 'علي', 'foldPersian');
    check('ېک', 'يك', 'foldPersian');
    check('خانۀ', 'خانه', 'foldPersian');
    check('ەل', 'هل', 'foldPersian');
    check('ھذا', 'هذا', 'foldPersian');
    check('ہذا', 'هذا', 'foldPersian');
    check('مدرسۃ', 'مدرسه', 'foldPersian');
    check('ے', 'ي', 'foldPersian');
  });

  it('foldDigits: Arabic-Indic and Persian digits to ASCII, ٫ and ٬ to . and ,', () => {
    check('٢٠٢٤', '2024', 'foldDigits');
    check('۱۴۰۳', '1403', 'foldDigits');
    check('١٥٫٥', '15.5', 'foldDigits');
    check('١٬٠٠٠', '1,000', 'foldDigits');
  });

  it('foldPresentationForms: contextual forms to base letters', () => {
    check('ﻛﺘﺎﺏ', 'كتاب', 'foldPresentationForms');
    check('ﺃﺣﻤﺪ', 'احمد', 'foldPresentationForms'); // then foldAlef
  });

  it('foldPresentationForms: a lam-alef ligature expands to two characters, both mapped to it', () => {
    const { text, map } = normalize('ﻻ بد');
    expect(text).toBe('لا بد');
    expect([...map]).toEqual([0, 0, 1, 2, 3, 4]);
    expect(normalize('ﻷن').text).toBe('لان');
  });

  it('foldPresentationForms: honorific ligatures with spaces stay unchanged', () => {
    expect(normalize('ﷺ').text).toBe('ﷺ');
  });

  it('removeFormatChars: zero-width and bidi controls', () => {
    check('می\u200Cخواهم', 'ميخواهم', 'removeFormatChars');
    check('\u202Bكتاب\u202C', 'كتاب', 'removeFormatChars');
    check('\u2067نص\u2069', 'نص', 'removeFormatChars');
    check('\uFEFFنص', 'نص', 'removeFormatChars');
    check('ك\u200Dتاب', 'كتاب', 'removeFormatChars');
    check('\u200Fنص\u200E', 'نص', 'removeFormatChars');
  });

  it('lowercase: cased scripts', () => {
    check('Gaza CNN', 'gaza cnn', 'lowercase');
    check('ΑΘΗΝΑ', 'αθηνα', 'lowercase');
  });

  it('foldAccents: Latin, Greek and Cyrillic accents', () => {
    check('café Zürich', 'cafe zurich', 'foldAccents');
    check('İstanbul', 'istanbul', 'foldAccents');
    check('cafe\u0301', 'cafe', 'foldAccents');
  });

  it('every rule has a test above and a default of true', () => {
    expect(NORMALIZE_RULES.length).toBe(14);
    for (const rule of NORMALIZE_RULES) expect(normalize('x', { [rule]: true }).text).toBe('x');
  });
});

describe('normalize: offset map', () => {
  it('maps every folded character to its original offset, with a final entry for the end', () => {
    const original = 'وَالْكِتَابُ';
    const { text, map } = normalize(original);
    expect(text).toBe('والكتاب');
    expect(map.length).toBe(text.length + 1);
    expect(map[text.length]).toBe(original.length);
    for (let i = 0; i < text.length; i++) expect(normalize(original[map[i]!]!).text).toBe(text[i]);
  });

  it('an empty text has a map of one entry', () => {
    expect([...normalize('').map]).toEqual([0]);
    expect([...normalize('\u064E').map]).toEqual([1]);
  });
});

describe('normalize: options and input', () => {
  it('unknown rule → UNKNOWN_OPTION naming it', () => {
    expect(() => normalize('x', { foldAlif: true } as unknown as NormalizeOptions)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION', details: { option: 'foldAlif' } }),
    );
  });

  it('non-boolean rule → INVALID_OPTION', () => {
    expect(() => normalize('x', { foldAlef: 'yes' } as unknown as NormalizeOptions)).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });

  it('non-string text → INVALID_INPUT', () => {
    expect(() => normalize(42 as unknown as string)).toThrow(FahrasError);
    expect(() => normalize(null as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => normalizeWord(undefined as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('normalizeWord equals normalize().text', () => {
    for (const w of ['وَالْكِتَابُ', 'ﻻ', 'Café', '١٥٫٥', '']) expect(normalizeWord(w)).toBe(normalize(w).text);
  });

  it('is idempotent on every UTF-16 code unit, under the defaults and with each rule off', () => {
    const optionSets: NormalizeOptions[] = [{}, ...NORMALIZE_RULES.map((r) => ({ [r]: false }))];
    for (const options of optionSets) {
      for (let c = 0; c <= 0xffff; c++) {
        const once = normalizeWord(String.fromCharCode(c), options);
        const twice = normalizeWord(once, options);
        if (twice !== once) expect.fail(`U+${c.toString(16)} with ${JSON.stringify(options)}: ${once} → ${twice}`);
      }
    }
  });
});
