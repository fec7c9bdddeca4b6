/**
 * Types shared by the archive readers: what they yield, how they report progress, their options.
 * @module
 */
import type { ArticleWarning } from '../article.js';
import type { ArchiveDocument } from '../record.js';

/**
 * The input formats, chosen by file name (case-insensitive):
 * - `txt`: one raw scraped article page, parsed with `parseArticle`; id = file name without `.txt`.
 * - `jsonl`: JSON Lines, one `{id, title, category, body}` object a line, streamed.
 * - `jsonl.gz`: the same, gzip-compressed, streamed through gunzip.
 * - `json`: one JSON array of such objects, read whole (see `maxFileBytes`).
 */
export type ArchiveFormat = 'txt' | 'jsonl' | 'jsonl.gz' | 'json';

/**
 * Why an input was skipped:
 * - `NOT_FOUND`: a given path does not exist.
 * - `UNREADABLE`: a path could not be read (permissions, an I/O error, not a regular file or folder).
 * - `UNKNOWN_EXTENSION`: a file whose name ends in none of the {@link ArchiveFormat}s.
 * - `FILE_TOO_LARGE`: a `.txt` or `.json` file (read whole) larger than `maxFileBytes`.
 * - `INVALID_UTF8`: a file or line that is not valid UTF-8.
 * - `CORRUPT_GZIP`: a `.jsonl.gz` file whose gzip data is corrupt or truncated (the lines before
 *   the damage are still read).
 * - `JSON_SYNTAX`: a line or `.json` file that is not valid JSON.
 * - `NOT_AN_ARRAY`: a `.json` file whose top-level value is not an array.
 * - `INVALID_RECORD`: a JSON record that is not an object, or lacks a valid `id` or `body`, or has
 *   a non-string `title` or `category`.
 * - `INVALID_ARTICLE`: a `.txt` page with neither a title nor a body.
 * - `LINE_TOO_LONG`: a JSON Lines line longer than `maxLineBytes`.
 */
export type ArchiveSkipCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'UNKNOWN_EXTENSION'
  | 'FILE_TOO_LARGE'
  | 'INVALID_UTF8'
  | 'CORRUPT_GZIP'
  | 'JSON_SYNTAX'
  | 'NOT_AN_ARRAY'
  | 'INVALID_RECORD'
  | 'INVALID_ARTICLE'
  | 'LINE_TOO_LONG';

/** A document read from the archive. */
export interface ArchiveEntry {
  /** Always `false`: tells entries from {@link ArchiveSkip}s. */
  readonly skipped: false;
  /** The document. */
  readonly doc: ArchiveDocument;
  /** The file it came from. */
  readonly source: string;
  /** Its line in a JSON Lines file (from 1). */
  readonly line?: number;
  /** Its index in a `.json` array (from 0). */
  readonly item?: number;
  /** What the article parser guessed (`.txt` pages only; empty otherwise). */
  readonly warnings: readonly ArticleWarning[];
}

/** An input that was skipped, with the reason; reading goes on after it. */
export interface ArchiveSkip {
  /** Always `true`. */
  readonly skipped: true;
  /** The file or path involved. */
  readonly source: string;
  /** The line involved in a JSON Lines file (from 1); for `CORRUPT_GZIP`, the last line read. */
  readonly line?: number;
  /** The index involved in a `.json` array (from 0). */
  readonly item?: number;
  /** Why, as a stable code. */
  readonly code: ArchiveSkipCode;
  /** Why, in words. */
  readonly reason: string;
}

/** What {@link readArchive} yields. */
export type ArchiveRecord = ArchiveEntry | ArchiveSkip;

/**
 * Counters {@link readArchive} updates in place as it reads, for a progress bar. Read them at
 * any time; the reader never replaces the object. Before the first record is yielded,
 * `totalBytes` and `files` are final.
 *
 * ETA: `(totalBytes - bytesRead) / bytesPerSecond`. Bytes are file bytes on disk (compressed bytes
 * for `.jsonl.gz`), so the fraction `bytesRead / totalBytes` tracks work done for every format.
 */
export interface ArchiveProgress {
  /** Sum of the sizes of all files to read, in bytes, from `stat` before reading starts. */
  totalBytes: number;
  /** File bytes consumed so far (read-ahead of up to one stream buffer, 64 KiB, included). */
  bytesRead: number;
  /** Number of files to read. */
  files: number;
  /** Number of files finished (read to the end or skipped while reading). */
  filesDone: number;
  /** JSON Lines lines read so far (blank lines included). */
  lines: number;
  /** Documents yielded so far. */
  documents: number;
  /** Skip records yielded so far. */
  skipped: number;
}

/** Options of {@link readArchive} and {@link planArchive}. */
export interface ReadArchiveOptions {
  /** Counters to update while reading (see {@link ArchiveProgress}); create them with `createArchiveProgress()`. */
  progress?: ArchiveProgress;
  /** Stops reading: the iterator then throws a `FahrasError` with code `ABORTED`. */
  signal?: AbortSignal;
  /** Longest JSON Lines line, in bytes; longer lines are skipped (`LINE_TOO_LONG`). Default 16 MiB. */
  maxLineBytes?: number;
  /**
   * Largest `.txt` or `.json` file, in bytes; these are read whole, so larger ones are skipped
   * (`FILE_TOO_LARGE`). Use `.jsonl` / `.jsonl.gz` for big archives. Default 256 MiB.
   */
  maxFileBytes?: number;
}
