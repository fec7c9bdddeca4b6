/**
 * Reads the ANT news corpus from ../shared/corpus (beside the repository) for tests and
 * benchmarks. The corpus is never part of the package; a user's clone does not have it, so
 * callers check {@link corpusAvailable} and skip (tests) or fall back to the demo sample (bench).
 *
 * Corpus: ANT Corpus v1.1 and v2.1 (Chouigui, Ben Khiroun, Elayeb; see ../shared/corpus/README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One ANT article as stored in the JSON Lines files. */
export interface CorpusArticle {
  id: string;
  title: string;
  category: string;
  body: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root. */
export const repoRoot = resolve(here, '..');
/** Where the shared corpus lives when present. */
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus');
/** The two corpus files, in the order their articles are read. */
export const corpusFiles = ['ant-v2.1-multisource.jsonl.gz', 'ant-v1.1-jawharafm.jsonl.gz'].map((f) => join(corpusDir, f));
/** The raw scraped seed article. */
export const rawArticlePath = join(corpusDir, 'raw', '000_e315c7bff97e348e.txt');
/** The demo sample that ships in the repository. */
export const samplePath = join(repoRoot, 'data', 'sample-articles.json');

/** Whether ../shared/corpus is present with both files. */
export function corpusAvailable(): boolean {
  return corpusFiles.every((f) => existsSync(f));
}

/** Reason string for skipped tests. */
export const corpusMissingReason = `ANT corpus not found at ${corpusDir} (it is beside the repo in CI, absent in a user's clone)`;

function pick(o: Record<string, unknown>): CorpusArticle {
  return { id: String(o.id), title: String(o.title ?? ''), category: String(o.category ?? ''), body: String(o.body ?? '') };
}

/**
 * Load up to `limit` articles (all 40,149 by default), v2.1 first then v1.1, in file order.
 * Synchronous: fine for tests and benchmarks (about 100 MB of text at most).
 */
export function loadCorpus(limit = Infinity): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const file of corpusFiles) {
    if (out.length >= limit) break;
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    let from = 0;
    while (from < text.length && out.length < limit) {
      let to = text.indexOf('\n', from);
      if (to === -1) to = text.length;
      const line = text.slice(from, to).trim();
      from = to + 1;
      if (line) out.push(pick(JSON.parse(line) as Record<string, unknown>));
    }
  }
  return out;
}

/** Stream the corpus article by article without holding it all in memory. */
export async function* streamCorpus(): AsyncGenerator<CorpusArticle> {
  for (const file of corpusFiles) {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) if (line.trim()) yield pick(JSON.parse(line) as Record<string, unknown>);
  }
}

/** Load the demo sample shipped in data/. */
export function loadSample(): CorpusArticle[] {
  return (JSON.parse(readFileSync(samplePath, 'utf8')) as Record<string, unknown>[]).map(pick);
}
