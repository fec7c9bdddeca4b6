/**
 * Splits a byte stream into UTF-8 lines with bounded memory: at most one line (capped at
 * `maxLineBytes`) is held at a time, and an over-long line is skipped, not buffered.
 *
 * ```ts
 * for await (const line of splitLines(createReadStream('a.jsonl'), 1 << 24)) {
 *   if (line.error === undefined) handle(line.number, line.text);
 * }
 * ```
 *
 * Lines end at LF; a CR before the LF is dropped, and so is a byte order mark at the start of
 * a line. A last line without LF is still yielded; a stream ending with LF yields no extra empty
 * line. Node-only (uses `Buffer`).
 * @module
 */
import { Buffer } from 'node:buffer';

/** One line of {@link splitLines}: its text, or why it has none. */
export type Line =
  | { readonly number: number; readonly text: string; readonly error?: undefined }
  | { readonly number: number; readonly text?: undefined; readonly error: 'LINE_TOO_LONG' | 'INVALID_UTF8' };

/** U+000A LINE FEED as a byte. */
const LF = 0x0a;
/** U+000D CARRIAGE RETURN. */
const CR = '\r';

/**
 * Yield the lines of a byte stream, numbered from 1.
 * @param chunks - the bytes, e.g. a `fs.ReadStream` or a gunzip stream (errors propagate)
 * @param maxLineBytes - longest line kept, in bytes (LF excluded); a longer line yields
 *   `{ error: 'LINE_TOO_LONG' }` and its bytes are dropped as they arrive. A positive integer.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | Uint8Array | string>, maxLineBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let number = 0;

  const finish = (last: Buffer): Line => {
    number++;
    if (tooLong || partBytes + last.length > maxLineBytes) {
      parts = [];
      partBytes = 0;
      tooLong = false;
      return { number, error: 'LINE_TOO_LONG' };
    }
    const bytes = parts.length === 0 ? last : Buffer.concat([...parts, last], partBytes + last.length);
    parts = [];
    partBytes = 0;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { number, error: 'INVALID_UTF8' };
    }
    return { number, text: text.endsWith(CR) ? text.slice(0, -1) : text };
  };

  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let start = 0;
    for (let nl = chunk.indexOf(LF, start); nl !== -1; nl = chunk.indexOf(LF, start)) {
      yield finish(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length && !tooLong) {
      const rest = chunk.subarray(start);
      if (partBytes + rest.length > maxLineBytes) {
        tooLong = true;
        parts = [];
        partBytes = 0;
      } else {
        parts.push(rest);
        partBytes += rest.length;
      }
    }
  }
  if (partBytes > 0 || tooLong) yield finish(Buffer.alloc(0));
}
