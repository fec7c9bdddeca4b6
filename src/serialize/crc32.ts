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

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/** The running value before the first byte. */
export const CRC32_INIT = 0xffffffff;

/** Feed `bytes[from, to)` into the running value `crc`; returns the new running value. */
export function crc32Update(crc: number, bytes: Uint8Array, from: number, to: number): number {
  let c = crc;
  for (let i = from; i < to; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
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
