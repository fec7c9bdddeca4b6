/**
 * FlexSearch 0.8 as a peer: a `Document` over title, category and body.
 *
 * - `flexsearch`: the library's defaults (encoder "Default": NFKD + strip U+0300–U+036F +
 *   lower-case, split on anything that is not a letter or digit, letter de-duplication).
 * - `flexsearch-arabic`: the same, with the plain Arabic normalizer as the encoder's
 *   `normalize` function (FlexSearch applies it to the whole text before splitting, see its
 *   encoder.js pipeline), everything else default.
 *
 * Search uses `merge: true` (one list of ids, fields in descriptor order: FlexSearch has no
 * score-merged multi-field ranking) and `suggest: true` (without it a multi-word query returns
 * nothing unless every word matches, unlike the OR default of the other engines). FlexSearch
 * has no query-time prefix or edit-distance fuzzy search (prefixes need `tokenize: "forward"`
 * at index time), so those are "n/a".
 * @module
 */
import FlexSearch from 'flexsearch';
import type { DocumentOptions, EncoderOptions } from 'flexsearch';
import type { CorpusArticle } from '../../tools/corpus.js';
import { arabicNormalize } from './arabic-normalizer.js';
import type { Peer, PeerSearchOptions } from './types.js';

type Doc = { id: string; title: string; category: string; body: string };

/** Options of {@link createFlexSearch}. */
export interface FlexSearchPeerOptions {
  /** Encoder options for every field; default: FlexSearch's own default encoder. */
  encoder?: EncoderOptions;
}

/** The `flexsearch-arabic` encoder: FlexSearch's defaults with the plain Arabic normalizer. */
export const arabicNormalizerEncoder: EncoderOptions = { normalize: arabicNormalize };

/** Create a FlexSearch peer. */
export function createFlexSearch(options: FlexSearchPeerOptions = {}): Peer {
  const encoder = options.encoder;
  const config = (): DocumentOptions<Doc> => ({
    document: { id: 'id', index: ['title', 'category', 'body'] },
    ...(encoder ? { encoder } : {}),
  });
  let index = new FlexSearch.Document<Doc>(config());

  return {
    features: { prefix: false, fuzzy: false, export: true, search: true },
    build(docs) {
      index = new FlexSearch.Document<Doc>(config());
      for (const d of docs) index.add(d as Doc);
    },
    count(docs: readonly CorpusArticle[]) {
      let n = 0;
      for (const d of docs) if (index.contain(d.id)) n++;
      return n;
    },
    search(query: string, o: PeerSearchOptions) {
      const res = index.search(query, { limit: o.limit, merge: true, suggest: true });
      const out: string[] = [];
      for (const r of res) {
        if (out.length >= o.limit) break;
        out.push(String(r.id));
      }
      return out;
    },
    async exportBytes() {
      const parts: [string, string][] = [];
      await index.export((key: string, data: string) => {
        parts.push([key, data]);
      });
      return new TextEncoder().encode(JSON.stringify(parts));
    },
    load(bytes: Uint8Array) {
      const parts = JSON.parse(new TextDecoder().decode(bytes)) as [string, string][];
      index = new FlexSearch.Document<Doc>(config());
      for (const [key, data] of parts) index.import(key, data);
    },
  };
}
