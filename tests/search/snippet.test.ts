import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snippet } from '../../src/search/snippet.js';
import type { SnippetRange } from '../../src/search/snippet.js';
import { docsIndex } from './helpers.js';

const LONG =
  'افتتح وزير الثقافة صباح اليوم الدورة الجديدة من المعرض بحضور عدد من السفراء والكتاب. ' +
  'وقال المنظمون إن الإقبال كان كبيرا منذ الساعات الأولى. '.repeat(6) +
  'وأعلنت الهيئة نتائج الانتخابات البلدية بعد فرز الأصوات في كل الدوائر الانتخابية. ' +
  'وتستمر الفعاليات حتى نهاية الأسبوع المقبل. '.repeat(6);

function ranges(text: string, ...words: string[]): SnippetRange[] {
  const out: SnippetRange[] = [];
  for (const w of words) {
    let at = text.indexOf(w);
    while (at >= 0) {
      out.push([at, at + w.length, w]);
      at = text.indexOf(w, at + w.length);
    }
  }
  return out;
}

describe('snippet', () => {
  it('a short text is returned whole with its words marked', () => {
    expect(snippet('وزير الخارجية', [[0, 4, 'وزير']])).toBe('<mark>وزير</mark> الخارجية');
  });

  it('picks the window with the most distinct words, with ellipses, never cutting a word', () => {
    const r = [...ranges(LONG, 'الانتخابات', 'البلدية'), ...ranges(LONG, 'وزير')];
    const s = snippet(LONG, r, { length: 80 });
    expect(s).toContain('<mark>الانتخابات</mark> <mark>البلدية</mark>');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    const inner = s.slice(1, -1).replace(/<\/?mark>/g, '');
    expect(LONG).toContain(inner);
    const start = LONG.indexOf(inner);
    expect(start === 0 || /\s/.test(LONG[start - 1]!)).toBe(true);
    const end = start + inner.length;
    expect(end === LONG.length || /\s/.test(LONG[end]!)).toBe(true);
    expect(inner.length).toBeLessThanOrEqual(80);
  });

  it('configurable markers, ellipsis and HTML escaping', () => {
    const text = 'a <b> & "c" وزير';
    expect(snippet(text, [[12, 16]], { before: '[', after: ']' })).toBe('a &lt;b&gt; &amp; &quot;c&quot; [وزير]');
    expect(snippet(text, [[12, 16]], { before: '[', after: ']', escapeHtml: false })).toBe('a <b> & "c" [وزير]');
    expect(snippet('x '.repeat(100) + 'وزير', [[200, 204]], { length: 10, ellipsis: '...' }).startsWith('...')).toBe(true);
  });

  it('without ranges, the start of the text', () => {
    const s = snippet(LONG, [], { length: 40 });
    expect(LONG.startsWith(s.slice(0, -1))).toBe(true);
  });

  it('ignores ranges out of the text, empty or overlapping', () => {
    expect(snippet('وزير الخارجية', [[0, 4], [2, 8], [5, 5], [10, 99], [-1, 2]])).toBe('<mark>وزير</mark> الخارجية');
  });

  it('never cuts a surrogate pair, even in a text with no spaces', () => {
    const text = '😀'.repeat(50) + 'وزير' + '😀'.repeat(50);
    const s = snippet(text, [[100, 104]], { length: 20, escapeHtml: false, before: '', after: '', ellipsis: '' });
    expect(s).toContain('وزير');
    expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s)).toBe(false);
  });

  it('works on highlights from a search', () => {
    const index = docsIndex();
    const hit = index.search('الانتخابات البلدية', { highlight: true })[0]!;
    expect(snippet(hit.doc.body!, hit.highlights!.body)).toBe('أعلنت الهيئة نتائج <mark>الانتخابات</mark> <mark>البلدية</mark> بعد فرز الأصوات.');
  });

  it('validates its input', () => {
    expect(() => snippet(42 as never, [])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
    expect(() => snippet('x', [], { length: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
    expect(() => snippet('x', [], { before: 1 as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }) as Error);
  });

  it('marks every range inside the window and keeps the text between them (property)', () => {
    const word = fc.constantFrom('وزير', 'الخارجية', 'a', '😀😀', 'كتاب', 'b&c', 'في');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 120 }), (words, picks, length) => {
        const text = words.join(' ');
        const spans: SnippetRange[] = [];
        let at = 0;
        const starts = words.map((w) => {
          const s = at;
          at += w.length + 1;
          return [s, s + w.length] as const;
        });
        for (const p of picks) spans.push(starts[p % starts.length]!);
        const out = snippet(text, spans, { length, escapeHtml: false, before: '⟦', after: '⟧', ellipsis: '…' });
        const plain = out.replace(/^…|…$/g, '').replace(/[⟦⟧]/g, '');
        expect(text).toContain(plain);
        // Marks come in pairs around whole words of the text.
        const opened = out.split('⟦').length - 1;
        expect(out.split('⟧').length - 1).toBe(opened);
        for (const m of out.matchAll(/⟦([^⟧]*)⟧/g)) expect(words).toContain(m[1]);
        expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(plain)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
