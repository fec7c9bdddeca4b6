/**
 * Markdown tables from the workers' figures: performance at the main size with ratios to fahras,
 * the scaling line, the issue targets, relevance and its breakdown. Pure formatting: no I/O.
 * @module
 */
import type { ExportResult } from './export.js';
import { LIBS } from './libs.js';
import type { LatencyResult, QueryResult } from './query.js';
import type { RelevanceFigures } from './relevance.js';
import { fmt, mib, ms } from './stats.js';
import type { WorkerResult } from './protocol.js';

const NA = 'n/a';

function label(lib: string): string {
  return LIBS[lib]?.label ?? lib;
}

function isNa(x: unknown): x is { na: string } {
  return typeof x === 'object' && x !== null && 'na' in x;
}

/** `value` and its ratio to fahras's (lib ÷ fahras), e.g. "12,345 (0.31×)". */
function withRatio(text: string, value: number | undefined, base: number | undefined, isBase: boolean): string {
  if (value === undefined || !Number.isFinite(value)) return NA;
  if (isBase || base === undefined || !Number.isFinite(base) || base === 0) return text;
  const r = value / base;
  return `${text} (${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×)`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(cells: readonly string[], align: readonly ('l' | 'r')[]): string {
  return `${row(cells)}\n|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`;
}

function heap(r: WorkerResult): number | undefined {
  const m = r.indexing?.memory;
  return m && m.length ? m[m.length - 1]!.total : undefined;
}

function latency(q: QueryResult | undefined, kind: keyof QueryResult): LatencyResult | undefined {
  const x = q?.[kind];
  return x && !isNa(x) ? x : undefined;
}

function exp(r: WorkerResult): ExportResult | undefined {
  return r.export && !isNa(r.export) ? r.export : undefined;
}

function statusCell(r: WorkerResult, columns: number): string[] {
  const msg = r.status === 'unavailable' ? `not available: ${r.message ?? ''}` : `FAILED: ${(r.message ?? '').split('\n')[0]}`;
  return [msg, ...new Array<string>(columns - 1).fill('')];
}

/** Indexing, memory, export and latency at one size, one row per library. */
export function performanceTables(results: readonly WorkerResult[], size: number): string {
  // Relevance-only workers (no indexing figures) have no row here.
  const rs = results.filter((r) => r.size === size && (r.indexing !== undefined || r.status !== 'ok'));
  if (!rs.length) return '';
  const base = rs.find((r) => r.lib === 'fahras' && r.status === 'ok');
  const out: string[] = [];
  const docs = rs[0]!.docs;
  out.push(`**Indexing, memory, saved index: ${fmt(docs)} articles (${rs[0]!.source}, ${mib(rs[0]!.bytes)} MiB of UTF-8 text).** Ratios are library ÷ fahras.\n`);
  out.push(
    header(['library', 'index time (ms)', 'CPU time (ms)', 'docs/s', 'MiB/s', 'heap growth (MiB)', 'export (MiB)', 'export load (ms)', 'load ÷ rebuild'], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
  );
  for (const r of rs) {
    const isBase = r === base;
    if (r.status !== 'ok' || !r.indexing) {
      out.push(row([label(r.lib), ...statusCell(r, 8)]));
      continue;
    }
    const ix = r.indexing;
    const e = exp(r);
    const bh = base ? heap(base) : undefined;
    const be = base ? exp(base) : undefined;
    out.push(
      row([
        label(r.lib),
        withRatio(fmt(ix.ms), ix.ms, base?.indexing?.ms, isBase),
        withRatio(fmt(ix.cpuMs), ix.cpuMs, base?.indexing?.cpuMs, isBase),
        withRatio(fmt(ix.docsPerSec), ix.docsPerSec, base?.indexing?.docsPerSec, isBase),
        ix.mbPerSec.toFixed(2),
        withRatio(mib(heap(r) ?? Number.NaN), heap(r), bh, isBase),
        e ? withRatio(mib(e.bytes), e.bytes, be?.bytes, isBase) : NA,
        e ? withRatio(ms(e.loadMs), e.loadMs, be?.loadMs, isBase) : NA,
        e ? e.loadVsRebuild.toFixed(2) : NA,
      ]),
    );
  }
  out.push('');
  const q0 = rs.map((r) => latency(r.query, 'plain')).find((x) => x);
  out.push(`**Query latency (ms, top 10, ${q0 ? q0.n : '?'} queries of each kind, same queries for every library).** Ratios are library ÷ fahras.\n`);
  out.push(header(['library', 'plain p50', 'plain p95', 'prefix p50', 'prefix p95', 'fuzzy p50', 'fuzzy p95'], ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
  for (const r of rs) {
    if (r.status !== 'ok') {
      out.push(row([label(r.lib), ...statusCell(r, 6)]));
      continue;
    }
    const isBase = r === base;
    const cells = [label(r.lib)];
    for (const kind of ['plain', 'prefix', 'fuzzy'] as const) {
      const l = latency(r.query, kind);
      const b = base ? latency(base.query, kind) : undefined;
      cells.push(l ? withRatio(ms(l.p50), l.p50, b?.p50, isBase) : NA, l ? withRatio(ms(l.p95), l.p95, b?.p95, isBase) : NA);
    }
    out.push(row(cells));
  }
  return out.join('\n');
}

/** Exponent k of value ∝ size^k between the two sizes (1 = linear). */
function exponent(v0: number, v1: number, n0: number, n1: number): number {
  return Math.log(v1 / v0) / Math.log(n1 / n0);
}

/** Threshold above which growth is flagged as super-linear. */
const SUPERLINEAR = 1.15;

/** How index time, heap and p95 grow with the number of articles, flagging super-linear growth. */
export function scalingTable(results: readonly WorkerResult[]): string {
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  if (sizes.length < 2) return '';
  const libs = [...new Set(results.map((r) => r.lib))];
  const to = sizes[sizes.length - 1]!;
  // From 5,000 up where possible: at 1,000 articles fixed costs (JIT warm-up) dominate.
  const from = sizes.find((s) => s >= 5000 && s < to) ?? sizes[0]!;
  const docsAt = (s: number): number => results.find((r) => r.size === s)?.docs ?? s;
  const out: string[] = [];
  out.push(
    `**Scaling.** k is the growth exponent from ${fmt(docsAt(from))} to ${fmt(docsAt(to))} articles (value ∝ articles^k; 1 = linear); ⚠ marks k > ${SUPERLINEAR}.\n`,
  );
  out.push(header(['library', 'figure', ...sizes.map((s) => fmt(docsAt(s))), 'k'], ['l', 'l', ...sizes.map(() => 'r' as const), 'r']));
  const metrics: [string, (r: WorkerResult) => number | undefined, (v: number) => string][] = [
    ['index time (ms)', (r) => r.indexing?.ms, (v) => fmt(v)],
    ['heap growth (MiB)', (r) => heap(r), (v) => mib(v)],
    ['plain p95 (ms)', (r) => latency(r.query, 'plain')?.p95, ms],
    ['prefix p95 (ms)', (r) => latency(r.query, 'prefix')?.p95, ms],
    ['fuzzy p95 (ms)', (r) => latency(r.query, 'fuzzy')?.p95, ms],
  ];
  for (const lib of libs) {
    for (const [name, get, show] of metrics) {
      const values = sizes.map((s) => {
        const r = results.find((x) => x.lib === lib && x.size === s && x.status === 'ok');
        return r ? get(r) : undefined;
      });
      if (values.every((v) => v === undefined)) continue;
      const i0 = sizes.indexOf(from);
      const v0 = values[i0];
      const v1 = values[values.length - 1];
      let k = '';
      if (v0 !== undefined && v1 !== undefined && v0 > 0 && v1 > 0 && docsAt(to) > docsAt(from)) {
        const e = exponent(v0, v1, docsAt(from), docsAt(to));
        k = `${e.toFixed(2)}${e > SUPERLINEAR ? ' ⚠' : ''}`;
      }
      out.push(row([label(lib), name, ...values.map((v) => (v === undefined ? NA : show(v))), k]));
    }
  }
  return out.join('\n');
}

/** One target of the issues and whether this run meets it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** " (CPU a ÷ b: r×)": the same comparison on CPU time, steadier on a busy machine. */
function cpuRatio(a: WorkerResult, b: WorkerResult): string {
  const x = a.indexing?.cpuMs;
  const y = b.indexing?.cpuMs;
  return x && y ? ` (CPU time: ${(x / y).toFixed(2)}×)` : '';
}

/**
 * The speed, memory and size targets of issues 3, 5 and 6, measured at `size` (when fahras ran).
 * "Met" is judged on wall time, as the issues state them; the CPU-time ratio is shown beside.
 */
export function performanceTargets(results: readonly WorkerResult[], size: number): TargetCheck[] {
  const at = (lib: string): WorkerResult | undefined => results.find((r) => r.lib === lib && r.size === size && r.status === 'ok');
  const f = at('fahras');
  const out: TargetCheck[] = [];
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  if (f?.indexing) {
    const flexes = ['flexsearch', 'flexsearch-arabic'].map(at).filter((r): r is WorkerResult => r?.indexing !== undefined);
    const flexBest = [...flexes].sort((a, b) => b.indexing!.docsPerSec - a.indexing!.docsPerSec)[0];
    if (flexBest?.indexing) {
      const r = f.indexing.docsPerSec / flexBest.indexing.docsPerSec;
      out.push({ target: `docs/s ≥ 3× flexsearch's fastest configuration (${label(flexBest.lib)})`, measured: `${r.toFixed(2)}×${cpuRatio(flexBest, f)}`, met: r >= 3 });
    }
    // Heap and latency: against each FlexSearch configuration (the issue does not say which).
    const fh = heap(f);
    const fp = latency(f.query, 'plain');
    for (const x of flexes) {
      const xh = heap(x);
      if (fh !== undefined && xh !== undefined) out.push({ target: `heap growth ≤ 0.5× ${label(x.lib)}`, measured: ratio(fh, xh), met: fh <= 0.5 * xh });
      const xp = latency(x.query, 'plain');
      if (fp && xp) {
        out.push({ target: `plain p95 ≤ ${label(x.lib)}`, measured: ratio(fp.p95, xp.p95), met: fp.p95 <= xp.p95 });
        out.push({ target: `plain p50 ≤ ${label(x.lib)}`, measured: ratio(fp.p50, xp.p50), met: fp.p50 <= xp.p50 });
      }
    }
    const o = at('orama');
    if (o?.indexing) {
      const r = f.indexing.docsPerSec / o.indexing.docsPerSec;
      out.push({ target: 'docs/s ≥ 8× orama-arabic', measured: `${r.toFixed(2)}×${cpuRatio(o, f)}`, met: r >= 8 });
    }
    const fl = at('floor');
    if (fl?.indexing) {
      const r = f.indexing.ms / fl.indexing.ms;
      out.push({ target: 'index time ≤ 2.5× the split+Map floor', measured: `${r.toFixed(2)}×${cpuRatio(f, fl)}`, met: r <= 2.5 });
    }
    const m = at('minisearch');
    const fe = exp(f);
    const me = m ? exp(m) : undefined;
    if (fe && me) out.push({ target: "export ≤ 0.5× minisearch's JSON", measured: ratio(fe.bytes, me.bytes), met: fe.bytes <= 0.5 * me.bytes });
    if (fe) out.push({ target: 'load ≤ 1/3 of rebuild', measured: fe.loadVsRebuild.toFixed(2), met: fe.loadVsRebuild <= 1 / 3 });
  }
  return out;
}

/** Issue 3's relevance target: fahras above every peer on MRR@10 and Recall@10 (known-item). */
export function relevanceTargets(relevance: Record<string, Record<string, RelevanceFigures>>): TargetCheck[] {
  const out: TargetCheck[] = [];
  const fr = relevance['fahras']?.['known-item'];
  if (fr) {
    for (const [lib, groups] of Object.entries(relevance)) {
      const g = groups['known-item'];
      if (lib === 'fahras' || !g || lib.startsWith('fahras')) continue;
      out.push({ target: `MRR@10 > ${label(lib)}`, measured: `${fr.mrr.toFixed(3)} vs ${g.mrr.toFixed(3)}`, met: fr.mrr > g.mrr });
      out.push({ target: `Recall@10 > ${label(lib)}`, measured: `${fr.recall.toFixed(3)} vs ${g.recall.toFixed(3)}`, met: fr.recall > g.recall });
    }
  }
  return out;
}

/** The targets as a table. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  if (!checks.length) return '';
  const out = ['**Targets (issues 3, 5, 6): fahras against the peers in this run.**\n', header(['target', 'measured', ''], ['l', 'r', 'l'])];
  for (const c of checks) out.push(row([c.target, c.measured, c.met ? 'met' : '**not met**']));
  return out.join('\n');
}

/** Relevance per library on queries.json, then MRR@10 per query group. */
export function relevanceTables(summaries: Record<string, Record<string, RelevanceFigures>>): string {
  const any = Object.values(summaries)[0];
  return relevanceTablesFor(summaries, {
    title: `**Relevance** (${any?.['known-item']?.n ?? 0} known-item queries with one relevant article, ${any?.['topical']?.n ?? 0} topical queries with 3–10; bench/relevance/queries.json).`,
    topical: true,
    groups: ['hamza-alef', 'hamza-seat', 'teh-marbuta', 'alef-maksura', 'al-drop', 'al-add', 'clitic', 'singular', 'diacritic', 'tatweel', 'persian'],
  });
}

/** The rules of the typing set (queries-typing.json), in the order of its generator. */
const TYPING_GROUPS = ['plural', 'dual', 'pronoun', 'teh-suffix', 'al-clitic', 'corpus-variant', 'alef-initial', 'typo-neighbour', 'typo-drop', 'typo-swap', 'typo-double', 'split-join', 'word-order', 'stopword', 'question'];

/** Relevance per library on the typing set (queries-typing.json), then MRR@10 and Recall@10 per rule. */
export function typingRelevanceTables(summaries: Record<string, Record<string, RelevanceFigures>>): string {
  const any = Object.values(summaries)[0];
  return relevanceTablesFor(summaries, {
    title:
      `**Relevance, typing set** (${any?.['known-item']?.n ?? 0} known-item queries; bench/relevance/queries-typing.json: typing habits the set above does not have, ` +
      'from a generator never run against any engine).',
    topical: false,
    groups: TYPING_GROUPS,
    recall: true,
  });
}

/** The tables of one set: the figures per library, then per query group (rows) and library. */
function relevanceTablesFor(summaries: Record<string, Record<string, RelevanceFigures>>, set: { title: string; topical: boolean; groups: readonly string[]; recall?: boolean }): string {
  const libs = Object.keys(summaries);
  if (!libs.length) return '';
  const out: string[] = [];
  const f3 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? NA : x.toFixed(3));
  const pct = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? NA : `${(100 * x).toFixed(1)} %`);
  const any = summaries[libs[0]!]!;
  out.push(`${set.title}\n`);
  const topicalHead = set.topical ? ['MRR@10 topical', 'Recall@10 topical'] : [];
  out.push(header(['library', 'MRR@10 known-item', 'Recall@10 known-item', 'no result', ...topicalHead], ['l', 'r', 'r', 'r', ...topicalHead.map(() => 'r' as const)]));
  for (const lib of libs) {
    const s = summaries[lib]!;
    const topical = set.topical ? [f3(s['topical']?.mrr), f3(s['topical']?.recall)] : [];
    out.push(row([label(lib), f3(s['known-item']?.mrr), f3(s['known-item']?.recall), pct(s['known-item']?.empty), ...topical]));
  }
  out.push('');
  const what = set.recall ? 'MRR@10 / Recall@10' : 'MRR@10';
  out.push(`**${what} of the known-item queries by how they were typed** (a query can carry several rewrites; n = queries).\n`);
  out.push(header(['queries', 'n', ...libs.map(label)], ['l', 'r', ...libs.map(() => 'r' as const)]));
  for (const g of ['none', 'from title', 'from body', ...set.groups]) {
    const n = any[g]?.n;
    if (!n) continue;
    const cell = (lib: string): string => {
      const x = summaries[lib]![g];
      return set.recall ? `${f3(x?.mrr)} / ${f3(x?.recall)}` : f3(x?.mrr);
    };
    out.push(row([g === 'none' ? 'untouched (control)' : g, String(n), ...libs.map(cell)]));
  }
  return out.join('\n');
}

/** How each library was configured, as a list. */
export function configList(libs: readonly string[]): string {
  return libs.map((l) => `- **${label(l)}**: ${LIBS[l]?.config ?? ''}`).join('\n');
}
