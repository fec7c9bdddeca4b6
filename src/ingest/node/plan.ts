/**
 * Expands the paths given to the archive reader into the list of files to read, with their
 * formats and sizes, before any file is opened, so a progress bar knows the total up front.
 *
 * ```ts
 * const plan = await planArchive(['articles/', 'ant.jsonl.gz']);
 * plan.totalBytes   // sum of file sizes
 * plan.files        // [{ path, format, bytes }, …] in reading order
 * plan.skipped      // missing paths, unknown extensions, unreadable folders
 * ```
 *
 * Folders are walked recursively in sorted (code unit) order; names starting with `.` are
 * ignored; a file reached twice (given twice, or through a symbolic link) is read once. The plan
 * holds only paths and sizes, never file contents.
 * @module
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FahrasError } from '../../errors.js';
import type { ArchiveFormat, ArchiveSkip, ReadArchiveOptions } from './types.js';

/** One file to read. */
export interface ArchiveFile {
  /** The path: as given, or joined under the folder it was found in. */
  readonly path: string;
  /** Its format, from its name. */
  readonly format: ArchiveFormat;
  /** Its size in bytes at planning time. */
  readonly bytes: number;
}

/** The result of {@link planArchive}. */
export interface ArchivePlan {
  /** The files to read, in order. */
  readonly files: readonly ArchiveFile[];
  /** Sum of `files[].bytes`. */
  readonly totalBytes: number;
  /** Paths that will not be read, with the reason (`NOT_FOUND`, `UNREADABLE`, `UNKNOWN_EXTENSION`). */
  readonly skipped: readonly ArchiveSkip[];
}

/** File name endings and their formats, longest first so `.jsonl.gz` wins over any shorter ending. */
export const ARCHIVE_EXTENSIONS: readonly (readonly [ending: string, format: ArchiveFormat])[] = [
  ['.jsonl.gz', 'jsonl.gz'],
  ['.jsonl', 'jsonl'],
  ['.json', 'json'],
  ['.txt', 'txt'],
];

/**
 * The format of a file, from its name (case-insensitive), or `undefined`.
 * @param path - a file path or name
 */
export function formatOf(path: string): ArchiveFormat | undefined {
  const name = basename(path).toLowerCase();
  for (const [ending, format] of ARCHIVE_EXTENSIONS) if (name.endsWith(ending) && name.length > ending.length) return format;
  return undefined;
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Throw `ABORTED` if `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new FahrasError('ABORTED', 'reading the archive was aborted');
}

/**
 * List the files that `paths` name, with formats and sizes.
 * @param paths - files and folders, read in this order
 * @param options - only `signal` is used here
 * @throws FahrasError `INVALID_INPUT` if `paths` is not an array of strings; `ABORTED` if `signal` fires
 */
export async function planArchive(paths: readonly string[], options: Pick<ReadArchiveOptions, 'signal'> = {}): Promise<ArchivePlan> {
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new FahrasError('INVALID_INPUT', 'readArchive expects an array of paths (strings)');
  }
  const files: ArchiveFile[] = [];
  const skipped: ArchiveSkip[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  const skip = (source: string, code: ArchiveSkip['code'], reason: string): void => {
    skipped.push({ skipped: true, source, code, reason });
  };

  const visit = async (path: string, given: boolean): Promise<void> => {
    throwIfAborted(options.signal);
    let info;
    let real;
    try {
      info = await stat(path);
      real = await realpath(path);
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' && given) skip(path, 'NOT_FOUND', 'no such file or folder');
      else skip(path, code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE', `cannot stat: ${errorText(e)}`);
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
      } catch (e) {
        skip(path, 'UNREADABLE', `cannot list folder: ${errorText(e)}`);
        return;
      }
      for (const name of names) await visit(join(path, name), false);
      return;
    }
    if (!info.isFile()) {
      skip(path, 'UNREADABLE', 'not a regular file or folder');
      return;
    }
    const format = formatOf(path);
    if (format === undefined) {
      skip(path, 'UNKNOWN_EXTENSION', `unknown file type (expected ${ARCHIVE_EXTENSIONS.map(([e]) => e).join(', ')})`);
      return;
    }
    files.push({ path, format, bytes: info.size });
    totalBytes += info.size;
  };

  for (const path of paths) await visit(path, true);
  return { files, totalBytes, skipped };
}
