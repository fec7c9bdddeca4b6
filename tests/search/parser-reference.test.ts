/**
 * The query parser against its first version (kept here as the reference): the rewrite in
 * src/search/parser.ts reads letter codes instead of one-letter strings and regexes, and must give
 * the same parse (same clauses, units, offsets, key order) and the same errors (code, message,
 * position) for every query, strict and lenient.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FahrasError } from '../../src/errors.js';
import { parseLenient, parseQuery } from '../../src/search/parser.js';
import type { ParsedQuery, QueryClause, QueryOccur, QueryUnit } from '../../src/search/parser.js';

// ── Reference: the parser as first written (commit a7dec87) ───────────────────
const OPEN_QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”'],
  ['«', '»'],
]);
const FIELD_NAME = /^[\p{L}\p{N}_.-]+$/u;
const SPACE = /\s/;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && SPACE.test(c);
}

/** Whether `c` ends a word unit. */
function endsWord(c: string | undefined): boolean {
  return c === undefined || isSpace(c) || c === '(' || c === ')' || OPEN_QUOTES.has(c);
}

class RefParser {
  private at = 0;

  constructor(
    private readonly q: string,
    private readonly strict: boolean,
  ) {}

  /** Report a syntax error: throws when strict, else returns so the caller recovers. */
  private fail(position: number, message: string): void {
    if (this.strict) throw new FahrasError('QUERY_SYNTAX', `${message} at position ${position}`, { position });
  }

  private skipSpace(): void {
    while (isSpace(this.q[this.at])) this.at++;
  }

  /** The word at `at` (up to whitespace, a quote or a paren), without consuming it. */
  private peekWord(): string {
    let end = this.at;
    while (!endsWord(this.q[end])) end++;
    return this.q.slice(this.at, end);
  }

  private atOr(): boolean {
    return this.peekWord() === 'OR';
  }

  parse(): ParsedQuery {
    const clauses: QueryClause[] = [];
    for (;;) {
      this.skipSpace();
      if (this.at >= this.q.length) break;
      const c = this.q[this.at]!;
      if (c === ')') {
        this.fail(this.at, 'Unbalanced )');
        this.at++;
        continue;
      }
      if (this.atOr()) {
        this.fail(this.at, 'OR without a term before it');
        // Lenient: the word OR itself.
        const start = this.at;
        this.at += 2;
        clauses.push({ occur: 'should', units: [{ kind: 'word', text: 'OR', start, end: start + 2 }] });
        continue;
      }
      const clause = this.clause();
      if (clause !== undefined) clauses.push(clause);
    }
    return { clauses };
  }

  private clause(): QueryClause | undefined {
    let occur: QueryOccur = 'should';
    const c = this.q[this.at];
    if (c === '+' || c === '-') {
      const next = this.q[this.at + 1];
      if (next === undefined || isSpace(next) || next === ')') {
        this.fail(this.at, `Lone ${c} with nothing after it`);
        this.at++;
        return undefined;
      }
      if (next === '+' || next === '-') this.fail(this.at + 1, `Operator ${next} right after ${c}`);
      else {
        occur = c === '+' ? 'must' : 'not';
        this.at++;
      }
    }
    const units: QueryUnit[] = [];
    this.unit(units);
    for (;;) {
      const save = this.at;
      this.skipSpace();
      if (!this.atOr()) {
        this.at = save;
        break;
      }
      const orAt = this.at;
      this.at += 2;
      this.skipSpace();
      const d = this.q[this.at];
      if (d === undefined || d === ')' || this.atOr()) {
        this.fail(orAt, 'OR without a term after it');
        if (d === undefined || d === ')') units.push({ kind: 'word', text: 'OR', start: orAt, end: orAt + 2 });
        else this.at = orAt + 2;
        continue;
      }
      this.dropOperator();
      this.unit(units);
    }
    return units.length > 0 ? { occur, units } : undefined;
  }

  /** Inside a group or after OR, a + or - is not an operator. */
  private dropOperator(): void {
    const c = this.q[this.at];
    if ((c === '+' || c === '-') && !endsWord(this.q[this.at + 1])) {
      this.fail(this.at, `Operator ${c} is not allowed inside a group or after OR`);
      this.at++;
    }
  }

  /** Parse one unit (a word, a phrase or a group) into `out`, with an optional field scope. */
  private unit(out: QueryUnit[], field?: string): void {
    const q = this.q;
    const start = this.at;
    const c = q[start];
    if (c === undefined) return;
    const close = OPEN_QUOTES.get(c);
    if (close !== undefined) {
      const end = q.indexOf(close, start + 1);
      const alt = close === '”' ? q.indexOf('"', start + 1) : -1;
      const stop = end < 0 ? alt : alt < 0 ? end : Math.min(end, alt);
      if (stop < 0) {
        this.fail(start, 'Unclosed quote');
        this.at = start + 1;
        return;
      }
      this.at = stop + 1;
      const text = q.slice(start + 1, stop);
      if (text.trim() === '') {
        this.fail(start, 'Empty phrase');
        return;
      }
      out.push(field === undefined ? { kind: 'phrase', text, start: start + 1, end: stop } : { kind: 'phrase', text, field, start: start + 1, end: stop });
      return;
    }
    if (c === '(') {
      this.at++;
      const before = out.length;
      for (;;) {
        this.skipSpace();
        const d = q[this.at];
        if (d === undefined) {
          this.fail(start, 'Unclosed (');
          break;
        }
        if (d === ')') {
          this.at++;
          break;
        }
        if (this.atOr()) {
          if (out.length === before) this.fail(this.at, 'OR without a term before it');
          this.at += 2;
          continue;
        }
        this.dropOperator();
        this.unit(out, field);
      }
      if (out.length === before) this.fail(start, 'Empty group');
      return;
    }
    let end = start;
    while (!endsWord(q[end])) end++;
    if (end === start) {
      // A lone closing quote or similar: skip it.
      this.at = start + 1;
      return;
    }
    const word = q.slice(start, end);
    const colon = word.indexOf(':');
    if (field === undefined && colon > 0 && FIELD_NAME.test(word.slice(0, colon))) {
      const name = word.slice(0, colon);
      const after = start + colon + 1;
      if (after === end) {
        const next = q[end];
        if (next !== undefined && (next === '(' || OPEN_QUOTES.has(next))) {
          this.at = end;
          this.unit(out, name);
          return;
        }
        this.fail(start, `Field ${name}: has nothing after it`);
        this.at = end;
        out.push({ kind: 'word', text: name, start, end: start + colon });
        return;
      }
      this.at = end;
      out.push({ kind: 'word', text: word.slice(colon + 1), field: name, start: after, end });
      return;
    }
    this.at = end;
    out.push(field === undefined ? { kind: 'word', text: word, start, end } : { kind: 'word', text: word, field, start, end });
  }
}


// ── Properties ──────────────────────────────────────────────────────────────
/** A parse, or the error it throws, as one comparable string. */
function outcome(parse: () => ParsedQuery): string {
  try {
    return JSON.stringify(parse());
  } catch (e) {
    if (!(e instanceof FahrasError)) throw e;
    return `${e.code} ${e.message} ${JSON.stringify(e.details)}`;
  }
}
function same(q: string): void {
  expect(outcome(() => parseQuery(q)), q).toBe(outcome(() => new RefParser(q, true).parse()));
  expect(outcome(() => parseLenient(q)), q).toBe(outcome(() => new RefParser(q, false).parse()));
}

const pieces = [
  ...'وزيرالخرجةكتب', 'O', 'R', 'o', 'r', 'OR', 'ORR', 'OOR', ' OR ', '(OR', 'OR)', 'title:', 'a:', ':', 'http://x', '_.-:',
  ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u180e',
  '"', '“', '”', '«', '»', '(', ')', '+', '-', '++', '+-', 'c++', 'covid-19', '1', 'é', '😀', '\ud800',
];
const query = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));

describe('parser rewrite = reference parser', () => {
  it('same parse and same errors on random queries (strict and lenient)', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 30 })), (q) => same(q)),
      { numRuns: Number(process.env.FC_RUNS ?? 20000) },
    );
  });

  it('every UTF-16 code unit is whitespace, a delimiter or a word letter as before', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const q of [`a${ch}b`, `a OR${ch}b`]) if (JSON.stringify(parseLenient(q)) !== JSON.stringify(new RefParser(q, false).parse())) differ.push(q);
    }
    expect(differ).toEqual([]);
  });
});
