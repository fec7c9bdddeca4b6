/**
 * Compiled queries kept for one generation of an index: a query searched again with the same
 * options reuses its plan, since a plan depends only on the query text, the options and the index
 * state (which the generation stands for). Autocomplete, paging and repeated searches skip parsing,
 * analysis and the word lookups.
 *
 * ```ts
 * const prepared = new PreparedQueries();
 * const { plan, highlight } = prepared.compile(query, context, options, generation);
 * ```
 * @module
 */
import { GenerationCache } from './cache.js';
import { compileQuery } from './compile.js';
import type { CompiledQuery, CompileOptions, QueryContext } from './compile.js';

/** Default number of compiled queries an index keeps. */
export const DEFAULT_PREPARED_QUERIES = 256;

/** Every option as text (functions and typed arrays left out: filters and weights do not change plans). */
function optionsKey(options: CompileOptions): string {
  return JSON.stringify(options, (_key, value: unknown) => (typeof value === 'function' || ArrayBuffer.isView(value) ? undefined : value));
}

/** An index's recent compiled queries. */
export class PreparedQueries {
  private readonly cache: GenerationCache<CompiledQuery>;

  /** @param capacity - most compiled queries kept, an integer ≥ 1 (default {@link DEFAULT_PREPARED_QUERIES}) */
  constructor(capacity = DEFAULT_PREPARED_QUERIES) {
    this.cache = new GenerationCache<CompiledQuery>(capacity);
  }

  /**
   * {@link compileQuery}, or the plan compiled before for the same text and options under the same
   * `generation` of the index. The plan and highlight terms are shared: never modify them.
   */
  compile(query: string, context: QueryContext, options: CompileOptions, generation: number): CompiledQuery {
    const key = `${optionsKey(options)}\u0000${query}`;
    let compiled = this.cache.get(key, generation);
    if (compiled === undefined) {
      compiled = compileQuery(query, context, options);
      this.cache.set(key, compiled, generation);
    }
    return compiled;
  }
}
