/**
 * A quick loop on query latency: builds the first N ANT articles once (the article preset as the
 * bench's fahras peer: title 3, category 2, body 1, storing title and category), then times the bench's latency queries
 * (bench/latency-queries.ts: 200 per kind, top 10) many times in this process and prints p50 / p95
 * per kind (each query keeps its fastest time over the passes, as bench/query.ts does).
 *
 *   node --import tsx bench/profile-query.ts [--size 20000] [--passes 20] [--kinds plain,prefix,fuzzy]
 *                                            [--cpu-prof FILE] [--record FILE | --verify FILE] [--no-cache]
 *
 * - `--no-cache`: the index option `queryCache: false`, as the bench's fahras peer (every timed
 *   query analyzed and compiled afresh);
 * - `--cpu-prof FILE`: a V8 CPU profile of the timed passes only (the build is not in it), written
 *   to FILE (gitignored `*.cpuprofile`), its top entries by self time printed (as
 *   bench/profile-indexing.ts does);
 * - `--record FILE`: write every query's results (ids, scores, total, match) as JSON;
 *   `--verify FILE`: compare this build's results with a recorded file, exactly (same documents,
 *   order, scores bit for bit, totals and matched fields), and fail on any difference. Record
 *   before changing the search path, verify after.
 *
 * Checks: ≥ 95 % of the plain queries (known to match) return results.
 * Corpus: ANT (Chouigui, Ben Khiroun, Elayeb; see ../shared/corpus/README.md).
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusAvailable, corpusMissingReason, loadCorpus } from '../tools/corpus.js';
import type { CorpusArticle } from '../tools/corpus.js';
import { articlePreset, createIndex } from '../src/index.js';
import type { SearchOptions } from '../src/index.js';
import { latencyQueries } from './latency-queries.js';
import { FUZZY_DISTANCE } from './query.js';
import { percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    passes: { type: 'string' },
    kinds: { type: 'string' },
    'cpu-prof': { type: 'string' },
    record: { type: 'string' },
    verify: { type: 'string' },
    'no-cache': { type: 'boolean' },
  },
});
if (!corpusAvailable()) throw new Error(corpusMissingReason);
const size = Number(values.size ?? 20000);
const passes = Number(values.passes ?? 20);
type Kind = 'plain' | 'prefix' | 'fuzzy';
const kinds = (values.kinds ?? 'plain,prefix,fuzzy').split(',') as Kind[];

const docs = loadCorpus(size);
const queries = latencyQueries(docs);
const index = createIndex<CorpusArticle, 'title' | 'category'>({ ...articlePreset, store: ['title', 'category'], queryCache: values['no-cache'] !== true });
const t0 = performance.now();
index.addAll(docs);
console.log(`${index.size} ANT articles indexed in ${(performance.now() - t0).toFixed(0)} ms`);

const optionsOf: Record<Kind, SearchOptions<CorpusArticle, 'title' | 'category'>> = {
  plain: { limit: 10 },
  prefix: { limit: 10, prefix: true },
  fuzzy: { limit: 10, fuzzy: FUZZY_DISTANCE },
};

// Results, for --record / --verify.
if (values.record !== undefined || values.verify !== undefined) {
  const got: Record<string, unknown[]> = {};
  for (const kind of (['plain', 'prefix', 'fuzzy'] as const)) {
    got[kind] = queries[kind].map((q) => {
      const hits = index.search(q, optionsOf[kind]);
      return { q, total: hits.total, hits: hits.map((h) => [h.id, h.score, h.match]) };
    });
  }
  const json = JSON.stringify(got);
  if (values.record !== undefined) {
    mkdirSync(dirname(values.record), { recursive: true });
    writeFileSync(values.record, json);
    console.log(`results recorded in ${values.record}`);
  } else {
    const want = JSON.parse(readFileSync(values.verify!, 'utf8')) as Record<string, { q: string }[]>;
    let differ = 0;
    const mine = JSON.parse(json) as Record<string, { q: string }[]>;
    for (const kind of Object.keys(want)) {
      want[kind]!.forEach((w, i) => {
        const m = mine[kind]![i];
        if (JSON.stringify(w) !== JSON.stringify(m)) {
          if (differ++ < 5) console.log(`DIFFERENT ${kind} «${w.q}»\n  want ${JSON.stringify(w)}\n  got  ${JSON.stringify(m)}`);
        }
      });
    }
    if (differ > 0) throw new Error(`${differ} queries give other results than ${values.verify}`);
    console.log(`results identical to ${values.verify} (${Object.values(want).reduce((n, l) => n + l.length, 0)} queries)`);
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and file, largest first (bench/profile-indexing.ts runs on import, so not shared). */
function topSelf(profile: CpuProfile, rows: number): { percent: number; ms: number; name: string; where: string }[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const f = frames.get(id)!;
    const key = `${f.functionName || '(anonymous)'}\t${f.url.replace(/^file:\/\//, '').replace(/^.*\/(src|bench|tools|node_modules)\//, '$1/')}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, rows).map(([key, us]) => {
    const [name, where] = key.split('\t') as [string, string];
    return { percent: (100 * us) / total, ms: us / 1000, name, where };
  });
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
}

// Warm-up, then timed passes.
for (const kind of kinds) for (let i = 0; i < 3; i++) for (const q of queries[kind]) index.search(q, optionsOf[kind]);
let session: Session | undefined;
if (values['cpu-prof'] !== undefined) {
  session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 50 });
  await post(session, 'Profiler.start');
}
for (const kind of kinds) {
  const list = queries[kind];
  const times = new Array<number>(list.length).fill(Infinity);
  let nonEmpty = 0;
  const c0 = process.cpuUsage();
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < list.length; i++) {
      const t = process.hrtime.bigint();
      const hits = index.search(list[i]!, optionsOf[kind]);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (ms < times[i]!) times[i] = ms;
      if (pass === 0 && hits.length > 0) nonEmpty++;
    }
  }
  const cpu = process.cpuUsage(c0);
  const mean = (cpu.user + cpu.system) / 1000 / (passes * list.length);
  console.log(`${kind.padEnd(6)} p50 ${percentile(times, 50).toFixed(3)} ms  p95 ${percentile(times, 95).toFixed(3)} ms  max ${Math.max(...times).toFixed(3)} ms  mean cpu ${mean.toFixed(3)} ms  (${list.length} queries × ${passes} passes, ${nonEmpty} non-empty)`);
  if (kind === 'plain' && nonEmpty < 0.95 * list.length) throw new Error(`only ${nonEmpty} of ${list.length} plain queries returned results`);
}
if (session !== undefined) {
  const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
  session.disconnect();
  const out = values['cpu-prof']!;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile: ${out}\n| self % | self ms | function | file |\n|---:|---:|---|---|`);
  for (const r of topSelf(profile, 20)) console.log(`| ${r.percent.toFixed(1)} | ${r.ms.toFixed(0)} | ${r.name} | ${r.where} |`);
}
