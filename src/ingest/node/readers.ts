/**
 * Reads news archives document by document: folders of raw `.txt` article pages, `.jsonl` and
 * `.jsonl.gz` JSON Lines files, and `.json` arrays. A bad file or line becomes a skip record with
 * its reason and reading goes on, so one broken line never stops the indexing of an archive.
 *
 * ```ts
 * const progress = createArchiveProgress();
 * for await (const rec of readArchive(['articles/', 'ant.jsonl.gz'], { progress })) {
 *   if (rec.skipped) console.warn(`${rec.source}:${rec.line ?? ''} ${rec.reason}`);
 *   else index.add(rec.doc);
 *   // progress.bytesRead / progress.totalBytes → fraction done, for an ETA
 * }
 * process.exitCode = progress.skipped > 0 ? 1 : 0;
 * ```
 *
 * Memory: JSON Lines files are streamed (a line at a time, at most `maxLineBytes`), gzip through
 * `node:zlib`; `.txt` pages and `.json` arrays are read whole, one file at a time, up to
 * `maxFileBytes`. Nothing read is kept after it is yielded. Node-only.
 * @module
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FahrasError } from '../../errors.js';
import { parseArticle } from '../article.js';
import { toArchiveDocument } from '../record.js';
import { splitLines } from './lines.js';
import { planArchive, throwIfAborted } from './plan.js';
import type { ArchiveFile } from './plan.js';
import type { ArchiveProgress, ArchiveRecord, ArchiveSkip, ArchiveSkipCode, ReadArchiveOptions } from './types.js';

/** Default of {@link ReadArchiveOptions.maxLineBytes}: 16 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
/** Default of {@link ReadArchiveOptions.maxFileBytes}: 256 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A fresh set of zeroed {@link ArchiveProgress} counters. */
export function createArchiveProgress(): ArchiveProgress {
  return { totalBytes: 0, bytesRead: 0, files: 0, filesDone: 0, lines: 0, documents: 0, skipped: 0 };
}

interface Context {
  readonly progress: ArchiveProgress;
  readonly signal: AbortSignal | undefined;
  readonly maxLineBytes: number;
  readonly maxFileBytes: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isZlibError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && e.code.startsWith('Z_');
}

function skipRecord(file: ArchiveFile, code: ArchiveSkipCode, reason: string, at: { line?: number; item?: number } = {}): ArchiveSkip {
  return { skipped: true, source: file.path, code, reason, ...at };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Read a whole file as strict UTF-8 (BOM dropped), or return the skip record saying why not. */
async function readText(file: ArchiveFile, ctx: Context): Promise<string | ArchiveSkip> {
  if (file.bytes > ctx.maxFileBytes) {
    return skipRecord(file, 'FILE_TOO_LARGE', `${file.bytes} bytes is over the ${ctx.maxFileBytes}-byte limit for files read whole`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    return skipRecord(file, 'UNREADABLE', `cannot read: ${errorText(e)}`);
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return skipRecord(file, 'INVALID_UTF8', 'the file is not valid UTF-8');
  }
}

async function* readTxt(file: ArchiveFile, ctx: Context): AsyncGenerator<ArchiveRecord> {
  const text = await readText(file, ctx);
  if (typeof text !== 'string') {
    yield text;
    return;
  }
  const name = basename(file.path);
  const id = name.slice(0, name.length - '.txt'.length);
  try {
    const { title, category, body, warnings } = parseArticle(text);
    yield { skipped: false, doc: { id, title, category, body }, source: file.path, warnings };
  } catch (e) {
    if (!(e instanceof FahrasError)) throw e;
    yield skipRecord(file, 'INVALID_ARTICLE', e.message);
  }
}

async function* readJsonArray(file: ArchiveFile, ctx: Context): AsyncGenerator<ArchiveRecord> {
  const text = await readText(file, ctx);
  if (typeof text !== 'string') {
    yield text;
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield skipRecord(file, 'JSON_SYNTAX', `JSON syntax error: ${errorText(e)}`);
    return;
  }
  if (!Array.isArray(value)) {
    yield skipRecord(file, 'NOT_AN_ARRAY', 'a .json archive must hold one array of records');
    return;
  }
  for (let item = 0; item < value.length; item++) {
    const check = toArchiveDocument(value[item]);
    if (check.doc !== undefined) yield { skipped: false, doc: check.doc, source: file.path, item, warnings: [] };
    else yield skipRecord(file, 'INVALID_RECORD', check.reason, { item });
  }
}

async function* readJsonLines(file: ArchiveFile, ctx: Context, base: number): AsyncGenerator<ArchiveRecord> {
  const input = createReadStream(file.path);
  // pipeline forwards a read error to the gunzip stream, so iterating it throws either kind.
  const stream = file.format === 'jsonl.gz' ? pipeline(input, createGunzip(), () => {}) : input;
  let line = 0;
  try {
    for await (const l of splitLines(stream, ctx.maxLineBytes)) {
      line = l.number;
      ctx.progress.lines++;
      ctx.progress.bytesRead = base + input.bytesRead;
      if (l.error !== undefined) {
        const reason = l.error === 'LINE_TOO_LONG' ? `line is over the ${ctx.maxLineBytes}-byte limit` : 'line is not valid UTF-8';
        yield skipRecord(file, l.error, reason, { line });
        continue;
      }
      if (l.text.trim().length === 0) continue;
      let value: unknown;
      try {
        value = JSON.parse(l.text);
      } catch (e) {
        yield skipRecord(file, 'JSON_SYNTAX', `JSON syntax error: ${errorText(e)}`, { line });
        continue;
      }
      const check = toArchiveDocument(value);
      if (check.doc !== undefined) yield { skipped: false, doc: check.doc, source: file.path, line, warnings: [] };
      else yield skipRecord(file, 'INVALID_RECORD', check.reason, { line });
    }
  } catch (e) {
    if (e instanceof FahrasError) throw e;
    if (isZlibError(e)) {
      yield skipRecord(file, 'CORRUPT_GZIP', `gzip data is corrupt or truncated after line ${line}: ${errorText(e)}`, { line });
    } else {
      yield skipRecord(file, 'UNREADABLE', `read error after line ${line}: ${errorText(e)}`, { line });
    }
  } finally {
    input.destroy();
    if (stream !== input) stream.destroy();
  }
}

function readFileRecords(file: ArchiveFile, ctx: Context, base: number): AsyncGenerator<ArchiveRecord> {
  switch (file.format) {
    case 'txt':
      return readTxt(file, ctx);
    case 'json':
      return readJsonArray(file, ctx);
    case 'jsonl':
    case 'jsonl.gz':
      return readJsonLines(file, ctx, base);
  }
}

function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new FahrasError('INVALID_OPTION', `${name} must be a positive integer, got ${String(value)}`, { option: name });
  }
  return value;
}

/**
 * Read documents from files and folders, in order (folders recursively, sorted by name).
 *
 * Yields an {@link ArchiveEntry} per document and an {@link ArchiveSkip} per path, file, line or
 * array item that could not be read, then goes on. Skips of whole paths (missing, unknown
 * extension, unreadable folder) come first, found while planning (see {@link planArchive}).
 * Blank JSON Lines lines are ignored. Breaking out of the loop closes the open file.
 *
 * @param paths - files (`.txt`, `.jsonl`, `.jsonl.gz`, `.json`) and folders of them
 * @param options - progress counters, abort signal and size limits (see {@link ReadArchiveOptions})
 * @throws FahrasError `INVALID_INPUT` if `paths` is not an array of strings; `INVALID_OPTION` for a
 *   limit that is not a positive integer; `ABORTED` when `options.signal` fires. Nothing else:
 *   every I/O or data error becomes a skip record.
 */
export async function* readArchive(paths: readonly string[], options: ReadArchiveOptions = {}): AsyncGenerator<ArchiveRecord> {
  const ctx: Context = {
    progress: options.progress ?? createArchiveProgress(),
    signal: options.signal,
    maxLineBytes: positiveInteger(options.maxLineBytes, 'maxLineBytes', DEFAULT_MAX_LINE_BYTES),
    maxFileBytes: positiveInteger(options.maxFileBytes, 'maxFileBytes', DEFAULT_MAX_FILE_BYTES),
  };
  const { progress } = ctx;
  const plan = await planArchive(paths, options);
  progress.totalBytes = plan.totalBytes;
  progress.files = plan.files.length;

  for (const skip of plan.skipped) {
    throwIfAborted(ctx.signal);
    progress.skipped++;
    yield skip;
  }
  let base = 0;
  for (const file of plan.files) {
    for await (const record of readFileRecords(file, ctx, base)) {
      throwIfAborted(ctx.signal);
      if (record.skipped) progress.skipped++;
      else progress.documents++;
      yield record;
    }
    base += file.bytes;
    progress.bytesRead = base;
    progress.filesDone++;
  }
  throwIfAborted(ctx.signal);
}
