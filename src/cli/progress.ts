/**
 * Progress of `fahras index`: on a terminal, one line redrawn in place (a bar by bytes read,
 * documents, documents per second, ETA); elsewhere (a pipe, a CI log), a plain line every few
 * seconds. The ETA comes from bytes: `elapsed · (total − read) / read`, which tracks the work for
 * every input format (compressed bytes for `.jsonl.gz`).
 *
 * ```ts
 * const reporter = createProgressReporter(io.stderr, now, {});
 * for await (const rec of readArchive(paths, { progress })) { …; reporter.update(progress, index.size, skipped); }
 * reporter.finish(progress, index.size, skipped);
 * ```
 * @module
 */
import type { ArchiveProgress } from '../node.js';
import type { CliOutput } from './io.js';
import { formatCount, formatDuration } from './text.js';

/** Milliseconds between two redraws of the terminal line. */
export const REDRAW_MS = 100;
/** Default milliseconds between two plain progress lines. */
export const LINE_INTERVAL_MS = 5000;

/** Reports indexing progress. */
export interface ProgressReporter {
  /** Called after each record with the documents indexed and inputs skipped so far; draws when enough time has passed. */
  update(progress: ArchiveProgress, documents: number, skipped: number): void;
  /** Called once at the end: completes the terminal line. */
  finish(progress: ArchiveProgress, documents: number, skipped: number): void;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressOptions {
  /** Report nothing. Default false. */
  quiet?: boolean;
  /** Milliseconds between plain lines (not a terminal). Default {@link LINE_INTERVAL_MS}. */
  lineIntervalMs?: number;
}

/** What a progress line says, from the counters and the time elapsed. */
export function progressFigures(p: ArchiveProgress, documents: number, elapsedMs: number): { fraction: number; perSecond: number; etaMs: number } {
  const fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const perSecond = elapsedMs > 0 ? (documents * 1000) / elapsedMs : 0;
  const etaMs = p.bytesRead > 0 ? (elapsedMs * (p.totalBytes - p.bytesRead)) / p.bytesRead : NaN;
  return { fraction, perSecond, etaMs };
}

/** A reporter writing to `output` (see the module doc). */
export function createProgressReporter(output: CliOutput, now: () => number, options: ProgressOptions = {}): ProgressReporter {
  const start = now();
  const tty = output.isTTY === true;
  const interval = tty ? REDRAW_MS : (options.lineIntervalMs ?? LINE_INTERVAL_MS);
  let last = start;
  let drawn = false;

  const line = (p: ArchiveProgress, documents: number, skipped: number): string => {
    const elapsed = now() - start;
    const { fraction, perSecond, etaMs } = progressFigures(p, documents, elapsed);
    const percent = `${Math.floor(fraction * 100)}%`;
    const skips = skipped > 0 ? `, ${formatCount(skipped)} skipped` : '';
    if (!tty) return `${formatCount(documents)} documents (${percent}), ${formatCount(perSecond)} docs/s, ETA ${formatDuration(etaMs)}${skips}\n`;
    const width = Math.max(10, Math.min(30, (output.columns ?? 80) - 60));
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    return `\r${bar} ${percent.padStart(4)}  ${formatCount(documents)} documents  ${formatCount(perSecond)} docs/s  ETA ${formatDuration(etaMs)}${skips}\x1b[K`;
  };

  return {
    update(p, documents, skipped) {
      if (options.quiet === true) return;
      const t = now();
      if (t - last < interval) return;
      last = t;
      drawn = true;
      output.write(line(p, documents, skipped));
    },
    finish(p, documents, skipped) {
      if (options.quiet === true || !tty) return;
      if (drawn || documents > 0) output.write(`${line(p, documents, skipped)}\n`);
    },
  };
}
