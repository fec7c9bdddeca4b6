/**
 * Argument parsing for each command: `node:util` `parseArgs` in strict mode, its errors turned
 * into `FahrasError`s (`UNKNOWN_OPTION` for an option the command does not have, `INVALID_OPTION`
 * for a missing or malformed value), which `main` prints with a pointer to `--help` (exit 1).
 *
 * ```ts
 * const { values, positionals } = parseCommand('search', argv, { limit: { type: 'string', short: 'n' } });
 * ```
 * @module
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { FahrasError } from '../index.js';

/** The options of a command, as `parseArgs` takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parse `argv` for `command` with `options` plus `-h/--help`; positionals allowed. */
export function parseCommand<O extends OptionSpec>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } }, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // Node's messages go on with advice about '--' for positionals starting with '-': keep the first sentence.
    const message = (e instanceof Error ? e.message : String(e)).split(/\.\s+To specify|\n/)[0]!;
    throw new FahrasError(code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'UNKNOWN_OPTION' : 'INVALID_OPTION', `${command}: ${message}`);
  }
}

/** A usage error: INVALID_OPTION with `message`. */
export function usage(message: string): FahrasError {
  return new FahrasError('INVALID_OPTION', message);
}

/** An integer option ≥ `min`, or `fallback` when absent. */
export function integerOption(value: string | undefined, name: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) throw usage(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  return n;
}

/** A comma-separated list (`a,b , c`), blanks dropped. */
export function listOption(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
