/**
 * The loader's bulk path (src/serialize/bulk.ts) and the index additions it writes through: a
 * loaded index holds, term by term and channel by channel, exactly the postings of the original;
 * and each bulk primitive (SlicePool.writeBytes, Postings.fillTerm, TermDictionary.internUnits,
 * DocumentTable.loadAll, ByteReader.stringUnits, the CRC-32) agrees with the one-at-a-time code
 * it stands in for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex, FahrasError, loadIndex } from '../../src/index.js';
import type { IndexInternals } from '../../src/engine.js';
import { DocumentTable } from '../../src/index/documents.js';
import { ByteBuffer, SlicePool } from '../../src/index/pool.js';
import { Channel, PostingCursor, Postings } from '../../src/index/postings.js';
import { TermDictionary } from '../../src/index/terms.js';
import { ByteReader, ByteWriter } from '../../src/serialize/bytes.js';
import { crc32, crc32Final, crc32Update, CRC32_INIT } from '../../src/serialize/crc32.js';
import { modelConfig, modelDoc, modelIndex } from '../robustness/arbitraries.js';
import type { ModelIndex } from '../robustness/arbitraries.js';

/** Every posting of every live document, by term string and channel, with external ids. */
function postingsOf(x: IndexInternals): Map<string, string> {
  const F = x.docs.fieldCount;
  const cursor = new PostingCursor(F);
  const positions = new Int32Array(1024);
  const out = new Map<string, string>();
  for (let t = 0; t < x.terms.size; t++) {
    for (const c of [Channel.Stem, Channel.Exact]) {
      const rows: string[] = [];
      cursor.reset(x.postings, t, c, c === Channel.Stem);
      while (cursor.next()) {
        if (x.docs.isRemoved(cursor.doc)) continue;
        const fields: string[] = [];
        for (let f = 0; f < F; f++) {
          const n = cursor.positions(f, positions);
          fields.push(`${cursor.tf[f]}:${Array.from(positions.subarray(0, n)).join(',')}`);
        }
        rows.push(`${JSON.stringify(x.docs.externalId(cursor.doc))} ${fields.join(' ')}`);
      }
      if (rows.length > 0) out.set(`${c} ${x.terms.term(t)}`, rows.join('\n'));
    }
  }
  return out;
}

const internalsOf = (index: ModelIndex): IndexInternals => (index as unknown as { internals: IndexInternals }).internals;

describe('the bulk loader', () => {
  it('rebuilds every term’s postings (documents, frequencies, positions) in both channels, and the field lengths', () => {
    fc.assert(
      fc.property(modelConfig, fc.array(modelDoc, { maxLength: 25 }), fc.array(fc.nat(30), { maxLength: 5 }), (config, docs, removals) => {
        const original = modelIndex(config);
        for (const doc of docs) if (!original.has(doc.id)) original.add(doc);
        for (const r of removals) if (docs.length > 0 && original.has(docs[r % docs.length]!.id)) original.remove(docs[r % docs.length]!.id);
        const bytes = original.export();
        const loaded = loadIndex(bytes, { fields: config.bodyStem ? {} : { body: { analyzer: { stem: false, cacheSize: config.cacheSize } } } }) as unknown as ModelIndex;
        const a = internalsOf(original);
        const b = internalsOf(loaded);
        expect(postingsOf(b)).toEqual(postingsOf(a));
        for (let d = 0; d < b.docs.capacity; d++) {
          const at = a.docs.internalId(b.docs.externalId(d));
          for (let f = 0; f < b.docs.fieldCount; f++) expect(b.docs.fieldLength(d, f)).toBe(a.docs.fieldLength(at, f));
        }
        for (let f = 0; f < b.docs.fieldCount; f++) expect(b.docs.totalFieldLength(f)).toBe(a.docs.totalFieldLength(f));
        // Saving the loaded index gives the same bytes: nothing was lost or reordered.
        expect(loaded.export()).toEqual(bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('saves a loaded index to the same bytes when one stem has several exact forms in a field (numbered anew on load)', () => {
    // Found by the property above (seed -5980831): the original numbers انتخابات before انتخابي,
    // the loaded copy the other way round (by frequency); pairing them with the stem's tokens in
    // term-id order then coded the tokens differently.
    for (const doc of [{ id: 'a', title: ['الانتخابات انتخابي', 'انتخابي'] }, { id: 'b', body: 'الانتخابات انتخابي انتخابي' }]) {
      const index = createIndex<{ id: string; title?: string[]; body?: string }>({ id: 'id', fields: { title: {}, body: {} } });
      index.add(doc);
      const bytes = index.export();
      expect(loadIndex(bytes).export()).toEqual(bytes);
    }
  });

  it('loads a stem whose exact forms are shared with other stems, per field', () => {
    // Title stemmed, body not: the exact form كتابات is listed under the stems كتاب (title) and
    // كتابات (body), and كتاب has two exact forms.
    const index = createIndex<{ id: string; title: string; body: string }>({ id: 'id', fields: { title: {}, body: { analyzer: { stem: false } } } });
    index.addAll([
      { id: 'a', title: 'الكتابات والكتاب', body: 'كتابات كتاب' },
      { id: 'b', title: 'كتاب', body: 'كتاب كتابات كتابات' },
      { id: 'c', title: 'مدرسة', body: 'كتاب' },
    ]);
    const loaded = loadIndex(index.export(), { fields: { body: { analyzer: { stem: false } } } });
    const x = (i: unknown): IndexInternals => (i as { internals: IndexInternals }).internals;
    expect(postingsOf(x(loaded))).toEqual(postingsOf(x(index)));
    for (const q of ['الكتاب', 'كتابات', 'body:كتابات']) expect(loaded.search(q).map((h) => [h.id, h.score])).toEqual(index.search(q).map((h) => [h.id, h.score]));
  });
});

describe('bulk primitives', () => {
  it('SlicePool.writeBytes lays out the same slices and bytes as writeByte, across interleaved streams', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.uint8Array({ maxLength: 700 })), { maxLength: 40 }), (writes) => {
        const one = new SlicePool();
        const bulk = new SlicePool();
        const ends: [number, number, number, number][] = [];
        for (let s = 0; s < 4; s++) {
          const a = one.newSlice();
          const b = bulk.newSlice();
          ends.push([a, a, b, b]);
        }
        for (const [s, bytes] of writes) {
          const e = ends[s]!;
          for (const byte of bytes) e[1] = one.writeByte(e[1], byte);
          e[3] = bulk.writeBytes(e[3], bytes, 0, bytes.length);
        }
        expect(bulk.pages.length).toBe(one.pages.length);
        one.pages.forEach((page, i) => expect(Buffer.compare(bulk.pages[i]!, page)).toBe(0));
        for (const [a, ua, b, ub] of ends) {
          expect(ub).toBe(ua);
          const x = new ByteBuffer();
          const y = new ByteBuffer();
          one.gather(a, ua, x);
          bulk.gather(b, ub, y);
          expect(y.bytes.subarray(0, y.length)).toEqual(x.bytes.subarray(0, x.length));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('Postings.fillTerm gives what loadTerm gives, accepts appends after it, and refuses a second fill', () => {
    const docs = Uint8Array.of(1, 3, 2, 1, 2, 1, 1);
    const positions = Uint8Array.of(0, 4, 1, 2, 2);
    const a = new Postings(2);
    const b = new Postings(2);
    a.loadTerm(5, Channel.Stem, docs, positions, 4, 2);
    b.reserveTerms(6);
    const scratch = new Uint8Array(64);
    scratch.set(docs);
    const pscratch = new Uint8Array(64);
    pscratch.set(positions);
    b.fillTerm(5, Channel.Stem, scratch, docs.length, pscratch, positions.length, 4, 2);
    b.fillTerm(5, Channel.Exact, scratch, docs.length, pscratch, 0, 4, 2);
    a.loadTerm(5, Channel.Exact, docs, undefined, 4, 2);
    for (const c of [Channel.Stem, Channel.Exact]) {
      for (const withPositions of [false, true]) {
        const x = new ByteBuffer();
        const y = new ByteBuffer();
        a.gather(5, c, withPositions, x);
        b.gather(5, c, withPositions, y);
        expect(y.bytes.subarray(0, y.length)).toEqual(x.bytes.subarray(0, x.length));
      }
      expect(b.docFrequency(5, c)).toBe(2);
      expect(b.lastDoc(5, c)).toBe(4);
    }
    expect(() => b.fillTerm(5, Channel.Exact, scratch, 1, pscratch, 0, 4, 2)).toThrow(FahrasError);
  });

  it('TermDictionary.internUnits numbers terms as intern does and finds them again, reserved or not', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 200 }), fc.boolean(), (words, reserve) => {
        const a = new TermDictionary();
        const b = new TermDictionary();
        if (reserve) b.reserve(words.length, words.reduce((n, w) => n + w.length, 0));
        const units = new Uint16Array(64);
        for (const w of words) {
          for (let i = 0; i < w.length; i++) units[i] = w.charCodeAt(i);
          expect(b.internUnits(units, w.length)).toBe(a.intern(w));
        }
        expect(b.size).toBe(a.size);
        for (let t = 0; t < a.size; t++) {
          expect(b.term(t)).toBe(a.term(t));
          expect(b.lookup(a.term(t))).toBe(t);
        }
      }),
    );
  });

  it('DocumentTable.loadAll matches one add per document, and reports the first repeated id', () => {
    const ids = ['a', 1, 'b', '1'];
    const lengths = Uint32Array.of(1, 2, 0, 5, 3, 3, 7, 0);
    const one = new DocumentTable(2);
    ids.forEach((id, d) => one.add(id, { n: d }, lengths.subarray(d * 2, d * 2 + 2)));
    const bulk = new DocumentTable(2);
    expect(bulk.loadAll(ids.slice(), ids.map((_, d) => ({ n: d })), lengths.slice())).toBe(-1);
    for (const t of [one, bulk]) t.remove(1);
    expect(bulk.docCount).toBe(one.docCount);
    expect(bulk.nextId).toBe(one.nextId);
    for (let f = 0; f < 2; f++) expect(bulk.averageFieldLength(f)).toBe(one.averageFieldLength(f));
    for (let d = 0; d < 4; d++) {
      expect(bulk.externalId(d)).toBe(one.externalId(d));
      expect(bulk.storedFields(d)).toEqual(one.storedFields(d));
      expect(bulk.fieldLength(d, 1)).toBe(one.fieldLength(d, 1));
    }
    expect(bulk.add('c', undefined, [1, 1])).toBe(one.add('c', undefined, [1, 1]));
    expect(new DocumentTable(1).loadAll(['x', 'y', -0, 0], [], new Uint32Array(4))).toBe(3);
    expect(() => bulk.loadAll([], [], new Uint32Array(0))).toThrow(FahrasError);
  });

  it('ByteReader.string and stringUnits decode as TextDecoder does (UTF-8) and fail where it fails', () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    /** The reference: `payload` is one string, varint head below 128 then the bytes. */
    const reference = (payload: Uint8Array): string | undefined => {
      const body = payload.subarray(1);
      if (payload[0]! % 2 === 1) {
        if (body.length % 2 !== 0) return undefined;
        let s = '';
        for (let i = 0; i < body.length; i += 2) s += String.fromCharCode(body[i]! | (body[i + 1]! << 8));
        return s;
      }
      try {
        return utf8.decode(body);
      } catch {
        return undefined;
      }
    };
    const check = (payload: Uint8Array): void => {
      const expected = reference(payload);
      if (expected === undefined) {
        expect(() => new ByteReader(payload, 0).string()).toThrow(FahrasError);
        expect(() => new ByteReader(payload, 0).stringUnits()).toThrow(FahrasError);
        return;
      }
      const a = new ByteReader(payload, 0);
      expect(a.string()).toBe(expected);
      expect(a.pos).toBe(payload.length);
      const r = new ByteReader(payload, 0);
      const n = r.stringUnits();
      expect(String.fromCharCode(...r.units.subarray(0, n))).toBe(expected);
      expect(r.pos).toBe(payload.length);
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const w = new ByteWriter();
        w.string(s);
        const bytes = w.finish().slice();
        if (bytes[0]! < 0x80) check(bytes);
        expect(new ByteReader(bytes, 0).string()).toBe(s);
      }),
    );
    // Raw bytes as a UTF-8 string: overlong forms, surrogates, truncated sequences, a BOM.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        check(Uint8Array.from([bytes.length * 2, ...bytes]));
        check(Uint8Array.from([bytes.length * 2 + 1, ...bytes]));
      }),
      { numRuns: 2000 },
    );
    for (const bytes of [[0xef, 0xbb, 0xbf, 0x41], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xd8, 0xa7]]) {
      check(Uint8Array.from([bytes.length * 2, ...bytes]));
    }
    // Strings of any length, short (decoded by the reader) and long (by TextDecoder).
    for (const s of ['', 'كتاب', 'وزير '.repeat(40), 'a'.repeat(256), 'b'.repeat(257), '😀'.repeat(70), 'x\uD800y'.repeat(50)]) {
      const w = new ByteWriter();
      w.string(s);
      expect(new ByteReader(w.finish().slice(), 0).string()).toBe(s);
    }
  });

  it('the CRC-32 is the standard one, in any slicing', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bitwise = (bytes: Uint8Array): number => {
      let c = 0xffffffff;
      for (const b of bytes) {
        c ^= b;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(100), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(crc32(bytes)).toBe(bitwise(bytes));
        expect(crc32Final(crc32Update(crc32Update(CRC32_INIT, bytes, 0, at), bytes, at, bytes.length))).toBe(bitwise(bytes));
      }),
    );
  });
});
