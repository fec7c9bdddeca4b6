/**
 * `fahras index <paths…> -o archive.fahras`: read news archives (folders of raw `.txt` article
 * pages, `.jsonl`, `.jsonl.gz`, `.json`), index every document, save the index.
 *
 * Streams its input through `readArchive` (memory: the index, plus one line or one file read
 * whole at a time). A bad file, line or record, and a duplicate id, is skipped, counted and
 * reported with its reason, and the run goes on. Exit code: 0 when nothing was skipped, 2 when
 * something was (the index is written either way), 1 on a fatal error (bad arguments, the output
 * cannot be written).
 * @module
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { createIndex, FahrasError } from '../index.js';
import { createArchiveProgress, readArchive } from '../node.js';
import type { ArchiveDocument } from '../node.js';
import { listOption, parseCommand, usage } from './args.js';
import type { CliIO } from './io.js';
import { createProgressReporter } from './progress.js';
import { formatBytes, formatCount, formatDuration } from './text.js';

/** The fields `fahras index` indexes, with their default boosts (the article preset). */
export const INDEX_FIELDS = { title: 3, category: 2, body: 1 } as const;
/** Fields stored by default (shown and filterable in `fahras search`). */
export const DEFAULT_STORE = ['title', 'category'] as const;
/** Example skips listed per skip code in the summary. */
const EXAMPLES_PER_CODE = 3;

type FieldName = keyof typeof INDEX_FIELDS;
const FIELD_NAMES = Object.keys(INDEX_FIELDS) as FieldName[];

/** Help text of `fahras index`. */
export const INDEX_HELP = `Usage: fahras index <paths…> -o <archive.fahras> [options]

Index news archives and save the index to one file.

Inputs (files and folders, folders read recursively in name order):
  *.txt         one raw scraped article page (title, category, body found by parseArticle);
                the id is the file name without .txt
  *.jsonl       JSON Lines, one {"id","title","category","body"} object per line (streamed)
  *.jsonl.gz    the same, gzip-compressed (streamed)
  *.json        one JSON array of such objects

Options:
  -o, --output <file>      where to write the index (required)
  --boost <f=n,…>          field boosts, e.g. title=3,category=2 (default title=3,category=2,body=1)
  --store <f,…>            fields kept with each document, shown and filterable by
                           fahras search (default title,category; "" for none)
  -q, --quiet              no progress and no summary (skips are still reported)
  -h, --help               this help

A bad file, line or record, or a repeated id, is skipped with its reason and the run goes on.
Exit status: 0 all indexed; 2 something was skipped (the index is written anyway); 1 error.
`;

function parseBoosts(values: readonly string[]): Record<FieldName, number> {
  const boosts: Record<FieldName, number> = { ...INDEX_FIELDS };
  for (const entry of values.flatMap(listOption)) {
    const m = /^([^=]+)=(.+)$/.exec(entry);
    const field = m?.[1]?.trim() as FieldName | undefined;
    const value = Number(m?.[2]);
    if (field === undefined || !FIELD_NAMES.includes(field)) throw usage(`--boost: ${JSON.stringify(entry)} must be field=number with field one of ${FIELD_NAMES.join(', ')}`);
    if (!Number.isFinite(value) || value < 0) throw usage(`--boost: the boost of ${field} must be a finite number ≥ 0, got ${JSON.stringify(m?.[2])}`);
    boosts[field] = value;
  }
  return boosts;
}

function parseStore(value: string | undefined): FieldName[] {
  if (value === undefined) return [...DEFAULT_STORE];
  const names = listOption(value);
  for (const name of names) if (!FIELD_NAMES.includes(name as FieldName)) throw usage(`--store: ${JSON.stringify(name)} is not one of ${FIELD_NAMES.join(', ')}`);
  return [...new Set(names)] as FieldName[];
}

/** Skips by code, with the first few examples of each. */
class SkipLog {
  readonly counts = new Map<string, number>();
  readonly examples: string[] = [];
  total = 0;

  add(code: string, where: string, reason: string): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    this.total++;
    if (n <= EXAMPLES_PER_CODE) this.examples.push(`  ${where}: ${code}: ${reason}`);
  }
}

function whereOf(rec: { source: string; line?: number; item?: number }): string {
  if (rec.line !== undefined) return `${rec.source}:${rec.line}`;
  if (rec.item !== undefined) return `${rec.source}[${rec.item}]`;
  return rec.source;
}

/** Run `fahras index`; returns the exit code. */
export async function indexCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('index', argv, {
    output: { type: 'string', short: 'o' },
    boost: { type: 'string', multiple: true },
    store: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help === true) {
    io.stdout.write(INDEX_HELP);
    return 0;
  }
  if (positionals.length === 0) throw usage('index: give at least one file or folder to index');
  const output = values.output;
  if (output === undefined || output === '') throw usage('index: give the output file with -o <archive.fahras>');
  const boosts = parseBoosts(values.boost ?? []);
  const store = parseStore(values.store);
  const quiet = values.quiet === true;
  const now = io.now ?? (() => performance.now());

  const index = createIndex<ArchiveDocument, FieldName>({
    id: 'id',
    fields: { title: { boost: boosts.title }, category: { boost: boosts.category }, body: { boost: boosts.body } },
    store,
  });
  const progress = createArchiveProgress();
  const reporter = createProgressReporter(io.stderr, now, { quiet });
  const skips = new SkipLog();
  const started = now();
  for await (const rec of readArchive(positionals, { progress })) {
    if (rec.skipped) {
      skips.add(rec.code, whereOf(rec), rec.reason);
    } else if (index.has(rec.doc.id)) {
      skips.add('DUPLICATE_ID', whereOf(rec), `id ${JSON.stringify(rec.doc.id)} was indexed already (the first one is kept)`);
    } else {
      try {
        index.add(rec.doc);
      } catch (e) {
        if (!(e instanceof FahrasError)) throw e;
        skips.add(e.code, whereOf(rec), e.message);
      }
    }
    reporter.update(progress, index.size, skips.total);
  }
  reporter.finish(progress, index.size, skips.total);
  const elapsed = now() - started;

  const bytes = index.export();
  const temporary = `${output}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, output);
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw e;
  }

  if (!quiet) {
    const rate = elapsed > 0 ? (index.size * 1000) / elapsed : 0;
    io.stdout.write(
      `Indexed ${formatCount(index.size)} documents from ${formatCount(progress.files)} file${progress.files === 1 ? '' : 's'} in ${formatDuration(elapsed)} (${formatCount(rate)} docs/s); wrote ${output} (${formatBytes(bytes.length)})\n`,
    );
  }
  if (skips.total > 0) {
    const byCode = [...skips.counts].map(([code, n]) => `${code} ${formatCount(n)}`).join(', ');
    io.stderr.write(`Skipped ${formatCount(skips.total)}: ${byCode}\n${skips.examples.join('\n')}\n`);
    return 2;
  }
  return 0;
}
