/** Shared helpers of the saved-index tests: rebuilding a file around an edited payload. */
import { ByteReader, ByteWriter } from '../../src/serialize/bytes.js';
import { crc32 } from '../../src/serialize/crc32.js';
import { HEADER_BYTES, writeHeader } from '../../src/serialize/format.js';

/** The payload of a saved index (after the header). */
export function payloadOf(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(HEADER_BYTES);
}

/** A saved index around `payload`, with a correct header (length and checksum). */
export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + payload.length);
  out.set(payload, HEADER_BYTES);
  writeHeader(out, payload, crc32(payload));
  return out;
}

/** Replace the metadata JSON of a saved index (edited by `edit`), keeping a valid frame. */
export function editMetadata(bytes: Uint8Array, edit: (meta: Record<string, unknown>) => void): Uint8Array {
  const payload = payloadOf(bytes);
  const r = new ByteReader(payload, 0);
  const meta = JSON.parse(r.string()) as Record<string, unknown>;
  edit(meta);
  const w = new ByteWriter();
  w.string(JSON.stringify(meta));
  w.bytes(payload.subarray(r.pos));
  return frame(w.finish());
}
