/**
 * Small statistics and formatting helpers shared by the concerns and the report.
 * @module
 */

/** Nearest-rank percentile `p` (0–100) of `values` (not modified). NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Bytes as MiB (2^20 bytes), one decimal. */
export function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

/** A number with thousands separators and `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds with a precision that suits the magnitude. */
export function ms(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  if (n < 1) return n.toFixed(3);
  if (n < 100) return n.toFixed(1);
  return fmt(n);
}

/** Wait `ms` milliseconds (lets libraries' timers, e.g. FlexSearch's cache clearing, run). */
export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
