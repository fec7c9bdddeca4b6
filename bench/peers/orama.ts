/**
 * Orama 3 as a peer, configured as its docs say for Arabic: `language` and `stemmer` from
 * `@orama/stemmers/arabic` in the tokenizer component, `stemming: true`; schema title, category,
 * body (strings) with the article boosts (title 3, category 2). No extra normalizer: the brief
 * asks for Orama as it ships for Arabic.
 *
 * Orama matches query words as PREFIXES by default (`exact: false`; its radix tree collects every
 * word below the query word), so "plain" and "prefix" queries are the same call. `exact: true`
 * is no alternative for Arabic: it post-filters with an ASCII `\b` regex that never matches
 * between Arabic letters. Fuzzy: `tolerance: n`. Export: `JSON.stringify(save(db))` / `load`.
 * @module
 */
import { count, create, insertMultiple, load, save, search } from '@orama/orama';
import type { DefaultTokenizerConfig, RawData, Tokenizer } from '@orama/orama';
import { language, stemmer } from '@orama/stemmers/arabic';
import type { CorpusArticle } from '../../tools/corpus.js';
import type { Peer, PeerSearchOptions } from './types.js';

const schema = { title: 'string', category: 'string', body: 'string' } as const;

/** Options of {@link createOrama}. */
export interface OramaPeerOptions {
  /** The tokenizer component; default: Arabic language and stemmer from @orama/stemmers. */
  tokenizer?: Tokenizer | DefaultTokenizerConfig;
}

/** Create the Orama peer. */
export function createOrama(options: OramaPeerOptions = {}): Peer {
  const tokenizer = options.tokenizer ?? { stemming: true, stemmer, language };
  const newDb = () => create({ schema, components: { tokenizer } });
  let db = newDb();
  return {
    features: { prefix: true, fuzzy: true, export: true, search: true },
    build(docs) {
      db = newDb();
      const ids = insertMultiple(db, docs as CorpusArticle[]);
      if (ids instanceof Promise) throw new Error('orama: insertMultiple went async; the bench expects the sync path');
    },
    count() {
      return count(db);
    },
    search(query: string, o: PeerSearchOptions) {
      const res = search(db, {
        term: query,
        limit: o.limit,
        boost: { title: 3, category: 2 },
        ...(o.fuzzy ? { tolerance: o.fuzzy } : {}),
      });
      if (res instanceof Promise) throw new Error('orama: search went async; the bench expects the sync path');
      return res.hits.map((h) => String(h.id));
    },
    exportBytes() {
      return new TextEncoder().encode(JSON.stringify(save(db)));
    },
    load(bytes: Uint8Array) {
      const raw = JSON.parse(new TextDecoder().decode(bytes)) as RawData;
      db = newDb();
      load(db, raw);
    },
  };
}
