import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/analysis/tokenize.js';

const words = (text: string): string[] => tokenize(text).map((t) => t.word);

describe('tokenize: one test per rule', () => {
  it('a word with harakat stays one token', () => {
    expect(words('كَتَبَ الطَّالِبُ')).toEqual(['كَتَبَ', 'الطَّالِبُ']);
  });

  it('a word with tatweel stays one token', () => {
    expect(words('جميـــل جدا')).toEqual(['جميـــل', 'جدا']);
  });

  it('ZWNJ, ZWJ and bidi marks inside a word are part of it', () => {
    expect(words('می\u200Cخواهم')).toEqual(['می\u200Cخواهم']);
    expect(words('ك\u200Dتاب')).toEqual(['ك\u200Dتاب']);
    expect(words('ab\u200Fcd')).toEqual(['ab\u200Fcd']);
  });

  it('bidi marks at the edges of a word are left out of its offsets', () => {
    const text = '\u202Bكتاب\u202C قلم\u200F';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['كتاب', 'قلم']);
    expect(tokens[0]).toMatchObject({ start: 1, end: 5 });
  });

  it('Arabic punctuation separates: ، ؛ ؟ « »', () => {
    expect(words('قال،ثم؛لماذا؟«نعم»')).toEqual(['قال', 'ثم', 'لماذا', 'نعم']);
  });

  it('Latin punctuation and symbols separate', () => {
    expect(words('(سوريا) - "غزة"! CNN/BBC')).toEqual(['سوريا', 'غزة', 'CNN', 'BBC']);
  });

  it('numbers are single tokens: 2254, 3.5, 1,000, ١٥٫٥, ٢٬٠٠٠', () => {
    expect(words('بلغ 2254 و 3.5 و 1,000 و ١٥٫٥ و ٢٬٠٠٠')).toEqual(['بلغ', '2254', 'و', '3.5', 'و', '1,000', 'و', '١٥٫٥', 'و', '٢٬٠٠٠']);
  });

  it('a dot or comma not between digits separates', () => {
    expect(words('أستانا 16.. نهاية.بداية 3. ,5')).toEqual(['أستانا', '16', 'نهاية', 'بداية', '3', '5']);
  });

  it('Latin words and digits inside Arabic text are tokens', () => {
    expect(words('فيروس COVID-19 وقمة G20 في mp3')).toEqual(['فيروس', 'COVID', '19', 'وقمة', 'G20', 'في', 'mp3']);
  });

  it('a word breaks between an Arabic letter and a digit', () => {
    expect(words('و2018 في 2020م و١٥٫٥ بـ3.5')).toEqual(['و', '2018', 'في', '2020', 'م', 'و', '١٥٫٥', 'بـ', '3.5']);
  });

  it('presentation forms and ligatures are letters', () => {
    expect(words('ﻻ ﻛﺘﺎﺏ')).toEqual(['ﻻ', 'ﻛﺘﺎﺏ']);
  });

  it('astral letters are kept whole; emoji separate', () => {
    expect(words('𝐀𝐁 😀كتاب😀')).toEqual(['𝐀𝐁', 'كتاب']);
  });

  it('a run of marks alone is not a word', () => {
    expect(words('كتب َ قلم')).toEqual(['كتب', 'قلم']);
  });

  it('lone surrogates and control characters separate and never throw', () => {
    expect(words('\uD800كتاب\uDC00\u0000قلم\u0085')).toEqual(['كتاب', 'قلم']);
  });
});

describe('tokenize: offsets and positions', () => {
  it('offsets point into the original text and positions run from 0', () => {
    const text = 'وَالكِتابُ، ٣٫٥ Gaza';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
  });

  it('throws INVALID_INPUT for a non-string', () => {
    expect(() => tokenize(5 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('agrees with Intl.Segmenter on the words of Arabic news text', () => {
    const text =
      'بحث وزير الخارجية الروسي، سيرغي لافروف، ونظيره التركي في اتصال هاتفي تسوية الأزمة السورية بالتركيز على مهمة القضاء على الإرهاب في محافظة إدلب.';
    const seg = [...new Intl.Segmenter('ar', { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
    expect(words(text)).toEqual(seg);
  });
});
