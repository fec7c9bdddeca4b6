import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteBuffer, LEVEL_SIZE, PAGE_SIZE, SlicePool } from '../../src/index/pool.js';

/** Decode LEB128 varints. */
function decode(bytes: Uint8Array, length: number): number[] {
  const out: number[] = [];
  let at = 0;
  while (at < length) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[at++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    out.push(v);
  }
  return out;
}

describe('SlicePool', () => {
  it('round-trips one stream through many slice levels', () => {
    const pool = new SlicePool();
    const start = pool.newSlice();
    let upto = start;
    const values: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = (i * 7919) % 300_000;
      values.push(v);
      upto = pool.writeVInt(upto, v);
    }
    const out = new ByteBuffer();
    pool.gather(start, upto, out);
    expect(decode(out.bytes, out.length)).toEqual(values);
  });

  it('an empty stream gathers nothing', () => {
    const pool = new SlicePool();
    const start = pool.newSlice();
    const out = new ByteBuffer();
    pool.gather(start, start, out);
    expect(out.length).toBe(0);
    pool.gather(-1, 0, out);
    expect(out.length).toBe(0);
  });

  it('writes the largest values (2^31 - 1) and zeros', () => {
    const pool = new SlicePool();
    const start = pool.newSlice();
    let upto = start;
    for (const v of [0, 2 ** 31 - 1, 0, 128, 127, 16384]) upto = pool.writeVInt(upto, v);
    const out = new ByteBuffer();
    pool.gather(start, upto, out);
    expect(decode(out.bytes, out.length)).toEqual([0, 2 ** 31 - 1, 0, 128, 127, 16384]);
  });

  it('keeps interleaved streams apart across pages, and streamLength is what gather appends (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), fc.nat(2 ** 31 - 1)), { maxLength: 3000 }),
        (writes) => {
          const pool = new SlicePool();
          const starts: number[] = [];
          const uptos: number[] = [];
          const model: number[][] = [];
          for (const [stream, value] of writes) {
            if (starts[stream] === undefined) {
              starts[stream] = pool.newSlice();
              uptos[stream] = starts[stream]!;
              model[stream] = [];
            }
            uptos[stream] = pool.writeVInt(uptos[stream]!, value);
            model[stream]!.push(value);
          }
          starts.forEach((start, stream) => {
            const out = new ByteBuffer();
            pool.gather(start, uptos[stream]!, out);
            expect(decode(out.bytes, out.length)).toEqual(model[stream]);
            expect(pool.streamLength(start, uptos[stream]!)).toBe(out.length);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fills more than one page without a slice crossing a page boundary', () => {
    const pool = new SlicePool();
    const streams = 3000;
    const starts = Array.from({ length: streams }, () => pool.newSlice());
    const uptos = [...starts];
    for (let round = 0; round < 40; round++) for (let s = 0; s < streams; s++) uptos[s] = pool.writeVInt(uptos[s]!, s + round);
    expect(pool.allocatedBytes).toBeGreaterThan(PAGE_SIZE);
    for (let s = 0; s < streams; s += 101) {
      const out = new ByteBuffer();
      pool.gather(starts[s]!, uptos[s]!, out);
      expect(decode(out.bytes, out.length)).toEqual(Array.from({ length: 40 }, (_, r) => s + r));
    }
    expect(Math.max(...LEVEL_SIZE)).toBeLessThan(PAGE_SIZE);
  });
});
