/**
 * fahras analysis for FlexSearch 0.8: an `Encoder` configuration.
 *
 * ```ts
 * import { Index, Document, Encoder } from 'flexsearch';
 * import { fahrasEncoder } from 'fahras/flexsearch';
 *
 * const index = new Index({ encoder: new Encoder(fahrasEncoder()) });
 * index.add(1, 'أعلنَ الوزيرُ عن المدرسة الجديدة');
 * index.search('اعلن');    // [1]
 * index.search('مدرسه');   // [1]
 *
 * const docs = new Document({ document: { id: 'id', index: ['title', 'body'] },
 *   encoder: new Encoder(fahrasEncoder()) });
 * ```
 *
 * FlexSearch encodes a whole string per call (`Encoder#encode(text)`), on the index side
 * (`add`, `append`, `update`) and on the query side (`search`) alike, and runs its steps in
 * order: `normalize` (string) → `prepare` → numeric split → `split` → `filter` → `stemmer` →
 * `mapper` → `matcher` → `replacer` → `finalize`. The configuration puts the whole fahras chain
 * (normalize, tokenize, stopwords, light stem) in `normalize`, which hands back the terms
 * joined by spaces, and turns off the steps that would alter them: letter deduplication (it
 * would fold `مملكة` into `ملكة`), numeric triplets; `split` is a plain space. So FlexSearch's
 * terms are exactly the terms fahras indexes, in text order.
 *
 * Only types are imported from `flexsearch`: the adapter works with the application's own copy
 * (peer dependency `flexsearch` ^0.8). Not for FlexSearch workers: a function-valued encoder
 * cannot be cloned into a worker.
 * @module fahras/flexsearch
 */
import type { EncoderOptions } from 'flexsearch';
import { createAnalyzer } from '../analysis/analyzer.js';
import type { AnalyzerOptions } from '../analysis/analyzer.js';
import { termCollector } from './terms.js';

/** Separator of the terms inside the string `normalize` hands on: terms never contain it. */
const TERM_SEPARATOR = ' ';

/**
 * Encoder options that make FlexSearch analyze text the fahras way (orthographic folding,
 * clitic stripping, stopwords, light stemming), on the index and query sides alike.
 *
 * Use as `new Encoder(fahrasEncoder(options))`, or pass the object itself as an index's
 * `encoder` option (FlexSearch builds the `Encoder`). Further option objects given to
 * `new Encoder(fahrasEncoder(), more)` see fahras terms: a `filter` set or `stemmer` map there
 * must hold stems (`كتاب`, not `الكتاب`). Keep FlexSearch's `rtl` off: JavaScript strings hold
 * Arabic in logical order, so the `forward` tokenizer already matches word beginnings.
 *
 * @param options - the analyzer options (the same as {@link createAnalyzer}'s); default: the
 *   default fahras chain.
 * @returns a fresh options object on each call; its functions share one analyzer.
 */
export function fahrasEncoder(options: AnalyzerOptions = {}): EncoderOptions {
  const terms = termCollector(createAnalyzer(options), false);
  return {
    normalize: (text: string) => terms(text).join(TERM_SEPARATOR),
    split: TERM_SEPARATOR,
    numeric: false,
    dedupe: false,
  };
}
