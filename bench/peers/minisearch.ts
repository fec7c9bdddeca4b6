/**
 * MiniSearch 7 as a peer: fields title, category, body with the article boosts (title 3,
 * category 2, body 1, the same preset fahras uses), its default tokenizer, and the plain Arabic
 * normalizer as `processTerm` (for documents and queries alike). Prefix: `prefix: true`; fuzzy:
 * `fuzzy: n` (an integer ≥ 1 is an absolute edit distance in MiniSearch). Export: its documented
 * `JSON.stringify(miniSearch)` and `MiniSearch.loadJSON`.
 * @module
 */
import MiniSearch from 'minisearch';
import type { Options, SearchOptions } from 'minisearch';
import type { CorpusArticle } from '../../tools/corpus.js';
import { arabicNormalize } from './arabic-normalizer.js';
import type { Peer, PeerSearchOptions } from './types.js';

/** Options of {@link createMiniSearch}: analysis overrides (e.g. an adapter's tokenize/processTerm). */
export type MiniSearchPeerOptions = Pick<Options<CorpusArticle>, 'tokenize' | 'processTerm'>;

/** Create the MiniSearch peer; default analysis: its tokenizer, the plain normalizer as processTerm. */
export function createMiniSearch(analysis: MiniSearchPeerOptions = { processTerm: (term) => arabicNormalize(term) }): Peer {
  const options: Options<CorpusArticle> = {
    idField: 'id',
    fields: ['title', 'category', 'body'],
    storeFields: [],
    ...analysis,
    searchOptions: { boost: { title: 3, category: 2 } },
  };
  let index = new MiniSearch<CorpusArticle>(options);
  return {
    features: { prefix: true, fuzzy: true, export: true, search: true },
    build(docs) {
      index = new MiniSearch<CorpusArticle>(options);
      index.addAll(docs as CorpusArticle[]);
    },
    count() {
      return index.documentCount;
    },
    search(query: string, o: PeerSearchOptions) {
      const so: SearchOptions = {};
      if (o.prefix) so.prefix = true;
      if (o.fuzzy) so.fuzzy = o.fuzzy;
      const res = index.search(query, so);
      const n = Math.min(o.limit, res.length);
      const out: string[] = new Array<string>(n);
      for (let i = 0; i < n; i++) out[i] = String(res[i]!.id);
      return out;
    },
    exportBytes() {
      return new TextEncoder().encode(JSON.stringify(index));
    },
    load(bytes: Uint8Array) {
      index = MiniSearch.loadJSON<CorpusArticle>(new TextDecoder().decode(bytes), options);
    },
  };
}
