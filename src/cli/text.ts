/**
 * Small text helpers of the command line: number, size and duration formats, the display width
 * of Arabic text (combining marks take no column), and padding by that width.
 *
 * ```ts
 * formatCount(40149);      // '40,149'
 * formatBytes(17_000_000); // '16.2 MiB'
 * formatDuration(75_000);  // '1:15'
 * displayWidth('كِتَابٌ');   // 4
 * ```
 * @module
 */

const MARKS = /[\p{Mn}\p{Me}\p{Cf}]/gu;

/** An integer with thousands separators. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A byte count in B, KiB, MiB or GiB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]!}`;
}

/** Milliseconds as `m:ss` (or `h:mm:ss`), `--:--` when unknown. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--:--';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Columns `s` takes in a terminal, roughly: code points minus combining marks and format controls. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const _ of s.replace(MARKS, '')) n++;
  return n;
}

/** `s` padded with spaces to `width` display columns. */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** `s` cut to at most `width` display columns, with `…` when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
