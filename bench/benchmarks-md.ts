/**
 * Keeps BENCHMARKS.md (committed, at the repository root) up to date: each run replaces only the
 * sections it measured (performance, relevance, analysis), between marker comments, so
 * `npm run bench:relevance` does not erase the performance tables and vice versa.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../tools/corpus.js';

/** The file. */
export const benchmarksMdPath = join(repoRoot, 'BENCHMARKS.md');

/** The sections a run can replace. */
export type SectionName = 'performance' | 'relevance' | 'analysis';

const SECTIONS: SectionName[] = ['performance', 'relevance', 'analysis'];

const begin = (s: SectionName): string => `<!-- BEGIN ${s} (written by npm run bench) -->`;
const end = (s: SectionName): string => `<!-- END ${s} -->`;

const INTRO = `# Benchmarks

fahras next to the JavaScript search libraries people use, on the same Arabic news articles, in
the same run, each library in its own Node process (\`node --expose-gc\`). Produced by
\`npm run bench\` (bench/run.ts); the raw figures of each run go to bench/results/ (not committed).
Every benchmark checks its own output (documents indexed, queries known to match returning
results) and fails loudly otherwise.

How to run:

\`\`\`sh
npm run bench                                   # everything: 1,000 / 5,000 / 20,000 / 40,149 articles
npm run bench:relevance                         # MRR@10 and Recall@10 only
npm run bench -- --sizes 1000,5000 --libs fahras,flexsearch --concern indexing,query
npm run bench -- --from bench/results/latest.json   # re-render an earlier run's tables
\`\`\`

Concerns: \`indexing\`, \`memory\`, \`export\`, \`query\`, \`relevance\`, \`analysis\`. Libraries and
their configuration: bench/libs.ts (one entry per library variant).

A full run takes about 15 minutes on 2 quiet cores (22 when other processes share them), a third
of it Orama (indexing 40,149 articles, and relevance queries in which a stray haraka makes it
expand one-letter prefixes).

**Data.** ANT Corpus v2.1 and v1.1 (40,149 Arabic news articles from Al Arabiya, BBC Arabic,
CNN Arabic, France 24 Arabic, Sky News Arabia and Jawhara FM), which is not part of this
repository. Citation required by its licence: A. Chouigui, O. Ben Khiroun, B. Elayeb. "ANT
Corpus: An Arabic News Text Collection for Textual Classification". AICCSA 2017, pp. 135-142;
and A. Chouigui, O. Ben Khiroun, B. Elayeb. "An Arabic Multi-source News Corpus: Experimenting on
Single-document Extractive Summarization". Arabian Journal for Science and Engineering 46(8),
2021, doi:10.1007/s13369-020-05258-z. Project page: https://antcorpus.github.io. Without the
corpus the bench runs on the demo sample and says so; such figures are not comparable.
`;

/** Replace the given sections of BENCHMARKS.md (creating the file if needed). */
export function updateBenchmarksMd(sections: Partial<Record<SectionName, string>>): void {
  let text = existsSync(benchmarksMdPath) ? readFileSync(benchmarksMdPath, 'utf8') : INTRO;
  for (const s of SECTIONS) {
    if (!text.includes(begin(s))) text = `${text.trimEnd()}\n\n${begin(s)}\n_Not measured yet._\n${end(s)}\n`;
  }
  for (const s of SECTIONS) {
    const body = sections[s];
    if (body === undefined) continue;
    const from = text.indexOf(begin(s)) + begin(s).length;
    const to = text.indexOf(end(s));
    text = `${text.slice(0, from)}\n${body.trim()}\n${text.slice(to)}`;
  }
  writeFileSync(benchmarksMdPath, text);
}
