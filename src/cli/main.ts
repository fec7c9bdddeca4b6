/**
 * The `fahras` command line (Node only): `index`, `search`, `analyze`, `stats`.
 *
 * ```sh
 * fahras index ant.jsonl.gz articles/ -o news.fahras
 * fahras search news.fahras "وزير الخارجية" --limit 5
 * fahras analyze "وَالكِتَابُ في المكتبة"
 * fahras stats news.fahras
 * ```
 *
 * {@link main} runs one command line with the given outputs and returns its exit code, so tests
 * run it in-process; run as a program (the package's `bin`), this module calls it with
 * `process.argv` and sets `process.exitCode`.
 * @module
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FahrasError } from '../index.js';
import { ANALYZE_HELP, analyzeCommand } from './cmd-analyze.js';
import { INDEX_HELP, indexCommand } from './cmd-index.js';
import { SEARCH_HELP, searchCommand } from './cmd-search.js';
import { STATS_HELP, statsCommand } from './cmd-stats.js';
import { processIO } from './io.js';
import type { CliIO } from './io.js';

export type { CliIO, CliOutput } from './io.js';

/** The commands, their runners and help texts. */
const COMMANDS: Record<string, { run: (argv: readonly string[], io: CliIO) => Promise<number>; help: string; summary: string }> = {
  index: { run: indexCommand, help: INDEX_HELP, summary: 'index news archives (.txt folders, .jsonl, .jsonl.gz, .json) into one file' },
  search: { run: searchCommand, help: SEARCH_HELP, summary: 'search a saved index' },
  analyze: { run: analyzeCommand, help: ANALYZE_HELP, summary: 'show how text is normalized and stemmed' },
  stats: { run: statsCommand, help: STATS_HELP, summary: 'show what a saved index holds' },
};

/** The top-level help. */
export const HELP = `Usage: fahras <command> [options]

Arabic-first full-text search from the command line.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`)
  .join('\n')}

Run fahras <command> --help for a command's options.
Exit status: 0 success; 1 error; 2 (index) some inputs were skipped.
`;

/**
 * Run one command line (`argv` without the program name) writing to `io`.
 * @returns the exit code: 0 success, 1 error (a message on stderr), 2 when `index` skipped inputs
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(HELP);
    return 1;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined || !Object.hasOwn(COMMANDS, name)) {
    io.stderr.write(`fahras: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')}; see fahras --help)\n`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof FahrasError) {
      const hint = e.code === 'UNKNOWN_OPTION' || e.code === 'INVALID_OPTION' ? ` (see fahras ${name} --help)` : '';
      io.stderr.write(`fahras ${name}: ${e.message.replace(new RegExp(`^${name}: `), '')}${hint}\n`);
      return 1;
    }
    io.stderr.write(`fahras ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

/** Whether this module is the program being run (not imported, as by tests). */
function isProgram(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`fahras: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
