/** Types of scripts/serve.mjs (the demo page's build and static server), for the browser tests. */

/** Builds the demo page into `outDir` (a new temporary folder when omitted); resolves to the folder. */
export function buildDemo(outDir?: string): Promise<string>;

/** Serves the files of `dir` on `host` (default 127.0.0.1) and `port` (default 0: a free port). */
export function serveDirectory(
  dir: string,
  options?: { host?: string; port?: number },
): Promise<{ url: string; close: () => Promise<void> }>;
