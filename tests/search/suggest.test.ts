import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/engine.js';
import { DOCS, docsIndex } from './helpers.js';

const index = docsIndex();

describe('suggest', () => {
  it('completes the last word, most documents first, keeping what was typed', () => {
    const s = index.suggest('نتائج الانتخ');
    expect(s.map((x) => x.text)).toEqual(['نتائج الانتخابات', 'نتائج الانتخابية']);
    expect(s[0]).toEqual({ text: 'نتائج الانتخابات', word: 'الانتخابات', documents: 1 });
  });

  it('completes after proclitics and shows the stored spelling (ة, hamza) when a stored field has it', () => {
    expect(index.suggest('والمسؤ').map((x) => x.word)).toEqual(['والمسؤول', 'والمسؤولين']);
    expect(index.suggest('بالكتا').map((x) => x.word)).toContain('بالكتابة');
  });

  it('falls back to the normalized spelling when no stored field has the word', () => {
    const bodyless = createIndex<{ id: string; body: string }>({ id: 'id', fields: ['body'] });
    bodyless.add({ id: '1', body: 'المسؤولية الكبيرة' });
    expect(bodyless.suggest('المسؤ').map((x) => x.word)).toEqual(['المسءوليه']);
  });

  it('ranks by document count and honours limit', () => {
    const s = index.suggest('ال', { limit: 3 });
    expect(s.length).toBe(3);
    expect(s[0]!.documents).toBeGreaterThanOrEqual(s[1]!.documents);
    expect(s[1]!.documents).toBeGreaterThanOrEqual(s[2]!.documents);
  });

  it('nothing to complete after a space or for an empty input', () => {
    expect(index.suggest('الانتخ ')).toEqual([]);
    expect(index.suggest('')).toEqual([]);
  });

  it('validates its arguments', () => {
    expect(() => index.suggest(1 as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
    expect(() => index.suggest('ال', { limit: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
    expect(() => index.suggest('ال', { limt: 3 } as never)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION' }) as Error);
  });
});

describe('didYouMean', () => {
  it('corrects words the index does not know, keeping the others and the typed clitics', () => {
    expect(index.didYouMean('نتائج الانتخابت')).toBe('نتائج الانتخابات');
    expect(index.didYouMean('والانتخابت')).toBe('والانتخابات');
    expect(index.didYouMean('وزير الخارجيه')).toBeUndefined();
  });

  it('prefers a hamza spelling, shown as stored', () => {
    expect(index.didYouMean('رييس الحكومة')).toBe('رئيس الحكومة');
    expect(index.didYouMean('المسوول')).toBe('المسؤول');
  });

  it('keeps the query syntax around the corrected words', () => {
    expect(index.didYouMean('"نتائج الانتخابت" -رياضة')).toBe('"نتائج الانتخابات" -رياضة');
  });

  it('undefined when nothing is close', () => {
    expect(index.didYouMean('قطارات')).toBeUndefined();
    expect(() => index.didYouMean(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }) as Error);
    expect(DOCS.length).toBeGreaterThan(0);
  });
});
