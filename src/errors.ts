/**
 * Every error fahras throws is a {@link FahrasError} with a {@link FahrasErrorCode}.
 *
 * ```ts
 * try { index.add(doc) } catch (e) {
 *   if (e instanceof FahrasError && e.code === 'DUPLICATE_ID') { … }
 * }
 * ```
 * @module
 */

/**
 * The machine-readable reason of a {@link FahrasError}. The set only grows; codes are never
 * renamed within a major version.
 *
 * - `INVALID_OPTION`: an option has the wrong type or an out-of-range value.
 * - `UNKNOWN_OPTION`: an option name fahras does not know (often a typo).
 * - `INVALID_DOCUMENT`: a document is not a plain object.
 * - `INVALID_ID`: a document's id is missing, empty, or not a string or finite number.
 * - `DUPLICATE_ID`: `add` was given an id that is already in the index.
 * - `UNKNOWN_ID`: `remove` or `update` named an id that is not in the index (only where documented).
 * - `INVALID_FIELD`: a field value is of a type that cannot be indexed (object, function, symbol…).
 * - `FIELD_TOO_LONG`: a field exceeds `maxFieldLength` and the policy is to reject.
 * - `INVALID_QUERY`: a query is not a string, or a strict parse failed.
 * - `QUERY_SYNTAX`: `parseQuery` found a syntax error (the error carries the position).
 * - `ABORTED`: an async operation was aborted through its `AbortSignal`.
 * - `INDEX_BUSY`: the index was changed (add, update, remove, clear, vacuum) from inside one of
 *   its own searches, i.e. from a `filter` callback; change it after `search` returns.
 * - `CORRUPT_INDEX`: saved-index bytes fail their checksum or structure checks.
 * - `TRUNCATED_INDEX`: saved-index bytes end before the structure they announce.
 * - `NOT_AN_INDEX`: bytes that do not start with the fahras magic number (foreign or empty input).
 * - `UNSUPPORTED_VERSION`: a saved index written by a newer format version (or with flags this
 *   version does not know), or analyzed by another version of the built-in analysis.
 * - `INVALID_ARTICLE`: the article parser could not find a title or body.
 * - `INVALID_INPUT`: any other argument of the wrong type.
 */
export type FahrasErrorCode =
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'INVALID_DOCUMENT'
  | 'INVALID_ID'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_ID'
  | 'INVALID_FIELD'
  | 'FIELD_TOO_LONG'
  | 'INVALID_QUERY'
  | 'QUERY_SYNTAX'
  | 'ABORTED'
  | 'INDEX_BUSY'
  | 'CORRUPT_INDEX'
  | 'TRUNCATED_INDEX'
  | 'NOT_AN_INDEX'
  | 'UNSUPPORTED_VERSION'
  | 'INVALID_ARTICLE'
  | 'INVALID_INPUT';

/** Extra facts an error may carry, for messages and for programs that react to them. */
export interface FahrasErrorDetails {
  /** The document id involved, when there is one. */
  readonly id?: string | number;
  /** The field involved, when there is one. */
  readonly field?: string;
  /** The option involved, when there is one. */
  readonly option?: string;
  /** A position (character offset in a query, byte offset in a saved index). */
  readonly position?: number;
}

/**
 * The one error class fahras throws. `code` says what went wrong; the message says it in words
 * and names the field, id, option or position involved.
 */
export class FahrasError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: FahrasErrorCode;
  /** The id, field, option or position involved, when known. */
  readonly details: FahrasErrorDetails;

  /**
   * @param code - the stable reason code
   * @param message - a human-readable message
   * @param details - the id, field, option or position involved
   */
  constructor(code: FahrasErrorCode, message: string, details: FahrasErrorDetails = {}) {
    super(message);
    this.name = 'FahrasError';
    this.code = code;
    this.details = details;
  }
}
