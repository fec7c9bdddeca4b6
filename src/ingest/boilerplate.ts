/**
 * The site boilerplate that ends a scraped article page: category lists, "follow us" and share
 * lines, tag lists, related-article and comment headings, copyright notices.
 *
 * ```ts
 * isFooterLine('تابعونا على فيسبوك')   // true
 * isFooterLine('شارك الرئيس في القمة') // false: a sentence, not a share button
 * ```
 *
 * Every pattern matches a WHOLE line (after whitespace is collapsed and the line trimmed), so a
 * body sentence that merely starts with the same word ("شارك", "تابعونا") is not cut. The article
 * parser stops the body at the first line that matches one of these patterns: everything from
 * there on is footer, even lines no pattern names (a list of category names under `تصنيفات`).
 * @module
 */

/** One documented footer pattern of {@link FOOTER_PATTERNS}. */
export interface FooterPattern {
  /** A short stable name for the kind of line (`categories`, `follow`, `share`, …). */
  readonly name: string;
  /** Matches a whole cleaned line (whitespace collapsed, trimmed); anchored at both ends. */
  readonly pattern: RegExp;
  /** A line this pattern matches, as seen on Arabic news sites (also used by the tests). */
  readonly example: string;
}

/** Social networks and share targets as they appear on share buttons rendered as text, with an optional و (and) and ال (the). */
const NETWORK =
  '(?:و)?(?:ال)?(?:فيسبوك|فيس بوك|فايسبوك|تويتر|تويتير|إكس|واتساب|واتس آب|واتس اب|تيليجرام|تيليغرام|تلغرام|تليجرام|' +
  'انستغرام|انستجرام|إنستغرام|إنستجرام|يوتيوب|لينكد إن|لينكدإن|تيك توك|سناب شات|بريد إلكتروني|البريد الإلكتروني|' +
  'facebook|twitter|x|whatsapp|telegram|instagram|youtube|linkedin|tiktok|snapchat|email|e-mail|print|طباعة|رابط مختصر)';

/** Separators between share-button labels rendered on one line. */
const SEP = '[\\s,،|•·/-]+';

/**
 * The footer patterns, in the order they are tried. Exported so callers can read (and tests can
 * check) exactly what is treated as boilerplate. All patterns are case-insensitive and Unicode-aware.
 */
export const FOOTER_PATTERNS: readonly FooterPattern[] = [
  {
    name: 'categories',
    pattern: /^(?:ال)?تصنيف(?:ات)?(?:\s*:.*)?$/iu,
    example: 'تصنيفات',
  },
  {
    name: 'follow',
    pattern: new RegExp(`^تابعو(?:نا|ا)(?:\\s+(?:على|عبر|في)\\s+${NETWORK}(?:${SEP}${NETWORK})*)?\\s*:?$`, 'iu'),
    example: 'تابعونا على فيسبوك',
  },
  {
    name: 'share',
    pattern: new RegExp(
      `^(?:شارك|شاركها|شاركوا|شارك الخبر|شارك المقال|شارك هذا المقال|شارك هذا الخبر|مشاركة|انشر|أرسل لصديق|ارسل لصديق)` +
        `(?:\\s+(?:على|عبر)\\s+${NETWORK}(?:${SEP}${NETWORK})*)?\\s*:?$`,
      'iu',
    ),
    example: 'شارك على تويتر',
  },
  {
    name: 'networks',
    pattern: new RegExp(`^${NETWORK}(?:${SEP}${NETWORK})*$`, 'iu'),
    example: 'فيسبوك تويتر واتساب',
  },
  {
    name: 'tags',
    pattern: /^(?:الكلمات المفتاحية|كلمات مفتاحية|الكلمات الدالة|كلمات دالة|الوسوم|وسوم|tags)(?:\s*:.*)?$/iu,
    example: 'الوسوم: سوريا، روسيا',
  },
  {
    name: 'related',
    pattern: /^(?:أخبار|مقالات|مواضيع|موضوعات|اخبار) (?:ذات صلة|متعلقة|مشابهة|مرتبطة)\s*:?$/iu,
    example: 'أخبار ذات صلة',
  },
  {
    name: 'most-read',
    pattern: /^(?:الأكثر قراءة|الاكثر قراءة|الأكثر مشاهدة|الأكثر تداولا|آخر الأخبار|أحدث الأخبار|أهم الأخبار)\s*:?$/iu,
    example: 'الأكثر قراءة',
  },
  {
    name: 'comments',
    pattern: /^(?:التعليقات|تعليقات|أضف تعليقا?|أضف تعليقك|اترك تعليقا?|اترك تعليقك|لا توجد تعليقات.*)\s*:?$/iu,
    example: 'أضف تعليقك',
  },
  {
    name: 'copyright',
    pattern: /^(?:©|\(c\)|copyright\b|جميع الحقوق محفوظة|حقوق النشر محفوظة|كل الحقوق محفوظة).*$/iu,
    example: 'جميع الحقوق محفوظة © 2021',
  },
  {
    name: 'newsletter',
    pattern: /^(?:اشترك|اشتركوا|سجل) (?:في|ب)?\s*(?:النشرة|القائمة) (?:البريدية|الإخبارية).*$/iu,
    example: 'اشترك في النشرة البريدية',
  },
];

/**
 * Longest line (in UTF-16 code units) that can be footer. Footer lines are buttons and headings;
 * a longer line is always kept as text even if a pattern would match it.
 */
export const MAX_FOOTER_LINE_LENGTH = 120;

/**
 * The {@link FooterPattern} that matches `line`, or `undefined`.
 * @param line - one line, whitespace already collapsed and trimmed
 */
export function matchFooter(line: string): FooterPattern | undefined {
  if (line.length === 0 || line.length > MAX_FOOTER_LINE_LENGTH) return undefined;
  for (const footer of FOOTER_PATTERNS) if (footer.pattern.test(line)) return footer;
  return undefined;
}

/**
 * Whether `line` is site boilerplate that starts a page's footer (see {@link FOOTER_PATTERNS}).
 * @param line - one line, whitespace already collapsed and trimmed
 */
export function isFooterLine(line: string): boolean {
  return matchFooter(line) !== undefined;
}
