/** Running the command line in-process, and temporary input folders, for the CLI tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/main.js';

/** What a run printed and returned. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** How a run's outputs look. */
export interface RunOptions {
  /** Both outputs are terminals. */
  tty?: boolean;
  /** The clock (default: real time). */
  now?: () => number;
  /** Environment variables. */
  env?: Record<string, string>;
}

/** Run `fahras <argv>` in-process. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const tty = options.tty === true;
  const io: CliIO = {
    stdout: { write: (s) => void (stdout += s), isTTY: tty, columns: 100 },
    stderr: { write: (s) => void (stderr += s), isTTY: tty, columns: 100 },
    ...(options.now === undefined ? {} : { now: options.now }),
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fahras-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
