import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLenient, parseQuery } from '../../src/search/parser.js';
import type { ParsedQuery } from '../../src/search/parser.js';
import { FahrasError } from '../../src/errors.js';

/** A compact view: occur + units as `field:text` or `"text"`. */
function view(p: ParsedQuery): string[] {
  return p.clauses.map((c) => `${c.occur === 'must' ? '+' : c.occur === 'not' ? '-' : ''}${c.units.map((u) => `${u.field !== undefined ? `${u.field}:` : ''}${u.kind === 'phrase' ? `"${u.text}"` : u.text}`).join('|')}`);
}

function syntaxError(q: string): FahrasError {
  try {
    parseQuery(q);
  } catch (e) {
    expect(e).toBeInstanceOf(FahrasError);
    expect((e as FahrasError).code).toBe('QUERY_SYNTAX');
    return e as FahrasError;
  }
  throw new Error(`no syntax error for ${q}`);
}

describe('parseQuery', () => {
  it('plain words are optional clauses', () => {
    expect(view(parseQuery('وزير الخارجية'))).toEqual(['وزير', 'الخارجية']);
  });

  it('phrases, required, excluded, field scope', () => {
    expect(view(parseQuery('"وزير الخارجية" +تونس -رياضة title:الانتخابات'))).toEqual(['"وزير الخارجية"', '+تونس', '-رياضة', 'title:الانتخابات']);
  });

  it('Arabic and typographic quotes open phrases', () => {
    expect(view(parseQuery('«وزير الخارجية» “معرض الكتاب”'))).toEqual(['"وزير الخارجية"', '"معرض الكتاب"']);
  });

  it('OR joins units into one clause; an operator before the chain applies to it', () => {
    expect(view(parseQuery('النفط OR الغاز اسعار'))).toEqual(['النفط|الغاز', 'اسعار']);
    expect(view(parseQuery('+النفط OR الغاز'))).toEqual(['+النفط|الغاز']);
  });

  it('a group is any of its units, nested groups flatten, a field scopes the group', () => {
    expect(view(parseQuery('(النفط الغاز) اسعار'))).toEqual(['النفط|الغاز', 'اسعار']);
    expect(view(parseQuery('-(رياضة OR (كرة قدم))'))).toEqual(['-رياضة|كرة|قدم']);
    expect(view(parseQuery('title:(النفط "اسعار الغاز")'))).toEqual(['title:النفط|title:"اسعار الغاز"']);
    expect(view(parseQuery('category:"كرة القدم"'))).toEqual(['category:"كرة القدم"']);
  });

  it('a hyphen or plus inside a word is not an operator; or/أو are words', () => {
    expect(view(parseQuery('covid-19 c++ or أو'))).toEqual(['covid-19', 'c++', 'or', 'أو']);
  });

  it('offsets point at the unit text in the query', () => {
    const q = 'وزير title:الانتخابات "معرض الكتاب"';
    const units = parseQuery(q).clauses.flatMap((c) => c.units);
    for (const u of units) expect(q.slice(u.start, u.end)).toBe(u.text);
  });

  it.each([
    ['"وزير الخارجية', 0, 'unclosed quote'],
    ['وزير )', 5, 'stray )'],
    ['(وزير', 0, 'unclosed ('],
    ['وزير -', 5, 'lone -'],
    ['+ وزير', 0, 'lone +'],
    ['OR وزير', 0, 'OR first'],
    ['وزير OR', 5, 'OR last'],
    ['title: وزير', 0, 'field with nothing'],
    ['"" وزير', 0, 'empty phrase'],
    ['() وزير', 0, 'empty group'],
    ['(وزير -سفير)', 6, 'operator inside a group'],
    ['وزير OR -سفير', 8, 'operator after OR'],
    ['+-وزير', 1, 'two operators'],
  ])('strict: %s fails at %i (%s)', (q, position) => {
    expect(syntaxError(q).details.position).toBe(position);
  });

  it('throws INVALID_QUERY for a non-string', () => {
    expect(() => parseQuery(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }) as Error);
  });
});

describe('parseLenient', () => {
  it.each([
    ['"وزير الخارجية', ['وزير', 'الخارجية']],
    ['وزير -', ['وزير']],
    ['title: وزير', ['title', 'وزير']],
    ['وزير )', ['وزير']],
    ['(وزير سفير', ['وزير|سفير']],
    ['OR وزير', ['OR', 'وزير']],
    ['(وزير -سفير)', ['وزير|سفير']],
    ['"" وزير', ['وزير']],
  ])('%s falls back to plain words', (q, expected) => {
    expect(view(parseLenient(q))).toEqual(expected);
  });

  it('never throws and agrees with the strict parser when that succeeds (property)', () => {
    const alphabet = fc.constantFrom('و', 'ز', 'ي', 'ر', ' ', '"', '«', '»', '(', ')', '+', '-', ':', 'O', 'R', 't', 'OR', ' OR ', 'title:');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 20 }), (parts) => {
        const q = parts.join('');
        const lenient = parseLenient(q);
        let strict: ParsedQuery | undefined;
        try {
          strict = parseQuery(q);
        } catch (e) {
          expect((e as FahrasError).code).toBe('QUERY_SYNTAX');
          const position = (e as FahrasError).details.position!;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(q.length);
        }
        if (strict !== undefined) expect(lenient).toEqual(strict);
        for (const c of lenient.clauses) for (const u of c.units) expect(q.slice(u.start, u.end)).toBe(u.text);
      }),
      { numRuns: 2000 },
    );
  });
});
