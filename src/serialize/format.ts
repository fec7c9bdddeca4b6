/**
 * The frame of a saved index: a fixed 20-byte header, then the payload the header describes.
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic number `89 46 41 48 52 41 53 0A` (`\x89FAHRAS\n`) |
 * | 8 | 2 | format version, u16 little endian ({@link FORMAT_VERSION}) |
 * | 10 | 2 | flags, u16 little endian (none defined: must be 0) |
 * | 12 | 4 | payload length in bytes, u32 little endian |
 * | 16 | 4 | CRC-32 of the payload, u32 little endian |
 * | 20 | n | payload (see `write.ts`) |
 *
 * The first byte is not ASCII, so a text file (JSON, CSV) never passes for an index; the final
 * newline catches a file mangled by a text-mode transfer.
 *
 * {@link checkFrame} classifies bad input before anything is decoded: empty or foreign bytes
 * (`NOT_AN_INDEX`), a newer version or unknown flags (`UNSUPPORTED_VERSION`), fewer bytes than the
 * header announces (`TRUNCATED_INDEX`), extra bytes or a checksum mismatch (`CORRUPT_INDEX`).
 * @module
 */
import { FahrasError } from '../errors.js';
import { CRC32_INIT, crc32Final, crc32Update } from './crc32.js';

/** The magic number at the start of every saved index. */
export const MAGIC: readonly number[] = [0x89, 0x46, 0x41, 0x48, 0x52, 0x41, 0x53, 0x0a];
/**
 * The saved-index format version this library writes and the newest it reads. It changes
 * whenever the layout of the bytes changes.
 */
export const FORMAT_VERSION = 1;
/** Bytes before the payload. */
export const HEADER_BYTES = 20;
/** Flag bits this version understands (none yet). */
const KNOWN_FLAGS = 0;
/** Bytes checksummed between two yields of the async loader. */
export const CRC_SLICE = 1 << 20;

/** What the header says. */
export interface Frame {
  /** Format version. */
  readonly version: number;
  /** Flag bits. */
  readonly flags: number;
  /** Payload length. */
  readonly payloadBytes: number;
  /** The payload's CRC-32 as recorded. */
  readonly crc: number;
}

/** Write the header for `payload` into `out[0, HEADER_BYTES)`. */
export function writeHeader(out: Uint8Array, payload: Uint8Array, crc: number): void {
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer, out.byteOffset, HEADER_BYTES);
  view.setUint16(8, FORMAT_VERSION, true);
  view.setUint16(10, 0, true);
  view.setUint32(12, payload.length, true);
  view.setUint32(16, crc, true);
}

/**
 * Check the header of `bytes`: magic number, version, flags and length. Does not check the
 * checksum (see {@link checksumSlices}).
 */
export function checkFrame(bytes: Uint8Array): Frame {
  if (bytes.length === 0) throw new FahrasError('NOT_AN_INDEX', 'Not a saved fahras index: the input is empty');
  const n = Math.min(bytes.length, MAGIC.length);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== MAGIC[i]) {
      throw new FahrasError('NOT_AN_INDEX', `Not a saved fahras index: the input does not start with the fahras magic number (${describeStart(bytes)})`, { position: i });
    }
  }
  if (bytes.length < HEADER_BYTES) {
    throw new FahrasError('TRUNCATED_INDEX', `Saved index is truncated: ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`, { position: bytes.length });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = view.getUint16(8, true);
  const flags = view.getUint16(10, true);
  const payloadBytes = view.getUint32(12, true);
  const crc = view.getUint32(16, true);
  if (version > FORMAT_VERSION) {
    throw new FahrasError('UNSUPPORTED_VERSION', `Saved index has format version ${version}; this version of fahras reads versions 1 to ${FORMAT_VERSION} (upgrade fahras to load it)`, { position: 8 });
  }
  if (version === 0) throw new FahrasError('CORRUPT_INDEX', 'Saved index is corrupt: format version 0 does not exist', { position: 8 });
  if ((flags & ~KNOWN_FLAGS) !== 0) {
    throw new FahrasError('UNSUPPORTED_VERSION', `Saved index uses flags 0x${flags.toString(16)} that this version of fahras does not know (upgrade fahras to load it)`, { position: 10 });
  }
  const have = bytes.length - HEADER_BYTES;
  if (have < payloadBytes) {
    throw new FahrasError('TRUNCATED_INDEX', `Saved index is truncated: ${bytes.length} bytes of the ${HEADER_BYTES + payloadBytes} its header announces`, { position: bytes.length });
  }
  if (have > payloadBytes) {
    throw new FahrasError('CORRUPT_INDEX', `Saved index is corrupt: ${have - payloadBytes} bytes after the end its header announces (${HEADER_BYTES + payloadBytes} bytes)`, { position: HEADER_BYTES + payloadBytes });
  }
  return { version, flags, payloadBytes, crc };
}

/**
 * Verify the payload checksum, one {@link CRC_SLICE} per step (a generator, so the async loader
 * can yield between slices). Throws CORRUPT_INDEX on a mismatch.
 */
export function* checksumSlices(bytes: Uint8Array, frame: Frame): Generator<void, void> {
  let crc = CRC32_INIT;
  const end = HEADER_BYTES + frame.payloadBytes;
  for (let at = HEADER_BYTES; at < end; at += CRC_SLICE) {
    crc = crc32Update(crc, bytes, at, Math.min(end, at + CRC_SLICE));
    if (at + CRC_SLICE < end) yield;
  }
  const actual = crc32Final(crc);
  if (actual !== frame.crc) {
    throw new FahrasError('CORRUPT_INDEX', `Saved index is corrupt: checksum mismatch (recorded ${hex(frame.crc)}, computed ${hex(actual)})`, { position: 16 });
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

/** A short description of what foreign bytes look like, for the NOT_AN_INDEX message. */
function describeStart(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'it looks like a PNG image';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'it looks like gzip data: decompress it first';
  if (b[0] === 0x50 && b[1] === 0x4b) return 'it looks like a zip archive';
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  if (b[i] === 0x7b || b[i] === 0x5b) return 'it looks like JSON text';
  const head = Array.from(b.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ');
  return `it starts with ${head}`;
}
