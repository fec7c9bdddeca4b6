/**
 * `fahras analyze "text"`: each word of the text with what the analysis makes of it, to see why
 * something matches or not: its position, the text as written, the normalized surface and the
 * stem (the term that is indexed and searched), or `stopword` for a word that is dropped.
 * With `--index archive.fahras`, the analysis of that saved index (of `--field`, default its
 * first field) instead of the default chain.
 * @module
 */
import { createAnalyzer, inspectIndex, tokenize } from '../index.js';
import type { Analyzer } from '../index.js';
import { parseCommand, usage } from './args.js';
import { readIndexFile } from './archive.js';
import type { CliIO } from './io.js';
import { displayWidth, padEnd } from './text.js';

/** Help text of `fahras analyze`. */
export const ANALYZE_HELP = `Usage: fahras analyze <text…> [options]

Show each word of the text as the analysis sees it: position, original, normalized, stem.
Words with the same stem match each other; stopwords are not indexed.

Options:
  --index <file>     analyze as this saved index does (default: the default analysis)
  --field <name>     with --index: the field whose analysis to use (default its first field)
  --json             print [{position, original, normalized, stem, stopword}] as JSON
  -h, --help         this help
`;

/** One analyzed word. */
interface Row {
  position: number;
  original: string;
  normalized: string;
  stem: string | null;
  stopword: boolean;
}

async function analyzerFor(indexPath: string | undefined, field: string | undefined): Promise<Analyzer> {
  if (indexPath === undefined) {
    if (field !== undefined) throw usage('analyze: --field needs --index');
    return createAnalyzer();
  }
  const info = inspectIndex(await readIndexFile(indexPath));
  const f = field === undefined ? info.fields[0] : info.fields.find((x) => x.name === field);
  if (f === undefined) throw usage(`analyze: ${JSON.stringify(field)} is not a field of ${indexPath} (${info.fields.map((x) => x.name).join(', ')})`);
  const config = info.analyzers[f.analyzer]!;
  if (config.customStemmer || config.filterNames.length > 0) throw usage(`analyze: field ${f.name} of ${indexPath} uses a custom stemmer or filters, which only the program that built it has`);
  return createAnalyzer(config);
}

/** The rows of `text`: kept words with their terms (several rows for a word with synonyms), stopwords marked. */
function rowsOf(text: string, analyzer: Analyzer): Row[] {
  const kept = new Map<number, string[]>();
  for (const t of analyzer.analyze(text)) kept.set(t.start, [...(kept.get(t.start) ?? []), t.term]);
  const rows: Row[] = [];
  for (const w of tokenize(text)) {
    const normalized = analyzer.normalizeWord(w.word);
    const terms = kept.get(w.start);
    if (terms === undefined) {
      if (normalized !== '') rows.push({ position: w.position, original: w.word, normalized, stem: null, stopword: true });
      continue;
    }
    for (const stem of terms) rows.push({ position: w.position, original: w.word, normalized, stem, stopword: false });
  }
  return rows;
}

/** Run `fahras analyze`; returns the exit code. */
export async function analyzeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('analyze', argv, {
    index: { type: 'string' },
    field: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.stdout.write(ANALYZE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw usage('analyze: give the text to analyze, e.g. fahras analyze "وَالكِتَابُ في المكتبة"');
  const analyzer = await analyzerFor(values.index, values.field);
  const rows = rowsOf(positionals.join(' '), analyzer);
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.stdout.write('No words.\n');
    return 0;
  }
  const header = { position: '#', original: 'original', normalized: 'normalized', stem: 'stem' };
  const cells = rows.map((r) => ({ position: String(r.position), original: r.original, normalized: r.normalized, stem: r.stem ?? '(stopword)' }));
  const widths = (['position', 'original', 'normalized'] as const).map((k) => Math.max(displayWidth(header[k]), ...cells.map((c) => displayWidth(c[k]))));
  for (const c of [header, ...cells]) {
    io.stdout.write(`${padEnd(c.position, widths[0]!)}  ${padEnd(c.original, widths[1]!)}  ${padEnd(c.normalized, widths[2]!)}  ${c.stem}\n`);
  }
  return 0;
}
