import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/analysis/analyzer.js';
import { normalize, normalizeWord } from '../../src/analysis/normalize.js';
import { lightStem } from '../../src/analysis/stem.js';
import { tokenize } from '../../src/analysis/tokenize.js';

/** Characters that stress the chain: Arabic letters and marks, controls, separators, ligatures. */
const interesting = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ',
  '\u064B', '\u064E', '\u0650', '\u0651', '\u0652', '\u0670', '\u0640', '\u06D6', '\u06DE', '\u0610',
  '\u200B', '\u200C', '\u200D', '\u200F', '\u202B', '\u202C', '\u2067', '\u2069', '\uFEFF', '\u061C', '\u00AD',
  '٠', '١', '٥', '۳', '٫', '٬', '.', ',', '0', '7',
  ' ', '\n', '\t', '،', '؛', '؟', '«', '»', '-', '(', ')',
  'ﻻ', 'ﻷ', 'ﺃ', 'ﻛ', 'ﺏ', 'ﷺ', 'ﹰ', 'ﱞ',
  'ک', 'گ', 'ی', 'ۀ', 'ە',
  'a', 'Z', 'é', 'İ', 'ß', 'Σ', '\u0301',
  '\uD800', '\uDC00', '\uD835\uDC00', '😀', '\u0000', '\u0085',
];
const arabicish = fc.string({ unit: fc.constantFrom(...interesting), maxLength: 40 });
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const anyText = fc.oneof(arabicish, anyUnits, fc.string({ unit: 'binary', maxLength: 40 }));
const runs = { numRuns: Number(process.env.FC_RUNS ?? 2000) };

describe('properties', () => {
  it('normalize is idempotent', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const once = normalize(t).text;
        expect(normalize(once).text).toBe(once);
      }),
      runs,
    );
  });

  it('normalize never throws, and its map is well formed', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const { text, map } = normalize(t);
        expect(map.length).toBe(text.length + 1);
        expect(map[text.length]).toBe(t.length);
        for (let i = 0; i < text.length; i++) {
          expect(map[i]!).toBeLessThan(t.length);
          if (i > 0) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
        }
        expect(normalizeWord(t)).toBe(text);
      }),
      runs,
    );
  });

  it('analysis never throws; every token’s [start, end) lies inside the text and is non-empty', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        for (const tok of analyze(t)) {
          expect(tok.start).toBeGreaterThanOrEqual(0);
          expect(tok.end).toBeLessThanOrEqual(t.length);
          expect(tok.end).toBeGreaterThan(tok.start);
          expect(tok.term.length).toBeGreaterThan(0);
          expect(normalize(t.slice(tok.start, tok.end)).text).toBe(tok.surface);
        }
        for (const tok of tokenize(t)) expect(t.slice(tok.start, tok.end)).toBe(tok.word);
      }),
      runs,
    );
  });

  it('analyzing the normalized text gives the same terms and positions as analyzing the original', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const a = analyze(t).map((x) => [x.term, x.surface, x.position]);
        const b = analyze(normalize(t).text).map((x) => [x.term, x.surface, x.position]);
        expect(b).toEqual(a);
      }),
      runs,
    );
  });

  it('the same holds with every rule off, and with stopwords and stemming off', () => {
    const off = Object.fromEntries(
      ['removeDiacritics', 'removeTatweel', 'removeFormatChars', 'foldDigits', 'foldPresentationForms', 'lowercase'].map((r) => [r, false]),
    );
    const a1 = createAnalyzer({ normalize: off, stopwords: false, stem: false });
    fc.assert(
      fc.property(anyText, (t) => {
        const a = a1.analyze(t).map((x) => x.term);
        const b = a1.analyze(normalize(t, off).text).map((x) => x.term);
        expect(b).toEqual(a);
      }),
      runs,
    );
  });

  it('the stemmer never returns an empty string and never grows a word (but لله → الله)', () => {
    fc.assert(
      fc.property(arabicish, (t) => {
        const w = normalizeWord(t.replace(/[^\u0621-\u064A]/g, ''));
        if (w === '') return;
        const s = lightStem(w);
        expect(s.length).toBeGreaterThan(0);
        if (s !== 'الله') expect(s.length).toBeLessThanOrEqual(w.length);
      }),
      runs,
    );
  });

  it('run gives the same tokens as analyze, from any first position', () => {
    const a = createAnalyzer();
    fc.assert(
      fc.property(arabicish, fc.integer({ min: 0, max: 1000 }), (t, first) => {
        const streamed: number[] = [];
        const next = a.run(t, (_term, _surface, _s, _e, position) => streamed.push(position - first), first);
        const tokens = a.analyze(t);
        expect(streamed).toEqual(tokens.map((x) => x.position));
        expect(next).toBeGreaterThanOrEqual(first + (tokens.length ? tokens[tokens.length - 1]!.position + 1 : 0));
      }),
      runs,
    );
  });
});
