/**
 * One library, one document set, in its own process (the runner starts it as
 * `node --expose-gc --import tsx bench/worker.ts --lib <name> --size <n> --concerns <list>
 * [--main] [--repeats n]`; `--main` marks the size the main table reports, with 200 queries of
 * each kind instead of 100).
 * Prints progress to stderr and exactly one result line, `@@bench-result <json>`, to stdout.
 * Exit code 0: measured and all checks passed; 1: a check failed or the library threw;
 * 3: the library is not available (e.g. fahras before its engine exists).
 * @module
 */
import { parseArgs } from 'node:util';
import { Checks } from './checks.js';
import { loadDocs } from './dataset.js';
import { runExport } from './export.js';
import { defaultRepeats, runIndexing } from './indexing.js';
import { QUERIES_PER_KIND, SCALING_QUERIES_PER_KIND, latencyQueries } from './latency-queries.js';
import { libSpec } from './libs.js';
import { PeerUnavailable } from './peers/types.js';
import { runQueries } from './query.js';
import { loadRelevanceSet, runRelevance } from './relevance.js';
import { RESULT_MARKER } from './protocol.js';
import type { WorkerResult } from './protocol.js';

function log(msg: string): void {
  process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { lib: { type: 'string' }, size: { type: 'string' }, concerns: { type: 'string' }, repeats: { type: 'string' }, main: { type: 'boolean' } },
  });
  const lib = values.lib ?? '';
  const size = Number(values.size);
  const concerns = new Set((values.concerns ?? 'indexing').split(','));
  const spec = libSpec(lib);
  const set = loadDocs(size);
  const result: WorkerResult = { lib, size, source: set.source, docs: set.docs.length, bytes: set.bytes, status: 'ok', checks: [] };
  const checks = new Checks();
  const emit = (): void => {
    result.checks = checks.results;
    process.stdout.write(RESULT_MARKER + JSON.stringify(result) + '\n');
  };
  try {
    const peer = await spec.create();
    if (concerns.has('indexing') || concerns.has('memory') || concerns.has('query') || concerns.has('export')) {
      const repeats = values.repeats ? Number(values.repeats) : defaultRepeats(set.docs.length);
      log(`${lib}: indexing ${set.docs.length} docs × ${repeats}`);
      result.indexing = await runIndexing(peer, set, repeats, checks);
      const queries = latencyQueries(set.docs, values.main === true ? QUERIES_PER_KIND : SCALING_QUERIES_PER_KIND);
      if (concerns.has('query')) {
        log(`${lib}: queries`);
        result.query = runQueries(peer, queries, checks, values.main === true ? 2 : 1);
      }
      if (concerns.has('export')) {
        log(`${lib}: export / load`);
        result.export = await runExport(peer, result.indexing.ms, queries.plain.slice(0, 50), checks);
      }
    }
    if (concerns.has('relevance')) {
      if (!result.indexing) {
        log(`${lib}: indexing ${set.docs.length} docs for relevance`);
        await peer.build(set.docs);
        const indexed = peer.count(set.docs);
        checks.expect('documents indexed == documents given', indexed === set.docs.length, `${indexed} of ${set.docs.length}`);
      }
      log(`${lib}: relevance queries`);
      result.relevance = runRelevance(peer, set, loadRelevanceSet(), checks);
    }
  } catch (e) {
    if (e instanceof PeerUnavailable) {
      result.status = 'unavailable';
      result.message = e.message;
      emit();
      return 3;
    }
    result.status = 'failed';
    result.message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    emit();
    return 1;
  }
  if (checks.failed.length > 0) {
    result.status = 'failed';
    result.message = checks.failed.map((c) => `${c.name}: ${c.detail}`).join('; ');
  }
  emit();
  return result.status === 'ok' ? 0 : 1;
}

process.exitCode = await main();
