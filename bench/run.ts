/**
 * The benchmark runner: `npm run bench [-- options]`, `npm run bench:relevance`.
 *
 * Starts one worker process per library and document set (`node --expose-gc --import tsx
 * bench/worker.ts`), one after the other so they never compete for the CPU, prints markdown
 * tables with ratios to fahras, writes the raw figures to bench/results/ and, for a full run,
 * the tables to BENCHMARKS.md.
 *
 * Options:
 * - positional or `--concern a,b`: any of indexing, memory, export, query, relevance, analysis
 *   (default: all of them);
 * - `--sizes 1000,5000`: article counts (default 1,000 / 5,000 / 20,000 / 40,149); the tables
 *   use 20,000 (or the largest size given), export runs there only, relevance on all articles;
 * - `--libs fahras,minisearch`: registry names from bench/libs.ts (default: every library);
 * - `--repeats n`: index builds timed per worker (default by size, see indexing.ts);
 * - `--rounds n`: at the main size, how many times every library builds and times its queries in
 *   turn (default 2); the best build counts, each query keeps its fastest time over the rounds,
 *   export runs in the last round;
 * - `--md` / `--no-md`: write BENCHMARKS.md even for a partial run / never (default: only for a
 *   run of every default library at the default main size on the ANT corpus);
 * - `--from bench/results/<run>.json`: measure nothing, render the tables of an earlier run
 *   (after a change to the report code).
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analysisMarkdown, runAnalysis } from './analysis.js';
import type { AnalysisOutcome } from './analysis.js';
import { updateBenchmarksMd } from './benchmarks-md.js';
import type { SectionName } from './benchmarks-md.js';
import { DEFAULT_SIZES, FULL_CORPUS, describeSource, loadDocs } from './dataset.js';
import { mergeIndexing } from './indexing.js';
import { mergeLatency } from './query.js';
import { LIBS, LIB_NAMES, libSpec } from './libs.js';
import { loadRelevanceSet, loadTypingSet, summarizeRelevance } from './relevance.js';
import type { RelevanceFigures } from './relevance.js';
import { configList, performanceTables, performanceTargets, relevanceTables, relevanceTargets, scalingTable, targetsTable, typingRelevanceTables } from './report.js';
import { fmt } from './stats.js';
import { RESULT_MARKER } from './protocol.js';
import type { WorkerResult } from './protocol.js';

const here = dirname(fileURLToPath(import.meta.url));
const workerPath = join(here, 'worker.ts');
const resultsDir = join(here, 'results');

const PERF_CONCERNS = ['indexing', 'memory', 'export', 'query'];
const ALL_CONCERNS = [...PERF_CONCERNS, 'relevance', 'analysis'];
const MAIN_SIZE = 20000;

const RELEVANCE_NOTES =
  'How the set is built (bench/relevance/generate.ts, seeded, never tuned on any engine\'s results): known-item queries take ' +
  '2–4 distinctive words of one article\'s title or of one body sentence, kept only when no other article contains them all; ' +
  'topical queries take 2 title words, relevant = every article whose title has both (3–10). Then the words are rewritten ' +
  'the way readers type: hamza left out or on the other seat, ه for ة, ي/ى swapped, ال dropped or added, و/ب/ل attached, ' +
  'the singular for a sound plural, a stray haraka or tatweel, Persian ی/ک; 15 % stay untouched as a control. Every library ' +
  'gets the same query string, top 10. The typing set (bench/relevance/generate-typing.ts, its own seed) picks known items the ' +
  'same way and applies other habits: a typo (neighbouring key, letter dropped, letters swapped, letter doubled), a pronoun ' +
  'suffix, ة/ت before a suffix, the dual, a sound plural either way, a preposition before ال added or taken away, a hamza on ' +
  'the first alef only, a spelling variant the corpus itself uses, a word split or joined as the corpus writes it both ways, ' +
  'another word order, a preposition or a question word added; 8 % untouched.';

interface Job {
  lib: string;
  size: number;
  concerns: string[];
  main: boolean;
  /** 1-based round at the main size (1 elsewhere). */
  round: number;
}

/**
 * Fold a later round's result into the earlier one's (indexing runs add up, each query keeps its
 * fastest time of the rounds, the rest is the later's).
 */
function mergeRounds(earlier: WorkerResult, later: WorkerResult): WorkerResult {
  if (earlier.status === 'failed') return earlier;
  if (later.status !== 'ok' || earlier.status !== 'ok' || !earlier.indexing || !later.indexing) return later;
  const a = earlier.query;
  const b = later.query;
  return {
    ...later,
    ...(a && b && { query: { plain: mergeLatency(a.plain, b.plain), prefix: mergeLatency(a.prefix, b.prefix), fuzzy: mergeLatency(a.fuzzy, b.fuzzy) } }),
    indexing: mergeIndexing(earlier.indexing, later.indexing, later.docs, later.bytes),
    checks: [...earlier.checks, ...later.checks],
    elapsedMs: (earlier.elapsedMs ?? 0) + (later.elapsedMs ?? 0),
  };
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

function runWorker(job: Job, repeats: string | undefined): Promise<WorkerResult> {
  const args = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', workerPath, '--lib', job.lib, '--size', String(job.size), '--concerns', job.concerns.join(',')];
  if (repeats) args.push('--repeats', repeats);
  if (job.main) args.push('--main');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (line) {
        resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as WorkerResult);
        return;
      }
      resolve({
        lib: job.lib,
        size: job.size,
        source: describeSource().source,
        docs: 0,
        bytes: 0,
        status: 'failed',
        message: `worker exited with ${code ?? signal} and no result line`,
        checks: [],
      });
    });
  });
}

/** Everything a run measured, as written to bench/results/ (and read back by `--from`). */
interface RawRun {
  date: string;
  machine: string;
  cores: number;
  command: string;
  source: string;
  sizes: number[];
  mainSize: number;
  concerns: string[];
  perfLibs: string[];
  relevanceLibs: string[];
  loadAtStart: number;
  maxLoad: number;
  /** Every default library at the default main size on the ANT corpus: fit for BENCHMARKS.md. */
  defaultRun: boolean;
  results: WorkerResult[];
  relevance: Record<string, Record<string, RelevanceFigures>>;
  /** The same for the typing set (absent in runs older than it). */
  relevanceTyping?: Record<string, Record<string, RelevanceFigures>>;
  analysis?: AnalysisOutcome;
}

const PERF_NOTES =
  'Notes: index time is the best wall time of the builds timed (3 at 1,000 articles; at the main size every library builds ' +
  'once per round, libraries taking turns, 2 rounds; 1 elsewhere); CPU time is that build\'s user + system time over all ' +
  'threads (GC helpers included). Heap growth is `heapUsed + external` after GC (typed arrays count). Latency: 200 queries ' +
  'of each kind at the main size, 100 at the other points, after an untimed warm-up on the first fifth; at the main size ' +
  'the list is timed twice in each round (libraries taking turns) and each query keeps its fastest time. "n/a": the library has no such feature (FlexSearch has ' +
  'no query-time prefix or edit-distance search; Orama always matches query words as prefixes, so its plain and prefix ' +
  'queries are the same call; the split+Map floor does not search). Fuzzy = edit distance 1.';

/** The markdown sections of a run. */
function renderSections(raw: RawRun): Partial<Record<SectionName, string>> {
  // The bench's own worker adds about 1 to the load average; warn when others took over half the cores.
  const busy =
    raw.maxLoad - 1 > raw.cores * 0.5
      ? `\n\n⚠ The machine was busy during this run (1-minute load average up to ${raw.maxLoad.toFixed(1)} on ${raw.cores} cores): wall times are disturbed; CPU times and ratios within a round are the steadier figures.`
      : '';
  const meta =
    `Machine: ${raw.machine}; 1-minute load average ${raw.loadAtStart.toFixed(1)} at the start, ${raw.maxLoad.toFixed(1)} at most. ` +
    `Command: \`${raw.command}\`. Date: ${raw.date.slice(0, 10)}. Data: ${raw.source === 'ANT corpus' ? 'ANT corpus' : 'demo sample (NOT the ANT corpus)'}.${busy}`;
  const sections: Partial<Record<SectionName, string>> = {};
  const { results, mainSize, relevance } = raw;
  if (raw.perfLibs.length) {
    const failed = results.filter((r) => r.status === 'failed');
    sections.performance = [
      `## Speed, memory, size\n\n${meta}`,
      performanceTables(results, mainSize),
      targetsTable(performanceTargets(results, mainSize)),
      scalingTable(results),
      `Configurations:\n\n${configList(raw.perfLibs)}`,
      PERF_NOTES,
      failed.length ? `**FAILED:**\n\n${failed.map((r) => `- ${r.lib} @ ${r.size}: ${(r.message ?? '').split('\n')[0]}`).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  if (raw.relevanceLibs.length) {
    sections.relevance = [
      `## Relevance\n\n${meta}`,
      relevanceTables(relevance),
      targetsTable(relevanceTargets(relevance)),
      typingRelevanceTables(raw.relevanceTyping ?? {}),
      `Configurations:\n\n${configList(raw.relevanceLibs)}`,
      RELEVANCE_NOTES,
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  if (raw.analysis) sections.analysis = `## Analysis\n\n${analysisMarkdown(raw.analysis)}`;
  return sections;
}

/** Print the run's tables and, for a full run (or with --md), write them to BENCHMARKS.md. */
function publish(raw: RawRun, flags: { md?: boolean | undefined; 'no-md'?: boolean | undefined }): void {
  const sections = renderSections(raw);
  console.log(`\n${Object.values(sections).join('\n\n')}\n`);
  if (!flags['no-md'] && (flags.md || raw.defaultRun)) {
    updateBenchmarksMd(sections);
    console.log(`BENCHMARKS.md updated (${Object.keys(sections).join(', ')}).`);
  } else {
    console.log('BENCHMARKS.md not updated (partial run; pass --md to write it anyway).');
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      concern: { type: 'string' },
      concerns: { type: 'string' },
      sizes: { type: 'string' },
      libs: { type: 'string' },
      repeats: { type: 'string' },
      rounds: { type: 'string' },
      md: { type: 'boolean' },
      'no-md': { type: 'boolean' },
      from: { type: 'string' },
    },
  });
  if (values.from) {
    const raw = JSON.parse(readFileSync(values.from, 'utf8')) as RawRun;
    publish(raw, values);
    return 0;
  }
  const concerns = new Set([...(list(values.concern) ?? []), ...(list(values.concerns) ?? []), ...positionals]);
  if (concerns.size === 0 || concerns.has('all')) for (const c of ALL_CONCERNS) concerns.add(c);
  concerns.delete('all');
  for (const c of concerns) if (!ALL_CONCERNS.includes(c)) throw new Error(`unknown concern "${c}"; known: ${ALL_CONCERNS.join(', ')}`);
  const explicitLibs = list(values.libs);
  for (const l of explicitLibs ?? []) libSpec(l);
  const perfLibs = explicitLibs ?? LIB_NAMES.filter((l) => LIBS[l]!.perf);
  const relevanceLibs = (explicitLibs ?? LIB_NAMES).filter((l) => LIBS[l]!.relevance === true || (explicitLibs !== undefined && LIBS[l]!.relevance === 'named'));

  const { source, note } = describeSource();
  console.log(`# fahras benchmarks\n\nData: ${note}`);
  let sizes = (list(values.sizes)?.map(Number) ?? DEFAULT_SIZES).filter((n) => Number.isInteger(n) && n > 0);
  let fullSize = FULL_CORPUS;
  if (source === 'demo sample') {
    fullSize = loadDocs(Number.MAX_SAFE_INTEGER).docs.length;
    sizes = [...new Set(sizes.map((s) => Math.min(s, fullSize)))];
    console.log(`(the demo sample has ${fmt(fullSize)} articles; sizes capped at that)`);
  }
  sizes.sort((a, b) => a - b);
  const mainSize = sizes.includes(Math.min(MAIN_SIZE, fullSize)) ? Math.min(MAIN_SIZE, fullSize) : sizes[sizes.length - 1]!;

  const perf = PERF_CONCERNS.filter((c) => concerns.has(c));
  const jobs: Job[] = [];
  const relevanceWanted = concerns.has('relevance');
  const rounds = Math.max(1, Number(values.rounds ?? 2));
  if (perf.length) {
    for (const size of sizes) {
      const sizeRounds = size === mainSize ? rounds : 1;
      for (let round = 1; round <= sizeRounds; round++) {
        for (const lib of perfLibs) {
          const last = round === sizeRounds;
          // Every round builds and times the queries (see query.ts); the last one also exports.
          const c = perf.filter((x) => (last ? x !== 'export' || size === mainSize : x === 'indexing' || x === 'memory' || x === 'query'));
          if (c.length === 0) c.push('indexing');
          if (last && relevanceWanted && size === fullSize && relevanceLibs.includes(lib)) c.push('relevance');
          jobs.push({ lib, size, concerns: c, main: size === mainSize, round });
        }
      }
    }
  }
  if (relevanceWanted) {
    for (const lib of relevanceLibs) {
      if (!jobs.some((j) => j.lib === lib && j.size === fullSize && j.concerns.includes('relevance'))) jobs.push({ lib, size: fullSize, concerns: ['relevance'], main: false, round: 1 });
    }
  }

  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const results: WorkerResult[] = [];
  let maxLoad = loadAtStart;
  for (const [i, job] of jobs.entries()) {
    const t0 = Date.now();
    maxLoad = Math.max(maxLoad, loadavg()[0] ?? 0);
    const round = job.round > 1 || (job.main && rounds > 1) ? ` (round ${job.round})` : '';
    process.stderr.write(`[${i + 1}/${jobs.length}] ${job.lib} @ ${fmt(job.size)}${round}: ${job.concerns.join(', ')}\n`);
    let r = await runWorker(job, values.repeats);
    r.elapsedMs = Date.now() - t0;
    const earlier = results.findIndex((x) => x.lib === job.lib && x.size === job.size);
    if (earlier >= 0) {
      r = mergeRounds(results[earlier]!, r);
      results.splice(earlier, 1);
    }
    results.push(r);
    const status = r.status === 'ok' ? 'ok' : r.status === 'unavailable' ? `not available (${r.message ?? ''})` : `FAILED: ${r.message ?? ''}`;
    process.stderr.write(`    ${((Date.now() - t0) / 1000).toFixed(1)} s, ${status}\n`);
  }

  let analysis: AnalysisOutcome | undefined;
  if (concerns.has('analysis')) {
    process.stderr.write('[analysis] bench/analysis.bench.ts --json\n');
    analysis = runAnalysis();
  }

  // Relevance summaries, per library.
  const relevance: Record<string, Record<string, RelevanceFigures>> = {};
  const relevanceTyping: Record<string, Record<string, RelevanceFigures>> = {};
  if (relevanceWanted) {
    const set = loadRelevanceSet();
    const typingSet = loadTypingSet();
    for (const r of results) {
      if (!r.relevance || r.status !== 'ok') continue;
      relevance[r.lib] = summarizeRelevance(r.relevance, set);
      if (r.relevance.typing) relevanceTyping[r.lib] = summarizeRelevance(r.relevance.typing, typingSet);
    }
  }

  maxLoad = Math.max(maxLoad, loadavg()[0] ?? 0);
  const cpu = cpus();
  const date = new Date().toISOString();
  const raw: RawRun = {
    date,
    machine: `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
    cores: cpu.length,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    source,
    sizes,
    mainSize,
    concerns: [...concerns],
    perfLibs: perf.length ? perfLibs : [],
    relevanceLibs: relevanceWanted ? relevanceLibs : [],
    loadAtStart,
    maxLoad,
    defaultRun: !explicitLibs && source === 'ANT corpus' && (!perf.length || mainSize === MAIN_SIZE),
    results,
    relevance,
    relevanceTyping,
    ...(analysis ? { analysis } : {}),
  };
  mkdirSync(resultsDir, { recursive: true });
  const rawPath = join(resultsDir, `bench-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(rawPath, JSON.stringify(raw, null, 1));
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(raw, null, 1));
  publish(raw, values);
  console.log(`Raw figures: ${rawPath}`);
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length || analysis?.status === 'failed') {
    console.error(`\nBENCHMARK FAILED: ${failed.map((r) => `${r.lib} @ ${r.size}`).join(', ')}${analysis?.status === 'failed' ? ' analysis' : ''}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
