import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/analysis/analyzer.js';

describe('analyzer', () => {
  it('keeps offsets into the original text and counts stopword positions', () => {
    const text = 'وَالكتابُ في المكتبة';
    const tokens = analyze(text);
    expect(tokens.map((t) => [t.term, t.surface, t.position])).toEqual([
      ['كتاب', 'والكتاب', 0],
      ['مكتب', 'المكتبه', 2],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('وَالكتابُ');
  });

  it('run returns the next position, stopwords counted', () => {
    const a = createAnalyzer();
    const seen: string[] = [];
    const next = a.run('في البيت من الخارج', (term) => seen.push(term), 10);
    expect(seen).toEqual(['بيت', 'خارج']);
    expect(next).toBe(14);
  });
});
