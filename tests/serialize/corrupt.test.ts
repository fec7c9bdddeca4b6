/**
 * Bad input to the loaders: empty, foreign, truncated, bit-flipped, spliced, newer-version and
 * random bytes, and (past the checksum, as a checksum collision would get) structurally broken
 * payloads. Every case must end in a FahrasError with a specific code, never in another exception,
 * a hang or a half-loaded index.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createIndex, FahrasError, inspectIndex, loadIndex } from '../../src/index.js';
import type { FahrasErrorCode, SearchIndex } from '../../src/index.js';
import { HEADER_BYTES, MAGIC } from '../../src/serialize/format.js';
import { expectError } from '../robustness/helpers.js';
import { frame, payloadOf } from './helpers.js';

/** A small index with every kind of content: several fields and analyzers, stored values, a removal. */
function sample(): Uint8Array {
  const index = createIndex<Record<string, unknown>>({
    id: 'id',
    fields: { title: { boost: 3 }, body: { analyzer: { stem: false, cacheSize: 16 } } },
    analyzer: { cacheSize: 16 },
    store: ['title', 'meta'],
  });
  index.addAll([
    { id: 'a1', title: 'وزير الخارجية يستقبل سفير مصر', body: 'استقبل وزير الخارجية اليوم سفير مصر', meta: { n: 1, tags: ['x', null] } },
    { id: 2, title: 'الترجي يفوز بالبطولة', body: ['فاز فريق الترجي', null, 2020], meta: -1.5 },
    { id: 'a3', title: 'افتتاح معرض الكتاب', body: 'افتتح وزير الثقافة معرض الكتاب الدولي', meta: 'نص' },
    { id: 'a4', title: 'حذف', body: 'يحذف' },
  ]);
  index.remove('a4');
  return index.export();
}

const VALID = sample();
const LOAD_CODES: readonly FahrasErrorCode[] = ['NOT_AN_INDEX', 'TRUNCATED_INDEX', 'CORRUPT_INDEX', 'UNSUPPORTED_VERSION'];

/** Load `bytes` with both loaders' sync path and inspectIndex; returns the error code, or 'loaded'. */
function outcome(bytes: Uint8Array): string {
  let code = 'loaded';
  let index: SearchIndex<Record<string, unknown>> | undefined;
  try {
    index = loadIndex<Record<string, unknown>>(bytes);
  } catch (e) {
    if (!(e instanceof FahrasError)) throw new Error(`not a FahrasError: ${String(e)}`);
    code = e.code;
  }
  if (index !== undefined) {
    // A payload that decodes is a working index (its options may differ: another id field, say,
    // so adding may be refused, with a FahrasError).
    index.search('وزير الكتاب', { limit: 5 });
    try {
      index.add({ id: 'probe', title: 'وزير', body: 'كتاب' });
    } catch (e) {
      if (!(e instanceof FahrasError)) throw new Error(`add to a loaded index: not a FahrasError: ${String(e)}`);
    }
    index.search('وزير الكتاب', { limit: 5 });
  }
  let inspected = 'loaded';
  try {
    inspectIndex(bytes);
  } catch (e) {
    if (!(e instanceof FahrasError)) throw new Error(`inspectIndex: not a FahrasError: ${String(e)}`);
    inspected = e.code;
  }
  // inspectIndex reads the header and metadata only: it fails where loadIndex fails first.
  if (inspected !== 'loaded') expect(code).toBe(inspected);
  return code;
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3] = out[bit >> 3]! ^ (1 << (bit & 7));
  return out;
}

describe('loading bad bytes', () => {
  it('names what is wrong with empty, foreign, newer and damaged input', () => {
    expect(expectError(() => loadIndex(new Uint8Array(0)), 'NOT_AN_INDEX').message).toMatch(/empty/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(expectError(() => loadIndex(png), 'NOT_AN_INDEX').message).toMatch(/PNG/);
    expect(expectError(() => loadIndex(new TextEncoder().encode('{"index": [1, 2, 3]}')), 'NOT_AN_INDEX').message).toMatch(/JSON/);
    expect(expectError(() => loadIndex(Uint8Array.from([0x1f, 0x8b, 8, 0])), 'NOT_AN_INDEX').message).toMatch(/gzip/);
    expectError(() => loadIndex(Uint8Array.from(MAGIC.slice(0, 5))), 'TRUNCATED_INDEX');

    const newer = VALID.slice();
    newer[8] = 2;
    expect(expectError(() => loadIndex(newer), 'UNSUPPORTED_VERSION').message).toMatch(/format version 2/);
    const flags = VALID.slice();
    flags[10] = 1;
    expectError(() => loadIndex(flags), 'UNSUPPORTED_VERSION');
    const zero = VALID.slice();
    zero[8] = 0;
    expectError(() => loadIndex(zero), 'CORRUPT_INDEX');

    const longer = new Uint8Array(VALID.length + 1);
    longer.set(VALID);
    expect(expectError(() => loadIndex(longer), 'CORRUPT_INDEX').message).toMatch(/1 bytes after the end/);
    expect(expectError(() => loadIndex(VALID.subarray(0, VALID.length - 1)), 'TRUNCATED_INDEX').message).toMatch(/truncated/);
    const damaged = VALID.slice();
    damaged[VALID.length - 3] = damaged[VALID.length - 3]! ^ 0x40;
    expect(expectError(() => loadIndex(damaged), 'CORRUPT_INDEX').message).toMatch(/checksum mismatch/);
  });

  it('every truncation is TRUNCATED_INDEX (NOT_AN_INDEX when empty)', () => {
    for (let n = 0; n < VALID.length; n++) expect(outcome(VALID.subarray(0, n))).toBe(n === 0 ? 'NOT_AN_INDEX' : 'TRUNCATED_INDEX');
  });

  it('every single-bit flip is caught: header fields by their check, payload bits by the checksum', () => {
    let count = 0;
    for (let bit = 0; bit < VALID.length * 8; bit += bit < HEADER_BYTES * 8 ? 1 : 3) {
      const code = outcome(flipBit(VALID, bit));
      expect(LOAD_CODES).toContain(code);
      if (bit >= HEADER_BYTES * 8) expect(code).toBe('CORRUPT_INDEX');
      count++;
    }
    expect(count).toBeGreaterThan(10_000 / 3);
  });

  it('random bytes, with and without the magic number, end in a FahrasError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (random, magic) => {
        const bytes = magic ? Uint8Array.from([...MAGIC, ...random]) : random;
        expect(LOAD_CODES).toContain(outcome(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('splices of a valid export with other bytes end in a FahrasError', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.nat(VALID.length), fc.uint8Array({ maxLength: 64 }), (cut, resume, inserted) => {
        const bytes = Uint8Array.from([...VALID.subarray(0, cut), ...inserted, ...VALID.subarray(resume)]);
        const code = outcome(bytes);
        if (code === 'loaded') expect(bytes).toEqual(VALID);
        else expect(LOAD_CODES).toContain(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('payloads damaged behind a valid checksum (as a collision would be) never throw anything else', () => {
    const payload = payloadOf(VALID);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(payload.length - 1), value: fc.nat(255) }),
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(payload.length - 1), bit: fc.nat(7) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(payload.length - 1), n: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(payload.length), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    );
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let p = payload.slice();
        for (const e of edits) {
          const at = Math.min(e.at, p.length);
          if (e.kind === 'set') p[Math.min(at, p.length - 1)] = e.value;
          else if (e.kind === 'flip') p[Math.min(at, p.length - 1)] = p[Math.min(at, p.length - 1)]! ^ (1 << e.bit);
          else if (e.kind === 'delete') p = Uint8Array.from([...p.subarray(0, at), ...p.subarray(at + e.n)]);
          else p = Uint8Array.from([...p.subarray(0, at), ...e.bytes, ...p.subarray(at)]);
        }
        const code = outcome(frame(p));
        seen.set(code, (seen.get(code) ?? 0) + 1);
        // A damaged payload may still decode (a changed letter in a term or a stored value) or, when
        // its metadata now names a custom stemmer, ask for the analyzer (INVALID_OPTION).
        expect([...LOAD_CODES, 'INVALID_OPTION', 'loaded']).toContain(code);
      }),
      { numRuns: 3000 },
    );
    expect(seen.get('CORRUPT_INDEX')).toBeGreaterThan(1000);
  });
});
