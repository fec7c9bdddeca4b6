// Scratch measure of fahras indexing vs flexsearch (NOT the bench harness; for the index helper's report).
//   node --expose-gc --import tsx bench/scratch-index.ts [n] [fahras|flexsearch]
import { loadCorpus } from '../tools/corpus.js';
import type { CorpusArticle } from '../tools/corpus.js';
import { createIndex } from '../src/engine.js';
import { articlePreset } from '../src/options.js';
import FlexSearch from 'flexsearch';

const n = Number(process.argv[2] ?? 20000);
const lib = process.argv[3] ?? 'fahras';
const docs = loadCorpus(n);
const gc = (globalThis as { gc?: () => void }).gc!;
const mb = (x: number): string => (x / 1048576).toFixed(1);
gc();
gc();
const m0 = process.memoryUsage();
const c0 = process.cpuUsage();
const t0 = performance.now();
let search: (q: string) => number;
let keep: unknown;
if (lib === 'fahras') {
  const index = createIndex<CorpusArticle, 'title' | 'category'>({ ...articlePreset, store: ['title', 'category'] });
  index.addAll(docs);
  search = (q) => index.search(q, { limit: 10 }).length;
  keep = index;
} else {
  const Document = (FlexSearch as unknown as { Document: new (o: unknown) => { add(d: unknown): void; search(q: string, o: unknown): unknown[] } }).Document;
  const index = new Document({ document: { id: 'id', index: ['title', 'category', 'body'] } });
  for (const d of docs) index.add(d);
  search = (q) => index.search(q, { limit: 10 }).length;
  keep = index;
}
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
gc();
gc();
const m1 = process.memoryUsage();
const heap = m1.heapUsed - m0.heapUsed;
const ab = m1.arrayBuffers - m0.arrayBuffers;
console.log(`${lib} n=${docs.length} wall=${(t1 - t0).toFixed(0)}ms cpu=${((c1.user + c1.system) / 1000).toFixed(0)}ms docs/s(wall)=${(docs.length / ((t1 - t0) / 1000)).toFixed(0)} heapUsed=${mb(heap)}MB arrayBuffers=${mb(ab)}MB heap+buffers=${mb(heap + ab)}MB`);
const qs = docs.slice(0, 200).map((d) => d.title.split(/\s+/).slice(0, 2).join(' '));
const lat: number[] = [];
let hits = 0;
for (let r = 0; r < 3; r++) for (const q of qs) { const s = performance.now(); hits += search(q); lat.push(performance.now() - s); }
lat.sort((a, b) => a - b);
console.log(`  queries=${lat.length} p50=${lat[Math.floor(lat.length * 0.5)]!.toFixed(3)}ms p95=${lat[Math.floor(lat.length * 0.95)]!.toFixed(3)}ms hits=${hits}`);
(globalThis as { keep?: unknown }).keep = keep;
