/**
 * Parses a raw scraped Arabic news page into `{ title, category, body }`.
 *
 * ```ts
 * const page = [
 *   'الرئيسية » ما بعد أستانا 16.. محور مباحثات هاتفية',
 *   'سياسي',
 *   '',
 *   'ما بعد أستانا 16.. محور مباحثات هاتفية',
 *   '',
 *   'بحث وزير الخارجية الروسي …',
 *   '',
 *   'تصنيفات',
 *   'تابعونا على فيسبوك',
 * ].join('\n');
 * parseArticle(page);
 * // { title: 'ما بعد أستانا 16.. محور مباحثات هاتفية', category: 'سياسي',
 * //   body: 'بحث وزير الخارجية الروسي …', warnings: [] }
 * ```
 *
 * The page shape: a breadcrumb line (`الرئيسية » … » title`), a category line, the title, body
 * paragraphs, then site boilerplate (see {@link FOOTER_PATTERNS}). Every part but the body may be
 * missing; what the parser had to guess is reported in `warnings`. Pure string work: safe in
 * browsers.
 * @module
 */
import { FahrasError } from '../errors.js';
import { matchFooter } from './boilerplate.js';
import { compareTitles } from './title-match.js';

/**
 * What {@link parseArticle} had to guess:
 * - `NO_BREADCRUMB`: no `الرئيسية » …` line; the title (and category) come from the line order.
 * - `NO_CATEGORY`: no category line and none in the breadcrumb; `category` is `''`.
 * - `CATEGORY_FROM_BREADCRUMB`: no category line; the breadcrumb's segment before the title was used.
 * - `TITLE_FROM_BREADCRUMB`: no title line matches the breadcrumb; its last segment was used.
 * - `TITLE_DIFFERS_FROM_BREADCRUMB`: the title line differs slightly from the breadcrumb's
 *   title; the title line was kept.
 * - `NO_TITLE`: no breadcrumb and the first line reads like a paragraph; `title` is `''`.
 * - `EMPTY_BODY`: a title but no body paragraphs; `body` is `''`.
 * - `TEXT_AFTER_FOOTER`: lines after the first footer line that no footer pattern names and
 *   that are longer than a short label (a category name under `تصنيفات`) were dropped with the
 *   footer; the message gives their count. Often a sign of a missing footer pattern.
 */
export type ArticleWarningCode =
  | 'NO_BREADCRUMB'
  | 'NO_CATEGORY'
  | 'CATEGORY_FROM_BREADCRUMB'
  | 'TITLE_FROM_BREADCRUMB'
  | 'TITLE_DIFFERS_FROM_BREADCRUMB'
  | 'NO_TITLE'
  | 'EMPTY_BODY'
  | 'TEXT_AFTER_FOOTER';

/** One guess {@link parseArticle} made, as a stable code and a message naming the text involved. */
export interface ArticleWarning {
  /** What was guessed. */
  readonly code: ArticleWarningCode;
  /** The guess in words, quoting the lines involved. */
  readonly message: string;
}

/** The result of {@link parseArticle}. */
export interface ParsedArticle {
  /** The headline, whitespace collapsed; `''` only with a `NO_TITLE` warning. */
  title: string;
  /** The category label as the page shows it (e.g. `سياسي`); `''` with a `NO_CATEGORY` warning. */
  category: string;
  /**
   * The body paragraphs, each trimmed with internal whitespace collapsed to single spaces,
   * empty lines dropped, joined with `\n` (the shape of the ANT corpus `body`). Never contains a
   * footer line. `''` only with an `EMPTY_BODY` warning.
   */
  body: string;
  /** What the parser had to guess, in the order it guessed; empty for a well-formed page. */
  warnings: ArticleWarning[];
}

/** Line breaks: CRLF, CR, LF, and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/u;
/** U+FEFF ZERO WIDTH NO-BREAK SPACE, the byte order mark at the start of a file. */
const BOM = '\uFEFF';
/**
 * Invisible marks dropped from every line: U+200B ZERO WIDTH SPACE, U+200E LEFT-TO-RIGHT MARK,
 * U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK, U+202A–U+202E bidi embeddings and
 * overrides, U+2066–U+2069 bidi isolates, and stray U+FEFF.
 */
const INVISIBLE = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
/** Runs of whitespace (JavaScript `\s`: includes no-break and other Unicode spaces). */
const WHITESPACE_RUN = /\s+/gu;
/** A breadcrumb line: the home link, a separator, then the trail. Group 1 is the trail. */
const BREADCRUMB = /^(?:الرئيسية|الرئيسيه|الصفحة الرئيسية|الصفحه الرئيسيه|home)\s*[»›>]\s*(.*)$/iu;
/** Separators between breadcrumb segments. */
const BREADCRUMB_SEPARATOR = /\s*[»›>]\s*/u;
/** Punctuation that never appears in a category label. */
const SENTENCE_PUNCTUATION = /[.,،؛;:!?؟…«»"“”()\d]/u;
/** A line that ends a sentence with a single full stop (an ellipsis `..` or `…` does not count). */
const ENDS_WITH_FULL_STOP = /(?:^|[^.])[.۔]$/u;

/** At most this many words in a category line. */
const MAX_CATEGORY_WORDS = 3;
/** At most this many UTF-16 code units in a category line. */
const MAX_CATEGORY_LENGTH = 40;
/** At most this many words in a title line found without a breadcrumb. */
const MAX_TITLE_WORDS = 40;
/** At most this many UTF-16 code units in a title line found without a breadcrumb. */
const MAX_TITLE_LENGTH = 300;

interface Breadcrumb {
  /** The last segment. */
  title: string;
  /** The segment before the last, when the trail has more than one. */
  category: string;
}

function cleanLine(line: string): string {
  return line.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();
}

function wordCount(line: string): number {
  let n = 1;
  for (let i = line.indexOf(' '); i !== -1; i = line.indexOf(' ', i + 1)) n++;
  return n;
}

function parseBreadcrumb(line: string): Breadcrumb | undefined {
  const m = BREADCRUMB.exec(line);
  if (m === null) return undefined;
  const segments = (m[1] ?? '').split(BREADCRUMB_SEPARATOR).filter((s) => s.length > 0);
  return { title: segments[segments.length - 1] ?? '', category: segments[segments.length - 2] ?? '' };
}

/** A short label: few words, no punctuation or digits. */
function isCategoryLike(line: string): boolean {
  return line.length <= MAX_CATEGORY_LENGTH && wordCount(line) <= MAX_CATEGORY_WORDS && !SENTENCE_PUNCTUATION.test(line);
}

/** A headline rather than a paragraph: not too long, not ending with a full stop. */
function isTitleLike(line: string): boolean {
  return line.length <= MAX_TITLE_LENGTH && wordCount(line) <= MAX_TITLE_WORDS && !ENDS_WITH_FULL_STOP.test(line);
}

/**
 * Parse a raw scraped article page.
 *
 * Lines are split on CRLF, CR or LF; a BOM and invisible bidi marks are dropped; each line is
 * trimmed with internal whitespace collapsed; empty lines are ignored. The page is read top down:
 *
 * 1. Footer: the first line matching {@link FOOTER_PATTERNS} ends the page; nothing after it
 *    reaches any field.
 * 2. Breadcrumb: a first line `الرئيسية » … » title` (also `›` or `>`). Its last segment is the
 *    breadcrumb title, the segment before it (if any) a fallback category.
 * 3. With a breadcrumb: the next line is the title if it matches the breadcrumb title (same
 *    after folding punctuation, spacing, diacritics and letter forms, or similar by character
 *    bigrams; see `compareTitles`). Otherwise, if it is a short label (≤ 3 words and
 *    40 characters, no punctuation or digits) it is the category, and the line after it is tested as the
 *    title. Without a matching line, the breadcrumb title is used.
 * 4. Without a breadcrumb: a short label followed by a headline-like line (≤ 40 words
 *    and 300 characters, not ending with a single full stop) is category then title; otherwise a headline-like first
 *    line is the title; otherwise there is no title and every line is body.
 * 5. The remaining lines are the body, joined with `\n`.
 *
 * @param text - the page as text (a BOM and any line-break style are accepted)
 * @returns title, category, body and the list of guesses made
 * @throws FahrasError `INVALID_INPUT` if `text` is not a string; `INVALID_ARTICLE` if the page has
 *   neither a title nor a body (empty, whitespace only, or only boilerplate)
 */
export function parseArticle(text: string): ParsedArticle {
  if (typeof text !== 'string') {
    throw new FahrasError('INVALID_INPUT', `parseArticle expects a string, got ${text === null ? 'null' : typeof text}`);
  }
  const source = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const warnings: ArticleWarning[] = [];
  const warn = (code: ArticleWarningCode, message: string): void => {
    warnings.push({ code, message });
  };

  // 1. Content lines up to the first footer line.
  const rawLines = source.split(LINE_BREAK);
  const lines: string[] = [];
  let footerAt = -1;
  for (let i = 0; i < rawLines.length; i++) {
    const line = cleanLine(rawLines[i] ?? '');
    if (line.length === 0) continue;
    if (matchFooter(line) !== undefined) {
      footerAt = i;
      break;
    }
    lines.push(line);
  }
  if (footerAt !== -1) {
    let dropped = 0;
    for (let i = footerAt + 1; i < rawLines.length; i++) {
      const line = cleanLine(rawLines[i] ?? '');
      if (line.length > 0 && matchFooter(line) === undefined && !isCategoryLike(line)) dropped++;
    }
    if (dropped > 0) {
      warn('TEXT_AFTER_FOOTER', `dropped ${dropped} text line(s) after the footer line "${cleanLine(rawLines[footerAt] ?? '')}"`);
    }
  }

  let next = 0;
  let title = '';
  let category = '';
  const breadcrumb = lines.length > 0 ? parseBreadcrumb(lines[0] ?? '') : undefined;

  if (breadcrumb !== undefined && breadcrumb.title.length > 0) {
    // 3. Breadcrumb, then [category], then title.
    next = 1;
    const takeTitle = (line: string | undefined): boolean => {
      if (line === undefined) return false;
      const relation = compareTitles(line, breadcrumb.title);
      if (relation === 'different') return false;
      if (relation === 'similar') {
        warn('TITLE_DIFFERS_FROM_BREADCRUMB', `title line "${line}" differs from the breadcrumb's "${breadcrumb.title}"; kept the title line`);
      }
      title = line;
      next++;
      return true;
    };
    if (!takeTitle(lines[next])) {
      const candidate = lines[next];
      if (candidate !== undefined && isCategoryLike(candidate)) {
        category = candidate;
        next++;
        takeTitle(lines[next]);
      }
    }
    if (title.length === 0) {
      title = breadcrumb.title;
      warn('TITLE_FROM_BREADCRUMB', `no title line matches the breadcrumb; took the title "${title}" from it`);
    }
    if (category.length === 0) {
      if (breadcrumb.category.length > 0) {
        category = breadcrumb.category;
        warn('CATEGORY_FROM_BREADCRUMB', `no category line; took the category "${category}" from the breadcrumb`);
      } else {
        warn('NO_CATEGORY', 'no category line and no category in the breadcrumb');
      }
    }
  } else {
    // 4. No breadcrumb: [category], title, by the shape of the first two lines.
    // A breadcrumb line that names no title ("الرئيسية »") is dropped.
    next = breadcrumb === undefined ? 0 : 1;
    const first = lines[next];
    const second = lines[next + 1];
    if (first !== undefined && second !== undefined && isCategoryLike(first) && isTitleLike(second)) {
      category = first;
      title = second;
      next += 2;
      warn('NO_BREADCRUMB', `no breadcrumb line; took "${category}" as the category and "${title}" as the title from the line order`);
    } else if (first !== undefined && isTitleLike(first)) {
      title = first;
      next += 1;
      warn('NO_BREADCRUMB', `no breadcrumb line; took the first line "${title}" as the title`);
      warn('NO_CATEGORY', 'no category line');
    } else if (first !== undefined) {
      warn('NO_BREADCRUMB', 'no breadcrumb line');
      warn('NO_TITLE', 'no breadcrumb and the first line reads like a paragraph; the title is empty');
      warn('NO_CATEGORY', 'no category line');
    }
  }

  const body = lines.slice(next).join('\n');
  if (title.length === 0 && body.length === 0) {
    throw new FahrasError(
      'INVALID_ARTICLE',
      lines.length === 0 && footerAt !== -1
        ? 'the page holds only site boilerplate: no title and no body'
        : 'the page has no title and no body',
    );
  }
  if (body.length === 0) warn('EMPTY_BODY', 'the page has a title but no body paragraphs');
  return { title, category, body, warnings };
}
