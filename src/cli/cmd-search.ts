/**
 * `fahras search <archive.fahras> <query…>`: load a saved index and print the best matches: rank,
 * score, category and title with the matched words marked (ANSI bold on a terminal, brackets
 * elsewhere), or JSON. Each result takes two lines, the numbers first and the Arabic title alone
 * on its own line, so a bidi terminal lays the title out right to left without mixing it with the
 * numbers.
 * @module
 */
import { createAnalyzer, FahrasError, inspectIndex, loadIndex } from '../index.js';
import type { SearchResult } from '../index.js';
import { integerOption, listOption, parseCommand, usage } from './args.js';
import { readIndexFile } from './archive.js';
import type { CliIO } from './io.js';
import { stylesOn } from './io.js';
import { highlighterRanges, markRanges, matchedRanges } from './marks.js';
import { formatCount } from './text.js';

/** Help text of `fahras search`. */
export const SEARCH_HELP = `Usage: fahras search <archive.fahras> <query…> [options]

Search a saved index. The query is analyzed like the documents were (normalization, clitics,
stems), so والكتاب finds كتاب; several words rank documents with more of them first.

Options:
  -n, --limit <n>        results to show (default 10)
  --fields <f,…>         search only these fields, e.g. title,body (default all)
  --filter <f=value>     keep results whose stored field f equals value, e.g. category=رياضة;
                         repeat for several fields, or a field for any of several values
  --json                 print {query, total, results: [{rank, id, score, doc, match}]} as JSON
  -h, --help             this help

Exit status: 0 (also when nothing matches); 1 error.
`;

type Hit = SearchResult<Record<string, unknown>, string, string>;

function parseFilters(values: readonly string[]): Record<string, string | string[]> | undefined {
  if (values.length === 0) return undefined;
  const filter: Record<string, string | string[]> = {};
  for (const entry of values) {
    const at = entry.indexOf('=');
    if (at <= 0) throw usage(`--filter: ${JSON.stringify(entry)} must be field=value`);
    const field = entry.slice(0, at).trim();
    const value = entry.slice(at + 1);
    const had = filter[field];
    filter[field] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return filter;
}

/** Run `fahras search`; returns the exit code. */
export async function searchCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand('search', argv, {
    limit: { type: 'string', short: 'n' },
    fields: { type: 'string' },
    filter: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.stdout.write(SEARCH_HELP);
    return 0;
  }
  const [archive, ...words] = positionals;
  if (archive === undefined || words.length === 0) throw usage('search: give an index file and a query, e.g. fahras search news.fahras "وزير الخارجية"');
  const query = words.join(' ');
  const limit = integerOption(values.limit, 'limit', 0, 10);
  const options: Record<string, unknown> = { limit };
  if (values.fields !== undefined) options.fields = listOption(values.fields);
  const filter = parseFilters(values.filter ?? []);
  if (filter !== undefined) options.filter = filter;

  const now = io.now ?? (() => performance.now());
  const bytes = await readIndexFile(archive);
  const info = inspectIndex(bytes);
  const index = loadIndex<Record<string, unknown>, string, string>(bytes);
  const search = index.search.bind(index) as (q: string, o: Record<string, unknown>) => Hit[] & { total: number };
  const titled = info.store.includes('title') && info.fields.some((f) => f.name === 'title');
  const started = now();
  let hits: Hit[] & { total: number };
  try {
    // The engine's highlighter, where it has one; else the words are marked from the analysis below.
    hits = titled ? search(query, { ...options, highlight: { fields: ['title'] } }) : search(query, options);
  } catch (e) {
    if (!(e instanceof FahrasError && e.code === 'UNKNOWN_OPTION' && e.details.option?.startsWith('highlight') === true)) throw e;
    hits = search(query, options);
  }
  const searchMs = now() - started;

  if (values.json === true) {
    const results = hits.map((h, i) => ({ rank: i + 1, id: h.id, score: h.score, doc: h.doc, match: h.match }));
    io.stdout.write(`${JSON.stringify({ query, total: hits.total, results }, null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    io.stdout.write(`No results for «${query}».\n`);
    return 0;
  }
  const bold = stylesOn(io.stdout, io);
  const titleField = info.fields.find((f) => f.name === 'title');
  const analyzer = titleField === undefined ? undefined : createAnalyzer(info.analyzers[titleField.analyzer]!);
  io.stdout.write(`${formatCount(hits.length)} of ${formatCount(hits.total)} results for «${query}» (${searchMs.toFixed(1)} ms)\n\n`);
  const width = String(hits.length).length;
  hits.forEach((hit, i) => {
    const category = typeof hit.doc.category === 'string' && hit.doc.category !== '' ? ` · ${hit.doc.category}` : '';
    io.stdout.write(`${String(i + 1).padStart(width)}. score ${hit.score.toFixed(3)}${category} · id ${String(hit.id)}\n`);
    const indent = ' '.repeat(width + 2);
    const title = hit.doc.title;
    if (typeof title === 'string' && title !== '') {
      const ranges = highlighterRanges(hit, 'title') ?? (analyzer === undefined ? [] : matchedRanges(title, query, analyzer));
      io.stdout.write(`${indent}${markRanges(title, ranges, bold)}\n`);
    } else {
      const fields = [...new Set(Object.values(hit.match).flat())].join(', ');
      io.stdout.write(`${indent}(matched in ${fields})\n`);
    }
  });
  return 0;
}
