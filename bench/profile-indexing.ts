/**
 * Profile of the hot indexing path, and a side-by-side measure of indexing speed.
 *
 * Profile (a V8 CPU profile of indexing only; the corpus is loaded before the profiler starts):
 *
 *   node --import tsx bench/profile-indexing.ts profile [n=20000] [out=.tmp/indexing.cpuprofile]
 *
 * writes the `.cpuprofile` (gitignored; open it in Chrome DevTools › Performance, or VS Code) and
 * prints the top entries by self time. The profiler is started and stopped through
 * `node:inspector` around `createIndex` + `addAll`, which is what `node --cpu-prof` records for a
 * whole process. A profile written by `node --cpu-prof` can be summarized the same way:
 *
 *   node --import tsx bench/profile-indexing.ts top path/to/file.cpuprofile [rows=15]
 *
 * Measure (docs/s by wall and CPU time, heap growth after GC; each run in its own process with
 * `--expose-gc`, libraries alternated `rounds` times, so a shared, loaded machine hits all alike):
 *
 *   node --import tsx bench/profile-indexing.ts compare [n=20000] [rounds=3]
 *
 * runs fahras (`createIndex({...articlePreset})`), flexsearch 0.8 (Document, default encoder,
 * fields title, category, body) and the floor (`text.split(/\s+/)` plus a `Map` count over
 * title + category + body) and prints the best CPU-time run of each with ratios to fahras. Each
 * run checks its output (document count, a non-zero count of distinct words / a search hit).
 *
 * Corpus: ANT (Chouigui, Ben Khiroun, Elayeb; see ../shared/corpus/README.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import FlexSearch from 'flexsearch';
import { loadCorpus } from '../tools/corpus.js';
import type { CorpusArticle } from '../tools/corpus.js';
import { articlePreset, createIndex } from '../src/index.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file, line), largest first. */
export function topSelf(profile: CpuProfile, rows: number): { percent: number; ms: number; name: string; where: string }[] {
  const byNode = new Map<number, ProfileNode>();
  for (const n of profile.nodes) byNode.set(n.id, n);
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0; // the delta after a sample is the time it stood for
    const node = byNode.get(profile.samples[i]!)!;
    const f = node.callFrame;
    const file = f.url.replace(/^file:\/\//, '').replace(/^.*\/(src|bench|tools|node_modules)\//, '$1/');
    // (tsx compiles each module to one line, so line numbers say nothing: name and file only)
    const key = `${f.functionName || '(anonymous)'}\t${file}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([key, us]) => {
      const [name, where] = key.split('\t') as [string, string];
      return { percent: (100 * us) / total, ms: us / 1000, name, where };
    });
}

function printTop(profile: CpuProfile, rows: number): void {
  console.log('| self % | self ms | function | file |');
  console.log('|---:|---:|---|---|');
  for (const r of topSelf(profile, rows)) console.log(`| ${r.percent.toFixed(1)} | ${r.ms.toFixed(0)} | ${r.name} | ${r.where} |`);
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
}

async function profile(n: number, out: string): Promise<void> {
  const docs = loadCorpus(n);
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(session, 'Profiler.start');
  const t0 = performance.now();
  const index = createIndex<CorpusArticle>({ ...articlePreset });
  index.addAll(docs);
  const ms = performance.now() - t0;
  const { profile: p } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
  session.disconnect();
  if (index.size !== docs.length) throw new Error(`indexed ${index.size} of ${docs.length} documents`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(p));
  console.log(`${docs.length} ANT articles indexed in ${ms.toFixed(0)} ms (profiled); profile: ${out}`);
  printTop(p, 15);
}

type Lib = 'fahras' | 'flexsearch' | 'floor';

/** One measured run in this process; prints one JSON line. */
function measure(lib: Lib, n: number): void {
  const docs = loadCorpus(n);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  gc();
  gc();
  const m0 = process.memoryUsage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let keep: unknown;
  let check = 0;
  if (lib === 'fahras') {
    const index = createIndex<CorpusArticle>({ ...articlePreset });
    index.addAll(docs);
    keep = index;
    check = index.size === docs.length ? index.search(docs[0]!.title, { limit: 1 }).length : -1;
  } else if (lib === 'flexsearch') {
    const Document = (FlexSearch as unknown as { Document: new (o: unknown) => { add(d: unknown): void; search(q: string, o: unknown): unknown[] } }).Document;
    const index = new Document({ document: { id: 'id', index: ['title', 'category', 'body'] } });
    for (const d of docs) index.add(d);
    keep = index;
    check = index.search(docs[0]!.title, { limit: 1 }).length;
  } else {
    const counts = new Map<string, number>();
    const ws = /\s+/;
    for (const d of docs) {
      for (const text of [d.title, d.category, d.body]) for (const w of text.split(ws)) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    keep = counts;
    check = counts.size;
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  gc();
  gc();
  const m1 = process.memoryUsage();
  if (!(check > 0)) throw new Error(`${lib}: the run measured nothing (check ${check})`);
  (globalThis as { keep?: unknown }).keep = keep;
  const heap = m1.heapUsed - m0.heapUsed + (m1.arrayBuffers - m0.arrayBuffers);
  console.log(JSON.stringify({ lib, n: docs.length, wallMs: wall, cpuMs: (c.user + c.system) / 1000, heapMB: heap / 1048576 }));
}

function compare(n: number, rounds: number): void {
  const libs: Lib[] = ['fahras', 'flexsearch', 'floor'];
  const best = new Map<Lib, { wallMs: number; cpuMs: number; heapMB: number; n: number }>();
  const self = fileURLToPath(import.meta.url);
  for (let r = 0; r < rounds; r++) {
    for (const lib of r % 2 === 0 ? libs : [...libs].reverse()) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, 'measure', lib, String(n)], { encoding: 'utf8' });
      const row = JSON.parse(out.trim().split('\n').pop()!) as { wallMs: number; cpuMs: number; heapMB: number; n: number };
      console.log(`round ${r + 1} ${lib}: wall ${row.wallMs.toFixed(0)} ms, cpu ${row.cpuMs.toFixed(0)} ms, heap ${row.heapMB.toFixed(1)} MB`);
      const b = best.get(lib);
      if (b === undefined || row.cpuMs < b.cpuMs) best.set(lib, { ...row, wallMs: Math.min(row.wallMs, b?.wallMs ?? Infinity) });
    }
  }
  const f = best.get('fahras')!;
  console.log(`\n${f.n} ANT articles, best of ${rounds} (CPU time; wall best separately)`);
  console.log('| library | docs/s (cpu) | docs/s (wall) | heap MB | fahras ÷ it (cpu docs/s) | it ÷ fahras (heap) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const lib of libs) {
    const b = best.get(lib)!;
    const ds = (b.n * 1000) / b.cpuMs;
    const dw = (b.n * 1000) / b.wallMs;
    console.log(`| ${lib} | ${ds.toFixed(0)} | ${dw.toFixed(0)} | ${b.heapMB.toFixed(1)} | ${(b.cpuMs / f.cpuMs).toFixed(2)}× | ${(b.heapMB / f.heapMB).toFixed(2)}× |`);
  }
}

const [mode = 'profile', a, b] = process.argv.slice(2);
if (mode === 'profile') await profile(Number(a ?? 20000), b ?? '.tmp/indexing.cpuprofile');
else if (mode === 'top') printTop(JSON.parse(readFileSync(a!, 'utf8')) as CpuProfile, Number(b ?? 15));
else if (mode === 'measure') measure(a as Lib, Number(b ?? 20000));
else if (mode === 'compare') compare(Number(a ?? 20000), Number(b ?? 3));
else throw new Error(`unknown mode ${mode} (profile | top | compare | measure)`);
