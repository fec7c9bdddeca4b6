/**
 * `fahras stats <archive.fahras>`: what a saved index holds, read from its header and metadata
 * without loading it: documents, distinct terms, file size, format version, options (fields with
 * boosts and b, stored fields, k1, exactBoost) and the analysis configuration of each analyzer.
 * @module
 */
import { inspectIndex } from '../index.js';
import type { AnalyzerConfig, IndexInfo } from '../index.js';
import { parseCommand, usage } from './args.js';
import { readIndexFile } from './archive.js';
import type { CliIO } from './io.js';
import { formatBytes, formatCount } from './text.js';

/** Help text of `fahras stats`. */
export const STATS_HELP = `Usage: fahras stats <archive.fahras> [--json]

Show what a saved index holds: documents, distinct terms, file size, options and analysis.
Checks the file's header and checksum without loading the index.

Options:
  --json         print the figures as JSON
  -h, --help     this help
`;

function describeAnalysis(config: AnalyzerConfig): string[] {
  const off = Object.entries(config.normalize)
    .filter(([, on]) => !on)
    .map(([rule]) => rule);
  const stem = !config.stem ? 'off' : config.customStemmer ? 'custom' : 'built-in light stemmer';
  return [
    `normalization: ${off.length === 0 ? 'all rules on' : `all rules on except ${off.join(', ')}`}`,
    `stopwords: ${formatCount(config.stopwords.length)}`,
    `stemming: ${stem}`,
    `filters: ${config.filterNames.length === 0 ? 'none' : config.filterNames.join(', ')}`,
    `analysis version: ${config.analysisVersion}`,
  ];
}

function describe(info: IndexInfo, path: string): string {
  const lines = [
    `${path}`,
    `  documents:       ${formatCount(info.documents)}`,
    `  distinct terms:  ${formatCount(info.terms)} (${formatCount(info.stems)} stems)`,
    `  file size:       ${formatBytes(info.bytes)} (${formatCount(info.bytes)} bytes), format version ${info.formatVersion}`,
    `  id field:        ${info.id}`,
    `  fields:          ${info.fields.map((f) => `${f.name} (boost ${f.boost}, b ${f.b}${info.analyzers.length > 1 ? `, analyzer ${f.analyzer + 1}` : ''})`).join(', ')}`,
    `  stored fields:   ${info.store.length === 0 ? 'none' : info.store.join(', ')}`,
    `  BM25:            k1 ${info.k1}, exact-form weight ${info.exactBoost}`,
    `  auto vacuum at:  ${info.vacuumThreshold === false ? 'never' : `${info.vacuumThreshold * 100}% removed`}`,
  ];
  info.analyzers.forEach((config, i) => {
    lines.push(`  analyzer${info.analyzers.length > 1 ? ` ${i + 1}` : ''}:`);
    for (const line of describeAnalysis(config)) lines.push(`    ${line}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Run `fahras stats`; returns the exit code. */
export async function statsCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('stats', argv, { json: { type: 'boolean' } });
  if (values.help === true) {
    io.stdout.write(STATS_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw usage('stats: give one index file, e.g. fahras stats news.fahras');
  const path = positionals[0]!;
  const info = inspectIndex(await readIndexFile(path));
  io.stdout.write(values.json === true ? `${JSON.stringify(info, null, 2)}\n` : describe(info, path));
  return 0;
}
