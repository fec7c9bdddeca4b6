/**
 * Relevance: MRR@10 and Recall@10 of every library on bench/relevance/queries.json (see
 * relevance/generate.ts) and on the typing set bench/relevance/queries-typing.json (typing habits
 * the first set does not have, see relevance/generate-typing.ts), over the whole corpus, plus a
 * breakdown by rewrite (perturbation) and by where the words came from. The worker runs the queries ({@link runRelevance}); the runner
 * summarizes and prints ({@link summarizeRelevance}).
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Checks } from './checks.js';
import type { DocSet } from './dataset.js';
import type { Peer } from './peers/types.js';
import type { RelevanceQuery, RelevanceSet } from './relevance/types.js';

/** Depth of the metrics. */
export const CUTOFF = 10;

/** Path of the committed relevance set. */
export const relevanceSetPath = join(dirname(fileURLToPath(import.meta.url)), 'relevance', 'queries.json');

/** Path of the committed typing set. */
export const typingSetPath = join(dirname(fileURLToPath(import.meta.url)), 'relevance', 'queries-typing.json');

/** Load the committed relevance set. */
export function loadRelevanceSet(): RelevanceSet {
  return JSON.parse(readFileSync(relevanceSetPath, 'utf8')) as RelevanceSet;
}

/** Load the committed typing set (queries-typing.json). */
export function loadTypingSet(): RelevanceSet {
  return JSON.parse(readFileSync(typingSetPath, 'utf8')) as RelevanceSet;
}

/** One query's outcome. */
export interface QueryOutcome {
  id: string;
  /** 1-based rank of the first relevant id in the top {@link CUTOFF}; 0 when none. */
  rank: number;
  /** Relevant ids in the top {@link CUTOFF} / relevant ids. */
  recall: number;
  /** Ids returned (at most {@link CUTOFF}). */
  returned: number;
}

/** What a worker reports for relevance. */
export interface RelevanceRun {
  outcomes: QueryOutcome[];
  /** Queries left out because a relevant id is not in the document set (demo sample). */
  skipped: number;
  /** The same for the typing set (queries-typing.json), run along with the main set. */
  typing?: RelevanceRun;
}

/**
 * Run every query of `relevanceSet` whose relevant ids are all in `set`, and, as `typing`, every
 * such query of the typing set (queries-typing.json).
 */
export function runRelevance(peer: Peer, set: DocSet, relevanceSet: RelevanceSet, checks: Checks): RelevanceRun {
  return { ...runSet(peer, set, relevanceSet, checks, ''), typing: runSet(peer, set, loadTypingSet(), checks, 'typing set: ') };
}

/** Run one set's queries; `label` prefixes the checks' names. */
function runSet(peer: Peer, set: DocSet, relevanceSet: RelevanceSet, checks: Checks, label: string): RelevanceRun {
  const present = new Set(set.docs.map((d) => d.id));
  const outcomes: QueryOutcome[] = [];
  let skipped = 0;
  for (const q of relevanceSet.queries) {
    if (!q.relevant.every((id) => present.has(id))) {
      skipped++;
      continue;
    }
    const ids = peer.search(q.query, { limit: CUTOFF }).slice(0, CUTOFF);
    const relevant = new Set(q.relevant);
    const firstHit = ids.findIndex((id) => relevant.has(id));
    const found = ids.filter((id) => relevant.has(id)).length;
    outcomes.push({ id: q.id, rank: firstHit + 1, recall: found / relevant.size, returned: ids.length });
  }
  checks.expect(`${label}relevance queries evaluated`, outcomes.length > 0, `${outcomes.length} evaluated, ${skipped} skipped (relevant ids not in the document set)`);
  const byId = new Map(relevanceSet.queries.map((q) => [q.id, q]));
  const controls = outcomes.filter((o) => byId.get(o.id)?.perturbations.length === 0);
  const answered = controls.filter((o) => o.returned > 0).length;
  checks.expect(`${label}untouched queries (words as in the article) return results`, answered >= 0.9 * controls.length, `${answered} of ${controls.length}`);
  return { outcomes, skipped };
}

/** MRR@10, Recall@10 and how many queries, for one group of queries. */
export interface RelevanceFigures {
  n: number;
  mrr: number;
  recall: number;
  /** Share of queries with no result at all. */
  empty: number;
}

function figures(outcomes: readonly QueryOutcome[]): RelevanceFigures {
  const n = outcomes.length;
  if (n === 0) return { n, mrr: Number.NaN, recall: Number.NaN, empty: Number.NaN };
  let mrr = 0;
  let recall = 0;
  let empty = 0;
  for (const o of outcomes) {
    mrr += o.rank > 0 ? 1 / o.rank : 0;
    recall += o.recall;
    if (o.returned === 0) empty++;
  }
  return { n, mrr: mrr / n, recall: recall / n, empty: empty / n };
}

/** Figures per group: "known-item", "topical", "all", "from title", "from body", "none", each rewrite. */
export function summarizeRelevance(run: RelevanceRun, relevanceSet: RelevanceSet): Record<string, RelevanceFigures> {
  const byId = new Map<string, RelevanceQuery>(relevanceSet.queries.map((q) => [q.id, q]));
  const groups = new Map<string, QueryOutcome[]>();
  const add = (g: string, o: QueryOutcome): void => {
    const list = groups.get(g);
    if (list) list.push(o);
    else groups.set(g, [o]);
  };
  for (const o of run.outcomes) {
    const q = byId.get(o.id);
    if (!q) continue;
    add('all', o);
    add(q.kind, o);
    if (q.kind === 'known-item') {
      add(`from ${q.from}`, o);
      if (q.perturbations.length === 0) add('none', o);
      for (const p of q.perturbations) add(p, o);
    }
  }
  const out: Record<string, RelevanceFigures> = {};
  for (const [g, list] of groups) out[g] = figures(list);
  return out;
}
