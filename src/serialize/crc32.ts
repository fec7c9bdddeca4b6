/**
 * CRC-32 (IEEE 802.3, the one zip, gzip and PNG use: reflected polynomial 0xEDB88320, initial
 * value and final xor 0xFFFFFFFF), table-driven, incremental so a long buffer can be checked in
 * slices between yields to the event loop.
 *
 * ```ts
 * crc32(new TextEncoder().encode('123456789')); // 0xCBF43926
 * let c = CRC32_INIT;
 * c = crc32Update(c, bytes, 0, half);
 * c = crc32Update(c, bytes, half, bytes.length);
 * crc32Final(c) === crc32(bytes); // true
 * ```
 * @module
 */

/**
 * Slicing-by-8 tables (Intel's method, as zlib uses): `TABLES[k * 256 + b]` is the CRC of byte b
 * followed by k zero bytes, so eight bytes cost eight look-ups and no per-bit work. Signed 32-bit
 * entries keep the arithmetic in small integers.
 */
const TABLES = new Int32Array(8 * 256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLES[n] = c;
}
for (let n = 0; n < 256; n++) {
  for (let k = 1; k < 8; k++) {
    const c = TABLES[(k - 1) * 256 + n]!;
    TABLES[k * 256 + n] = (c >>> 8) ^ TABLES[c & 0xff]!;
  }
}

/** The running value before the first byte. */
export const CRC32_INIT = 0xffffffff;

/** Feed `bytes[from, to)` into the running value `crc`; returns the new running value. */
export function crc32Update(crc: number, bytes: Uint8Array, from: number, to: number): number {
  const t = TABLES;
  let c = crc | 0;
  let i = from;
  for (const last = to - 8; i <= last; i += 8) {
    const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < to; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** The checksum of a finished running value (an unsigned 32-bit integer). */
export function crc32Final(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of `bytes` (an unsigned 32-bit integer). */
export function crc32(bytes: Uint8Array): number {
  return crc32Final(crc32Update(CRC32_INIT, bytes, 0, bytes.length));
}
