/**
 * `fahras/node`: the Node-only part of fahras, for scripts and command lines that index whole
 * news archives from disk. It uses `node:fs`, `node:zlib` and `node:stream`, so it is a separate
 * entry: the main `fahras` entry stays safe for browsers.
 *
 * ```ts
 * import { createArchiveProgress, readArchive } from 'fahras/node';
 *
 * const progress = createArchiveProgress();
 * for await (const rec of readArchive(['articles/', 'ant.jsonl.gz'], { progress })) {
 *   if (rec.skipped) console.warn(`skipped ${rec.source}${rec.line ? `:${rec.line}` : ''}: ${rec.reason}`);
 *   else index.add(rec.doc);
 * }
 * console.log(`${progress.documents} documents, ${progress.skipped} skipped`);
 * ```
 *
 * Formats: folders of raw article pages (`.txt`, parsed with `parseArticle` from the main entry),
 * JSON Lines (`.jsonl`, `.jsonl.gz`, streamed) and JSON arrays (`.json`, read whole), each record
 * `{ id, title, category, body }`.
 * @module
 */
export { createArchiveProgress, readArchive, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_BYTES } from './ingest/node/readers.js';
export { planArchive, formatOf, ARCHIVE_EXTENSIONS } from './ingest/node/plan.js';
export type { ArchiveFile, ArchivePlan } from './ingest/node/plan.js';
export { splitLines } from './ingest/node/lines.js';
export type { Line } from './ingest/node/lines.js';
export type {
  ArchiveEntry,
  ArchiveFormat,
  ArchiveProgress,
  ArchiveRecord,
  ArchiveSkip,
  ArchiveSkipCode,
  ReadArchiveOptions,
} from './ingest/node/types.js';
export { toArchiveDocument } from './ingest/record.js';
export type { ArchiveDocument, RecordCheck } from './ingest/record.js';
