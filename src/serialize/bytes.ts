/**
 * The primitives of the saved-index format: LEB128 varints, little-endian float64 and strings,
 * written into a growing buffer and read back with every length checked against the buffer.
 *
 * ```ts
 * const w = new ByteWriter();
 * w.varint(300);
 * w.string('كتاب');
 * const r = new ByteReader(w.finish(), 0);
 * r.varint();  // 300
 * r.string();  // 'كتاب'
 * ```
 *
 * Strings: `varint(byteLength * 2 + kind)` then the bytes; kind 0 is UTF-8 (TextEncoder), kind 1
 * is UTF-16LE code units, used only for strings with a lone surrogate, which UTF-8 cannot carry
 * (so every string comes back exactly as it was written).
 *
 * A {@link ByteReader} never reads past its end: any read that would, and any value out of its
 * stated range, throws `FahrasError('CORRUPT_INDEX')` with the byte offset. The reader is only used
 * on bytes whose length and checksum were verified, so running out means corruption, not truncation.
 * @module
 */
import { FahrasError } from '../errors.js';

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** UTF-8 strings up to this many bytes are decoded by {@link ByteReader.string} itself. */
const SHORT_STRING = 256;
/** A high or low surrogate: a string with one may be ill-formed. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether `s` is well-formed UTF-16 (no lone surrogate), so UTF-8 carries it exactly. */
function isWellFormed(s: string): boolean {
  if (!SURROGATE.test(s)) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/** A growing byte buffer with the format's primitive writes. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  /** Bytes written so far. */
  length = 0;

  /** Make room for `n` more bytes. */
  private reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  /** One byte (0–255). */
  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  /** An unsigned integer 0 ≤ v < 2^32 as a LEB128 varint (1–5 bytes). */
  varint(v: number): void {
    this.reserve(5);
    const buf = this.buf;
    let at = this.length;
    while (v > 0x7f) {
      buf[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[at++] = v;
    this.length = at;
  }

  /** A float64, little endian (8 bytes). */
  float64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  /** Raw bytes. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A string: UTF-8, or UTF-16 code units when it has a lone surrogate (see the module doc). */
  string(s: string): void {
    if (!isWellFormed(s)) {
      this.varint(s.length * 4 + 1);
      this.reserve(s.length * 2);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        this.buf[this.length++] = c & 0xff;
        this.buf[this.length++] = c >>> 8;
      }
      return;
    }
    // Encode after room for the longest length prefix, then move the bytes next to the prefix.
    const room = 5;
    this.reserve(room + s.length * 3);
    const at = this.length;
    const { written } = encoder.encodeInto(s, this.buf.subarray(at + room));
    this.varint(written * 2);
    if (this.length !== at + room) this.buf.copyWithin(this.length, at + room, at + room + written);
    this.length += written;
  }

  /** The bytes written (a view of the buffer; write nothing more after). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Throw the error of a structural check that failed at byte `at`. */
export function corrupt(message: string, at: number): never {
  throw new FahrasError('CORRUPT_INDEX', `Saved index is corrupt: ${message} (at byte ${at})`, { position: at });
}

/** Bounds-checked reads over `bytes[pos, end)`. */
export class ByteReader {
  /** Next byte to read. */
  pos: number;
  private readonly view: DataView;

  /**
   * @param bytes - the buffer
   * @param pos - where reading starts
   * @param end - where reading must stop (default: the end of `bytes`)
   * @param base - added to offsets in error messages (the payload's offset in the file)
   */
  constructor(
    readonly bytes: Uint8Array,
    pos: number,
    readonly end = bytes.length,
    private readonly base = 0,
  ) {
    this.pos = pos;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes left. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** Throw CORRUPT_INDEX at the current position. */
  fail(message: string): never {
    return corrupt(message, this.base + this.pos);
  }

  /** A varint 0 ≤ v ≤ `max` (default 2^31 - 1). */
  varint(max = 0x7fffffff): number {
    // Unrolled: a read past the end gives undefined, which ends the varint; the check after catches it.
    const bytes = this.bytes;
    let at = this.pos;
    let b = bytes[at++]!;
    let v = b & 0x7f;
    if (b > 0x7f) {
      b = bytes[at++]!;
      v |= (b & 0x7f) << 7;
      if (b > 0x7f) {
        b = bytes[at++]!;
        v |= (b & 0x7f) << 14;
        if (b > 0x7f) {
          b = bytes[at++]!;
          v |= (b & 0x7f) << 21;
          if (b > 0x7f) {
            b = bytes[at++]!;
            if (b > 0x0f) this.fail('varint out of the 32-bit range');
            v = (v >>> 0) + b * 0x10000000;
          }
        }
      }
    }
    if (at > this.end) this.fail('unexpected end of data');
    if (v > max) this.fail(`value ${v} out of range (at most ${max})`);
    this.pos = at;
    return v;
  }

  /** A float64, little endian. */
  float64(): number {
    if (this.end - this.pos < 8) this.fail('unexpected end of data');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Skip a string written by {@link ByteWriter.string}; returns its length in bytes (≥ its UTF-16 length). */
  skipString(): number {
    const n = Math.floor(this.varint(0xffffffff) / 2);
    if (n > this.end - this.pos) this.fail(`string of ${n} bytes runs past the end`);
    this.pos += n;
    return n;
  }

  /** The code units read by the last {@link ByteReader.stringUnits}. */
  units = new Uint16Array(1024);

  /**
   * A string written by {@link ByteWriter.string}, as UTF-16 code units in {@link ByteReader.units}
   * (returns how many): the same code units {@link ByteReader.string} gives, with the same checks,
   * but without making a string when every character takes 1 to 3 bytes of UTF-8.
   */
  stringUnits(): number {
    const head = this.varint(0xffffffff);
    const n = Math.floor(head / 2);
    if (n > this.end - this.pos) this.fail(`string of ${n} bytes runs past the end`);
    const from = this.pos;
    const to = from + n;
    if (this.units.length < n) this.units = new Uint16Array(Math.max(n, this.units.length * 2));
    const units = this.units;
    const bytes = this.bytes;
    if (head % 2 !== 0) {
      if (n % 2 !== 0) corrupt('UTF-16 string of an odd byte length', this.base + from);
      for (let i = from, k = 0; i < to; i += 2) units[k++] = bytes[i]! | (bytes[i + 1]! << 8);
      this.pos = to;
      return n / 2;
    }
    let k = 0;
    for (let i = from; i < to; ) {
      const b = bytes[i]!;
      if (b < 0x80) {
        units[k++] = b;
        i++;
        continue;
      }
      const c = i + 1 < to ? bytes[i + 1]! : 0;
      if (b >= 0xc2 && b <= 0xdf && (c & 0xc0) === 0x80) {
        units[k++] = ((b & 0x1f) << 6) | (c & 0x3f);
        i += 2;
        continue;
      }
      const d = i + 2 < to ? bytes[i + 2]! : 0;
      const low = b === 0xe0 ? 0xa0 : 0x80;
      const high = b === 0xed ? 0x9f : 0xbf;
      if (b >= 0xe0 && b <= 0xef && c >= low && c <= high && (d & 0xc0) === 0x80) {
        units[k++] = ((b & 0x0f) << 12) | ((c & 0x3f) << 6) | (d & 0x3f);
        i += 3;
        continue;
      }
      // Four-byte characters and invalid UTF-8: the decoder's own rules.
      return this.unitsOf(this.decodeUtf8(from, n));
    }
    this.pos = to;
    return k;
  }

  /** Copy `s` into {@link ByteReader.units}; returns its length. */
  private unitsOf(s: string): number {
    if (this.units.length < s.length) this.units = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) this.units[i] = s.charCodeAt(i);
    return s.length;
  }

  /** UTF-8 bytes `[from, from + n)` as a string (the reader then stands after them). */
  private decodeUtf8(from: number, n: number): string {
    this.pos = from + n;
    try {
      return utf8.decode(this.bytes.subarray(from, from + n));
    } catch {
      return corrupt('invalid UTF-8 in a string', this.base + from);
    }
  }

  /** A string written by {@link ByteWriter.string}. */
  string(): string {
    const start = this.pos;
    const head = this.varint(0xffffffff);
    if (head % 2 === 0 && head <= SHORT_STRING * 2) {
      // Short UTF-8 (ids, titles, categories): decoded here, cheaper than a TextDecoder call.
      this.pos = start;
      const length = this.stringUnits();
      return String.fromCharCode.apply(null, this.units.subarray(0, length) as unknown as number[]);
    }
    const n = Math.floor(head / 2);
    if (n > this.end - this.pos) this.fail(`string of ${n} bytes runs past the end`);
    const from = this.pos;
    this.pos += n;
    if (head % 2 === 0) {
      try {
        return utf8.decode(this.bytes.subarray(from, from + n));
      } catch {
        return corrupt('invalid UTF-8 in a string', this.base + from);
      }
    }
    if (n % 2 !== 0) corrupt('UTF-16 string of an odd byte length', this.base + from);
    let s = '';
    for (let i = from; i < from + n; i += 2) s += String.fromCharCode(this.bytes[i]! | (this.bytes[i + 1]! << 8));
    return s;
  }
}
