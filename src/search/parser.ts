/**
 * The query language: words, `"phrases"`, `+required`, `-excluded`, `OR`, `(groups)` and
 * `field:` scoping. {@link parseQuery} is strict and throws `FahrasError('QUERY_SYNTAX')` with the
 * character offset of the mistake; `search` parses leniently ({@link parseLenient}), so a query
 * string never makes it throw: each mistake falls back to plain words.
 *
 * ```ts
 * parseQuery('"وزير الخارجية" +تونس -رياضة title:الانتخابات');
 * // clauses: should "وزير الخارجية" (phrase) · must تونس · not رياضة · should الانتخابات in title
 * parseQuery('(النفط OR الغاز) اسعار');
 * // clauses: should النفط|الغاز · should اسعار
 * parseQuery('"وزير الخارجية');   // throws QUERY_SYNTAX, details.position 0 (unclosed quote)
 * ```
 *
 * Grammar (whitespace separates units; a unit's text runs until whitespace, a quote or a paren):
 * ```text
 * query  := clause*
 * clause := ['+' | '-'] chain            + required, - excluded, else optional
 * chain  := unit ('OR' unit)*             one clause: any of its units
 * unit   := [name ':'] (word | phrase | '(' (unit | 'OR')* ')')
 * phrase := '"' … '"'  |  '“' … '”'  |  '«' … '»'
 * ```
 * - A group is one clause matching any of its units (`(a b)` is `a OR b`); groups nest and are
 *   flattened; a field name before a group scopes every unit in it.
 * - `+` and `-` count as operators only at the start of a clause (`covid-19` is a word); inside a
 *   group or after `OR` they are a syntax error.
 * - `OR` is the Latin word in capitals; `or`, `او` and `أو` are ordinary words.
 * - `name:` is a field scope when `name` is made of letters, digits, `_`, `-` or `.`; whether it
 *   names an indexed field is for the caller to decide (`search` treats `http://…` and unknown
 *   names as plain text).
 *
 * Lenient recovery (what `search` does instead of throwing): an unclosed quote or parenthesis is
 * ignored and the rest read as words; a stray `)` or a lone `+`/`-` is dropped; a misplaced `OR`
 * is an ordinary word; `title:` with nothing after it is the word `title`; an operator inside a
 * group or after `OR` is dropped; an empty phrase or group yields nothing.
 * @module
 */
import { FahrasError } from '../errors.js';

/** How a clause takes part in the query: optional, required (`+`) or excluding (`-`). */
export type QueryOccur = 'should' | 'must' | 'not';

/** A word unit: text that the index's analyzer splits into words. */
export interface QueryWord {
  /** Unit kind. */
  readonly kind: 'word';
  /** The text as written (without operator or field prefix). */
  readonly text: string;
  /** The field scope (`title:` …), when given. */
  readonly field?: string;
  /** Offset of `text` in the query (UTF-16 code units). */
  readonly start: number;
  /** Offset just past `text`. */
  readonly end: number;
}

/** A phrase unit: its words must appear in order, next to each other, in one field. */
export interface QueryPhrase {
  /** Unit kind. */
  readonly kind: 'phrase';
  /** The text between the quotes. */
  readonly text: string;
  /** The field scope, when given. */
  readonly field?: string;
  /** Offset of `text` (just after the opening quote). */
  readonly start: number;
  /** Offset just past `text` (at the closing quote). */
  readonly end: number;
}

/** A word or a phrase. */
export type QueryUnit = QueryWord | QueryPhrase;

/** One clause: matches a document when any of its units does. */
export interface QueryClause {
  /** Optional, required or excluding. */
  readonly occur: QueryOccur;
  /** The alternatives (one unless joined by `OR` or grouped), in query order. */
  readonly units: readonly QueryUnit[];
}

/** A parsed query. */
export interface ParsedQuery {
  /** Clauses in query order. */
  readonly clauses: readonly QueryClause[];
}

// The parser reads letter codes (`charCodeAt`), never one-letter strings, and tests whitespace
// without a regex: a plain query of a few words is read in one pass with one slice per word.
const QUOTE = 0x22; // "
const LEFT_DOUBLE_QUOTE = 0x201c; // “
const LEFT_GUILLEMET = 0xab; // «
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const PLUS = 0x2b;
const MINUS = 0x2d;
const LETTER_O = 0x4f;
const LETTER_R = 0x52;
const FIELD_NAME = /^[\p{L}\p{N}_.-]+$/u;

/** Whether code unit `c` is whitespace as `/\s/` means it (NaN, past the end, is not). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The closing quote of an opening quote `c` (`"` `“` `«`), or undefined. */
function closeQuote(c: number): string | undefined {
  return c === QUOTE ? '"' : c === LEFT_DOUBLE_QUOTE ? '”' : c === LEFT_GUILLEMET ? '»' : undefined;
}

/** Whether `c` opens a quote. */
function isOpenQuote(c: number): boolean {
  return c === QUOTE || c === LEFT_DOUBLE_QUOTE || c === LEFT_GUILLEMET;
}

/** Whether `q[i]` ends a word unit (so does the end of `q`). */
function endsWord(q: string, i: number): boolean {
  if (i >= q.length) return true;
  const c = q.charCodeAt(i);
  return isSpace(c) || c === OPEN_PAREN || c === CLOSE_PAREN || isOpenQuote(c);
}

class Parser {
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
    const q = this.q;
    let at = this.at;
    while (at < q.length && isSpace(q.charCodeAt(at))) at++;
    this.at = at;
  }

  /** Whether the word at `at` (up to whitespace, a quote or a paren) is `OR`. */
  private atOr(): boolean {
    const q = this.q;
    const at = this.at;
    return q.charCodeAt(at) === LETTER_O && q.charCodeAt(at + 1) === LETTER_R && endsWord(q, at + 2);
  }

  parse(): ParsedQuery {
    const clauses: QueryClause[] = [];
    const q = this.q;
    for (;;) {
      this.skipSpace();
      if (this.at >= q.length) break;
      if (q.charCodeAt(this.at) === CLOSE_PAREN) {
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
    const q = this.q;
    let occur: QueryOccur = 'should';
    const c = q.charCodeAt(this.at);
    if (c === PLUS || c === MINUS) {
      const op = c === PLUS ? '+' : '-';
      const at = this.at + 1;
      const next = q.charCodeAt(at);
      if (at >= q.length || isSpace(next) || next === CLOSE_PAREN) {
        this.fail(this.at, `Lone ${op} with nothing after it`);
        this.at++;
        return undefined;
      }
      if (next === PLUS || next === MINUS) this.fail(at, `Operator ${next === PLUS ? '+' : '-'} right after ${op}`);
      else {
        occur = c === PLUS ? 'must' : 'not';
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
      const atEnd = this.at >= q.length;
      const d = q.charCodeAt(this.at);
      if (atEnd || d === CLOSE_PAREN || this.atOr()) {
        this.fail(orAt, 'OR without a term after it');
        if (atEnd || d === CLOSE_PAREN) units.push({ kind: 'word', text: 'OR', start: orAt, end: orAt + 2 });
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
    const c = this.q.charCodeAt(this.at);
    if ((c === PLUS || c === MINUS) && !endsWord(this.q, this.at + 1)) {
      this.fail(this.at, `Operator ${c === PLUS ? '+' : '-'} is not allowed inside a group or after OR`);
      this.at++;
    }
  }

  /** Parse one unit (a word, a phrase or a group) into `out`, with an optional field scope. */
  private unit(out: QueryUnit[], field?: string): void {
    const q = this.q;
    const start = this.at;
    if (start >= q.length) return;
    const c = q.charCodeAt(start);
    const close = closeQuote(c);
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
    if (c === OPEN_PAREN) {
      this.at++;
      const before = out.length;
      for (;;) {
        this.skipSpace();
        if (this.at >= q.length) {
          this.fail(start, 'Unclosed (');
          break;
        }
        if (q.charCodeAt(this.at) === CLOSE_PAREN) {
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
    while (!endsWord(q, end)) end++;
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
        if (end < q.length) {
          const next = q.charCodeAt(end);
          if (next === OPEN_PAREN || isOpenQuote(next)) {
            this.at = end;
            this.unit(out, name);
            return;
          }
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

/**
 * Parse a query strictly. Throws `FahrasError('QUERY_SYNTAX')` at the first mistake, with
 * `details.position` the offset (UTF-16 code units) where it is: an unclosed quote or `(`, a
 * stray `)`, a lone `+`/`-`, `OR` with nothing on one side, `+`/`-` inside a group or after
 * `OR`, two operators in a row, `name:` with nothing after it, an empty phrase or group. Throws `INVALID_QUERY` when
 * `query` is not a string.
 */
export function parseQuery(query: string): ParsedQuery {
  if (typeof query !== 'string') throw new FahrasError('INVALID_QUERY', `A query must be a string, got ${query === null ? 'null' : typeof query}`);
  return new Parser(query, true).parse();
}

/** Parse a query, recovering from every mistake as the module documentation says. Never throws. */
export function parseLenient(query: string): ParsedQuery {
  return new Parser(query, false).parse();
}
