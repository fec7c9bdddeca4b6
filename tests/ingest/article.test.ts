import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FahrasError } from '../../src/errors.js';
import { parseArticle } from '../../src/ingest/article.js';
import type { ArticleWarningCode, ParsedArticle } from '../../src/ingest/article.js';
import { FOOTER_PATTERNS, isFooterLine } from '../../src/ingest/boilerplate.js';

// Scraped page shipped as ../shared/corpus/raw/000_e315c7bff97e348e.txt (see tests/fixtures/raw/README.md).
const fixture = readFileSync(fileURLToPath(new URL('../fixtures/raw/000_e315c7bff97e348e.txt', import.meta.url)), 'utf8');
const lines = fixture.split('\n');

// Checked by hand against the file.
const TITLE = 'ما بعد أستانا 16.. محور مباحثات هاتفية بين لافروف وكل من تشاويش أوغلو وبيدرسن';
const CATEGORY = 'سياسي';
const FIRST_SENTENCE =
  'بحث وزير الخارجية الروسي، سيرغي لافروف، ونظيره التركي، مولود تشاووش أغلو، في اتصال هاتفي تسوية الأزمة السورية بالتركيز على مهمة القضاء على الإرهاب في محافظة إدلب شمال سورية.';
const LAST_SENTENCE =
  'وأشار لافروف إلى دعم روسيا لدعوة الأمين العام للأمم المتحدة، أنطونيو غوتيريش، إلى تخفيف العقوبات أحادية الجانب التي تم فرضها التفافا على مجلس الأمن الدولي بما في ذلك على سورية، خاصة في ظل جائحة فيروس كورونا.';
const BODY_PARAGRAPHS = 11;
const BOILERPLATE = ['تصنيفات', 'تابعونا على فيسبوك'];

const golden = parseArticle(fixture);

function codes(article: ParsedArticle): ArticleWarningCode[] {
  return article.warnings.map((w) => w.code);
}

/** The fixture with line `index` (0-based) removed. */
function without(index: number): string {
  return lines.filter((_, i) => i !== index).join('\n');
}

/** The fixture with line `index` replaced. */
function replacing(index: number, line: string): string {
  return lines.map((l, i) => (i === index ? line : l)).join('\n');
}

function expectThrows(fn: () => unknown, code: FahrasError['code']): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(FahrasError);
  expect((caught as FahrasError).code).toBe(code);
}

describe('parseArticle: golden file 000_e315c7bff97e348e.txt', () => {
  it('finds the title, the category and no warnings', () => {
    expect(golden.title).toBe(TITLE);
    expect(golden.category).toBe(CATEGORY);
    expect(golden.warnings).toEqual([]);
  });

  it('keeps the body from the first to the last sentence, one paragraph a line', () => {
    const paragraphs = golden.body.split('\n');
    expect(paragraphs).toHaveLength(BODY_PARAGRAPHS);
    expect(paragraphs[0]).toBe(FIRST_SENTENCE);
    expect(paragraphs[paragraphs.length - 1]).toBe(LAST_SENTENCE);
  });

  it('lets no boilerplate, breadcrumb, category or title line into the body', () => {
    const paragraphs = golden.body.split('\n');
    for (const line of BOILERPLATE) expect(golden.body).not.toContain(line);
    for (const p of paragraphs) expect(isFooterLine(p)).toBe(false);
    expect(paragraphs).not.toContain(TITLE);
    expect(paragraphs).not.toContain(CATEGORY);
    expect(golden.body).not.toContain('الرئيسية »');
  });
});

describe('parseArticle: variations of the golden file', () => {
  it('reads CRLF and bare CR line breaks the same', () => {
    expect(parseArticle(fixture.replaceAll('\n', '\r\n'))).toEqual(golden);
    expect(parseArticle(fixture.replaceAll('\n', '\r'))).toEqual(golden);
  });

  it('ignores a byte order mark', () => {
    expect(parseArticle(`\uFEFF${fixture}`)).toEqual(golden);
  });

  it('ignores trailing and repeated whitespace and extra blank lines', () => {
    const messy = lines.map((l) => `${l.replaceAll(' ', '  ')} \t\u00A0`).join('\n\n') + '\n \n\t\n';
    expect(parseArticle(messy)).toEqual(golden);
  });

  it('without a breadcrumb takes category and title from the line order, and warns', () => {
    const a = parseArticle(without(0));
    expect(a.title).toBe(TITLE);
    expect(a.category).toBe(CATEGORY);
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['NO_BREADCRUMB']);
  });

  it('without a category line leaves the category empty, and warns', () => {
    const a = parseArticle(without(1));
    expect(a.title).toBe(TITLE);
    expect(a.category).toBe('');
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['NO_CATEGORY']);
  });

  it('without a category line takes the category from a longer breadcrumb', () => {
    const text = lines
      .filter((_, i) => i !== 1)
      .map((l, i) => (i === 0 ? `الرئيسية » أخبار سياسية » ${TITLE}` : l))
      .join('\n');
    const a = parseArticle(text);
    expect(a.category).toBe('أخبار سياسية');
    expect(a.title).toBe(TITLE);
    expect(codes(a)).toEqual(['CATEGORY_FROM_BREADCRUMB']);
  });

  it('without breadcrumb and category takes the first line as the title, and warns twice', () => {
    const a = parseArticle(lines.slice(2).join('\n'));
    expect(a.title).toBe(TITLE);
    expect(a.category).toBe('');
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['NO_BREADCRUMB', 'NO_CATEGORY']);
  });

  it('keeps a title line that differs slightly from the breadcrumb, and warns', () => {
    const changed = TITLE.replace('تشاويش', 'تشاووش').replace('بين', 'مع');
    const a = parseArticle(replacing(3, changed));
    expect(a.title).toBe(changed);
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['TITLE_DIFFERS_FROM_BREADCRUMB']);
  });

  it('treats a title differing only in punctuation, spacing, diacritics or hamza as the same', () => {
    const variant = 'مَا بعد استانا 16 - محور مباحثات  هاتفية بين لافروف، وكل من تشاويش اوغلو وبيدرسن!';
    const a = parseArticle(replacing(3, variant));
    expect(a.title).toBe(variant.replace('  ', ' '));
    expect(a.warnings).toEqual([]);
  });

  it('accepts a breadcrumb shortened with an ellipsis', () => {
    const a = parseArticle(replacing(0, 'الرئيسية » ما بعد أستانا 16.. محور مباحثات…'));
    expect(a.title).toBe(TITLE);
    expect(a.warnings).toEqual([]);
  });

  it('without a title line takes the title from the breadcrumb and keeps the body whole', () => {
    const a = parseArticle(without(3));
    expect(a.title).toBe(TITLE);
    expect(a.category).toBe(CATEGORY);
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['TITLE_FROM_BREADCRUMB']);
  });

  it('without title and category lines still keeps the first paragraph as body', () => {
    const a = parseArticle(lines.filter((_, i) => i !== 1 && i !== 3).join('\n'));
    expect(a.title).toBe(TITLE);
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['TITLE_FROM_BREADCRUMB', 'NO_CATEGORY']);
  });

  it('stops the body at the first footer line, and reports dropped text after it', () => {
    const footerAt = lines.indexOf('تصنيفات');
    const text = [...lines.slice(0, 8), 'شارك على فيسبوك', ...lines.slice(8, footerAt), ...lines.slice(footerAt)].join('\n');
    const a = parseArticle(text);
    expect(a.body.split('\n')).toEqual(golden.body.split('\n').slice(0, 2));
    expect(codes(a)).toEqual(['TEXT_AFTER_FOOTER']);
    expect(a.warnings[0]?.message).toContain('9 text line(s)');
  });

  it('drops short labels listed under تصنيفات silently', () => {
    const a = parseArticle(`${fixture}\nسياسة\nاقتصاد\nأخبار عربية`);
    expect(a.body).toBe(golden.body);
    expect(a.warnings).toEqual([]);
  });

  it('keeps body sentences that start like boilerplate', () => {
    const sentence = 'شارك الرئيس في القمة العربية التي عقدت أمس في الرياض.';
    const follow = 'تابعونا غدا في تغطية خاصة للانتخابات.';
    const a = parseArticle(replacing(5, `${sentence}\n\n${follow}`));
    expect(a.body.split('\n').slice(0, 2)).toEqual([sentence, follow]);
  });

  it('warns when a page has a title but no body', () => {
    const a = parseArticle(lines.slice(0, 4).join('\n') + '\n\nتصنيفات');
    expect(a.title).toBe(TITLE);
    expect(a.body).toBe('');
    expect(codes(a)).toEqual(['EMPTY_BODY']);
  });

  it('leaves the title empty when, without breadcrumb, the first line is a paragraph', () => {
    const a = parseArticle(lines.slice(5).join('\n'));
    expect(a.title).toBe('');
    expect(a.body).toBe(golden.body);
    expect(codes(a)).toEqual(['NO_BREADCRUMB', 'NO_TITLE', 'NO_CATEGORY']);
  });

  it('rejects empty and whitespace-only input with INVALID_ARTICLE', () => {
    expectThrows(() => parseArticle(''), 'INVALID_ARTICLE');
    expectThrows(() => parseArticle(' \r\n\t\n\uFEFF'), 'INVALID_ARTICLE');
  });

  it('rejects a page of boilerplate only with INVALID_ARTICLE', () => {
    const footerAt = lines.indexOf('تصنيفات');
    expectThrows(() => parseArticle(lines.slice(footerAt).join('\n')), 'INVALID_ARTICLE');
    expectThrows(() => parseArticle(FOOTER_PATTERNS.map((f) => f.example).join('\r\n')), 'INVALID_ARTICLE');
  });

  it('rejects a non-string with INVALID_INPUT', () => {
    for (const bad of [undefined, null, 42, { text: fixture }, [fixture]]) {
      expectThrows(() => parseArticle(bad as unknown as string), 'INVALID_INPUT');
    }
  });
});

describe('FOOTER_PATTERNS', () => {
  it('each example matches its own pattern', () => {
    for (const f of FOOTER_PATTERNS) expect(f.pattern.test(f.example), f.name).toBe(true);
  });

  it('matches the fixture footer and none of its other lines', () => {
    const footerAt = lines.indexOf('تصنيفات');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      expect(isFooterLine(line), line).toBe(i >= footerAt);
    });
  });

  it.each([
    ['تابعونا على فيسبوك وتويتر', true],
    ['تابعونا عبر تيليجرام', true],
    ['شارك:', true],
    ['واتساب | تويتر | فيسبوك', true],
    ['جميع الحقوق محفوظة © 2021', true],
    ['الكلمات المفتاحية: روسيا، تركيا', true],
    ['تصنيفات: سياسي', true],
    ['تابعونا على المباراة غدا في الملعب البلدي', false],
    ['شارك مئات المتظاهرين في المسيرة', false],
    ['أخبار ذات صلة بالقمة كثيرة هذا الأسبوع', false],
  ])('isFooterLine(%s) is %s', (line, expected) => {
    expect(isFooterLine(line)).toBe(expected);
  });
});

describe('parseArticle: random pages', () => {
  const pool = [...lines, ...FOOTER_PATTERNS.map((f) => f.example), 'الرئيسية »', 'الرئيسية › اقتصاد › عنوان'];
  const line = fc.oneof(fc.constantFrom(...pool), fc.string({ unit: 'grapheme', maxLength: 40 }));
  const eol = fc.constantFrom('\n', '\r\n', '\r');

  it('returns or throws a FahrasError, and the body is clean', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { maxLength: 30 }), fc.boolean(), (parts, bom) => {
        const text = (bom ? '\uFEFF' : '') + parts.map(([l, e]) => l + e).join('');
        let a: ParsedArticle;
        try {
          a = parseArticle(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FahrasError);
          expect((e as FahrasError).code).toBe('INVALID_ARTICLE');
          return;
        }
        expect(a.title.length + a.body.length).toBeGreaterThan(0);
        expect(a.body).not.toMatch(/\r|\n\n|^\n|\n$|\uFEFF/);
        if (a.body.length > 0) for (const p of a.body.split('\n')) expect(isFooterLine(p)).toBe(false);
        expect(a.title).toBe(a.title.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for LF, CRLF and CR versions of a page', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 20 }), (ls) => {
        const run = (eolChar: string): unknown => {
          try {
            return parseArticle(ls.join(eolChar));
          } catch (e) {
            return (e as FahrasError).code;
          }
        };
        const lf = run('\n');
        expect(run('\r\n')).toEqual(lf);
        expect(run('\r')).toEqual(lf);
      }),
    );
  });
});
