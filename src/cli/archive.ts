/**
 * Reading a saved index file for `fahras search` and `fahras stats`, with a clear error when the
 * file is missing or is not an index.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { FahrasError } from '../index.js';

/** The bytes of the index file at `path`; FahrasError INVALID_INPUT when it cannot be read. */
export async function readIndexFile(path: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : e instanceof Error ? e.message : String(e);
    throw new FahrasError('INVALID_INPUT', `cannot read ${path}: ${why}`);
  }
}
