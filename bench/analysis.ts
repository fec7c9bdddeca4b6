/**
 * The "analysis" concern: delegates to bench/analysis.bench.ts (the analyzer's own benchmark,
 * written with the analysis chain), run in its own process with `--json`, and shows what it
 * reports. Skipped, with the reason, while that file or its `--json` flag does not exist.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The analyzer's benchmark. */
export const analysisBenchPath = join(here, 'analysis.bench.ts');

/** What the analysis concern produced. */
export type AnalysisOutcome = { status: 'ok'; data: unknown } | { status: 'skipped' | 'failed'; reason: string };

/** Run bench/analysis.bench.ts --json in a child process with --expose-gc. */
export function runAnalysis(): AnalysisOutcome {
  if (!existsSync(analysisBenchPath)) return { status: 'skipped', reason: 'bench/analysis.bench.ts does not exist yet' };
  if (!readFileSync(analysisBenchPath, 'utf8').includes('--json')) return { status: 'skipped', reason: 'bench/analysis.bench.ts has no --json flag yet' };
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', analysisBenchPath, '--json'], {
    cwd: join(here, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) return { status: 'failed', reason: `analysis.bench.ts exited with ${child.status ?? child.signal}` };
  const text = child.stdout.trim();
  const candidates = [text, ...text.split('\n').reverse()];
  for (const c of candidates) {
    try {
      return { status: 'ok', data: JSON.parse(c) as unknown };
    } catch {
      // not this one; try the next candidate
    }
  }
  return { status: 'failed', reason: 'analysis.bench.ts --json printed no JSON' };
}

function cell(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toPrecision(4);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The outcome as markdown: a table for a list of flat records, else the JSON itself. */
export function analysisMarkdown(outcome: AnalysisOutcome): string {
  if (outcome.status !== 'ok') return `**Analysis**: ${outcome.status} (${outcome.reason}).`;
  const data = outcome.data;
  const rows = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null
      ? (Object.values(data).find((v) => Array.isArray(v)) as unknown[] | undefined)
      : undefined;
  if (rows && rows.length && rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
    const lines = [`**Analysis** (bench/analysis.bench.ts).\n`, `| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`];
    for (const r of rows) lines.push(`| ${keys.map((k) => cell((r as Record<string, unknown>)[k])).join(' | ')} |`);
    return lines.join('\n');
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const lines = ['**Analysis** (bench/analysis.bench.ts).\n', '| figure | value |', '|---|---:|'];
    for (const [k, v] of Object.entries(data)) lines.push(`| ${k} | ${cell(v)} |`);
    return lines.join('\n');
  }
  return `**Analysis** (bench/analysis.bench.ts):\n\n\`\`\`json\n${JSON.stringify(data, null, 2)}\n\`\`\``;
}
