import fc from 'fast-check';

/**
 * The spelling variants each engine misses without fahras: a document spelled one way, a
 * query spelled another way that a reader takes for the same word. Shared by the adapter tests.
 */
export interface SpellingCase {
  /** What differs between the document and the query. */
  readonly name: string;
  /** Text of the indexed document. */
  readonly doc: string;
  /** A query that must find it. */
  readonly query: string;
}

export const SPELLING_CASES: readonly SpellingCase[] = [
  { name: 'hamza on alef (أعلن / اعلن)', doc: 'أعلن الوزير الخطة', query: 'اعلن' },
  { name: 'hamza dropped in the document (اعلن / أعلن)', doc: 'اعلن الوزير الخطة', query: 'أعلن' },
  { name: 'hamza below (إعلان / اعلان)', doc: 'إعلان رسمي', query: 'اعلان' },
  { name: 'teh marbuta written heh (مدرسة / مدرسه)', doc: 'افتتاح مدرسة', query: 'مدرسه' },
  { name: 'alef maksura written yeh (مستشفى / مستشفي)', doc: 'افتتاح مستشفى', query: 'مستشفي' },
  { name: 'conjunction and article (والكتاب / كتاب)', doc: 'قرأت والكتاب مفتوح', query: 'كتاب' },
  { name: 'preposition and article (بالمدينة / مدينة)', doc: 'يعيش بالمدينة', query: 'مدينة' },
  { name: 'harakat (كَتَبَ / كتب)', doc: 'كَتَبَ الطالبُ', query: 'كتب' },
  { name: 'tatweel (كتـــاب / كتاب)', doc: 'هذا كتـــاب', query: 'كتاب' },
  { name: 'Persian keheh (کتاب / كتاب)', doc: 'کتاب جديد', query: 'كتاب' },
  { name: 'Farsi yeh (ایران / ايران)', doc: 'زار ایران', query: 'ايران' },
];

/** Random text over Arabic and Persian letters, harakat, tatweel, digits, Latin, spaces and punctuation. */
export const arabicText = fc
  .array(
    fc.constantFrom(
      ...'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى',
      'ک', 'ی', 'گ', 'پ', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640',
      '0', '7', '٣', 'a', 'Z', ' ', ' ', ' ', '،', '.', '-', '\n',
    ),
    { maxLength: 60 },
  )
  .map((chars) => chars.join(''));

/** Analyzer options with a synonym filter: the stem of `سيارة` is also indexed as `car`. */
export const withSynonym = {
  filters: [(term: string) => (term === 'سيار' ? [term, 'car'] : term)],
};
