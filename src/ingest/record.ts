/**
 * Checks one record of a JSON archive (a `.jsonl` line or a `.json` array item) and turns it into
 * an {@link ArchiveDocument}, or says why it cannot be one. Pure: safe in browsers.
 *
 * ```ts
 * toArchiveDocument({ id: 7, title: 'عنوان', body: 'نص' })
 * // { doc: { id: '7', title: 'عنوان', category: '', body: 'نص' } }
 * toArchiveDocument({ title: 'عنوان' })   // { reason: 'record has no "id"' }
 * ```
 * @module
 */

/**
 * A document read from an archive, in the shape of the ANT corpus records. Extra fields of a
 * JSON record are not kept.
 */
export interface ArchiveDocument {
  /** The record's `id` (a number is converted to its decimal string), or a `.txt` file's name without extension. Never empty. */
  id: string;
  /** The headline; `''` when the record has none. */
  title: string;
  /** The category label; `''` when the record has none. */
  category: string;
  /** The article text, as given (paragraphs separated by `\n` in the ANT corpus). Never blank. */
  body: string;
}

/** The outcome of {@link toArchiveDocument}: a document, or the reason the record was rejected. */
export type RecordCheck = { readonly doc: ArchiveDocument; readonly reason?: undefined } | { readonly doc?: undefined; readonly reason: string };

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function optionalText(record: Record<string, unknown>, field: string): string | { reason: string } {
  const value = record[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return { reason: `"${field}" is ${kindOf(value)}, not a string` };
  return value;
}

/**
 * Check a parsed JSON record: it must be an object with an `id` (a non-blank string or a finite
 * number) and a non-blank string `body`; `title` and `category` are optional strings (missing or
 * `null` gives `''`).
 * @param value - the parsed JSON value
 * @returns `{ doc }` for a valid record, `{ reason }` otherwise
 */
export function toArchiveDocument(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: `record is ${kindOf(value)}, not an object` };
  }
  const record = value as Record<string, unknown>;
  const rawId = record['id'];
  let id: string;
  if (typeof rawId === 'string' && rawId.trim().length > 0) id = rawId;
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else if (rawId === undefined || rawId === null || rawId === '') return { reason: 'record has no "id"' };
  else return { reason: `"id" is ${kindOf(rawId)}${typeof rawId === 'string' ? ' of blanks' : ''}, not a string or finite number` };

  const body = record['body'];
  if (body === undefined || body === null) return { reason: `record "${id}" has no "body"` };
  if (typeof body !== 'string') return { reason: `record "${id}": "body" is ${kindOf(body)}, not a string` };
  if (body.trim().length === 0) return { reason: `record "${id}" has an empty "body"` };

  const title = optionalText(record, 'title');
  if (typeof title !== 'string') return { reason: `record "${id}": ${title.reason}` };
  const category = optionalText(record, 'category');
  if (typeof category !== 'string') return { reason: `record "${id}": ${category.reason}` };
  return { doc: { id, title, category, body } };
}
