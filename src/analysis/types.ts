/**
 * Types shared by the analysis chain and its consumers (the index, the query side).
 * @module
 */

/**
 * One word of analyzed text.
 *
 * Offsets always point into the ORIGINAL text given to the analyzer, so a highlight can land
 * on the characters the user wrote (diacritics, tatweel and clitics included).
 */
export interface Token {
  /** The index term: the stem of the normalized word (equal to `surface` when stemming is off). */
  term: string;
  /**
   * The normalized word, clitics included (e.g. `والكتاب` for `وَالْكِتَاب`): what the user wrote
   * minus spelling noise, for exact-form boosts and suggestions; `term` carries the clitic-free form.
   */
  surface: string;
  /** Offset (UTF-16 code units) of the word's first character in the original text. */
  start: number;
  /** Offset (UTF-16 code units) just past the word's last character in the original text. */
  end: number;
  /** Running word position, counting removed stopwords too, so phrases keep their gaps. */
  position: number;
}
