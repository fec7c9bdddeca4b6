/**
 * `index.export()`: the index as bytes. Layout (after the 20-byte header of `format.ts`; `v` is a
 * LEB128 varint, `str` a string of `bytes.ts`):
 *
 * 1. **metadata**: `str` of JSON: the index options (id field, fields with boost, b and analyzer
 *    number, stored fields, k1, exactBoost, vacuumThreshold), every analysis configuration
 *    (`Analyzer.config`), and the counts `documents`, `terms`, `stems`.
 * 2. **terms**: `terms` × `str`, in saved order: the stems by decreasing number of tokens (so
 *    frequent stems get one-byte numbers), then the terms that are only exact forms.
 * 3. **exact forms per stem**: for each of the `stems` stems, `v(n)` then n × `v(e)`: `0` means
 *    the next exact-only term (they are numbered in order of first appearance here), else `e - 1`
 *    is a term number. The list is ordered by frequency, so most tokens use entry 0.
 * 4. **documents**, in insertion order (removed documents are left out):
 *    - id: `v(0) str` or `v(1) float64`;
 *    - stored fields: `v(count)`, then per field `v(index in store)` and a value of `stored.ts`;
 *    - per indexed field: `v(tokens)`, then per token in position order
 *      `v(stem · 4 + gapFlag · 2 + formFlag)`, then `v(gap)` when gapFlag (the position minus the
 *      previous token's, starting from -1; absent means 1), then `v(i - 1)` when formFlag (the
 *      token's exact form is entry i of its stem's list; absent means entry 0).
 *
 * Saving drops what only served the index in memory (removed documents, terms only they used,
 * cached surface forms) and renumbers documents and terms; results and scores stay the same.
 * @module
 */
import { FahrasError } from '../errors.js';
import { ByteWriter } from './bytes.js';
import { crc32Final, crc32Update, CRC32_INIT } from './crc32.js';
import { HEADER_BYTES, writeHeader } from './format.js';
import type { IndexInternals } from '../engine.js';
import { viewOf } from './internals.js';
import { buildVocabulary, invertPostings } from './invert.js';
import { metadataOf } from './metadata.js';
import { writeValue } from './stored.js';

/** Most terms a saved index can number (token codes are `stem · 4 + flags` in 32 bits). */
const MAX_TERMS = 2 ** 30;

/** Save the index behind `internals` (see the module doc for the layout). */
export function writeIndex(internals: IndexInternals): Uint8Array {
  const x = viewOf(internals);
  const tokens = invertPostings(x);
  const vocab = buildVocabulary(tokens, x.terms);
  const { order, stems: S, savedId, variantStart, variants, forms } = vocab;
  if (order.length >= MAX_TERMS) throw new FahrasError('INVALID_INPUT', `Cannot export an index of ${order.length} terms (at most ${MAX_TERMS - 1})`);
  const { live, offsets, stems, positions, fieldCount: F } = tokens;
  const D = live.length;
  const w = new ByteWriter();
  for (let i = 0; i < HEADER_BYTES; i++) w.byte(0);

  const meta = metadataOf(x, { documents: D, terms: order.length, stems: S });
  w.string(JSON.stringify(meta));
  for (let t = 0; t < order.length; t++) w.string(x.terms.term(order[t]!));
  let nextNew = S;
  for (let s = 0; s < S; s++) {
    const from = variantStart[s]!;
    const to = variantStart[s + 1]!;
    w.varint(to - from);
    for (let j = from; j < to; j++) {
      const e = variants[j]!;
      if (e === nextNew) {
        w.varint(0);
        nextNew++;
      } else {
        w.varint(e + 1);
      }
    }
  }

  const store = x.options.store;
  for (let i = 0; i < D; i++) {
    const d = live[i]!;
    const id = x.docs.externalId(d);
    if (typeof id === 'string') {
      w.varint(0);
      w.string(id);
    } else {
      w.varint(1);
      w.float64(id);
    }
    const stored = x.docs.storedFields(d) ?? {};
    let present = 0;
    for (const name of store) if (stored[name] !== undefined) present++;
    w.varint(present);
    for (let j = 0; j < store.length; j++) {
      const value = stored[store[j]!];
      if (value === undefined) continue;
      w.varint(j);
      writeValue(w, value, { id, field: store[j]! });
    }
    for (let f = 0; f < F; f++) {
      const a = offsets[i * F + f]!;
      const b = offsets[i * F + f + 1]!;
      w.varint(b - a);
      let previous = -1;
      for (let k = a; k < b; k++) {
        const stem = stems[k]!;
        const gap = positions[k]! - previous;
        previous = positions[k]!;
        const form = forms[k]!;
        w.varint(savedId[stem]! * 4 + (gap !== 1 ? 2 : 0) + (form !== 0 ? 1 : 0));
        if (gap !== 1) w.varint(gap);
        if (form !== 0) w.varint(form - 1);
      }
    }
  }

  const out = w.finish().slice();
  const payload = out.subarray(HEADER_BYTES);
  writeHeader(out, payload, crc32Final(crc32Update(CRC32_INIT, out, HEADER_BYTES, out.length)));
  return out;
}
