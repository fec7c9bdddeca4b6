/**
 * Self-checks: every concern states what its output must look like (documents indexed, queries
 * known to match returning something), so a benchmark can never silently measure nothing.
 * @module
 */

/** One check and its outcome. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** Collects checks; a failed one makes the worker exit non-zero and the runner fail loudly. */
export class Checks {
  readonly results: CheckResult[] = [];

  /** Record a check. */
  expect(name: string, ok: boolean, detail: string): void {
    this.results.push({ name, ok, detail });
  }

  /** The failed checks. */
  get failed(): CheckResult[] {
    return this.results.filter((c) => !c.ok);
  }
}
