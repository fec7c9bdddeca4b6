import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/ingest/node/lines.js';
import type { Line } from '../../../src/ingest/node/lines.js';

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.subarray(from, cut);
    from = cut;
  }
  if (from < bytes.length) yield bytes.subarray(from);
}

async function collect(bytes: Buffer, max = 1 << 20, cuts: number[] = []): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of splitLines(chunked(bytes, cuts), max)) out.push(line);
  return out;
}

describe('splitLines', () => {
  it('splits on LF and CRLF, numbers lines from 1, keeps a last line without LF', async () => {
    const lines = await collect(Buffer.from('أ\r\nب\n\nج'));
    expect(lines).toEqual([
      { number: 1, text: 'أ' },
      { number: 2, text: 'ب' },
      { number: 3, text: '' },
      { number: 4, text: 'ج' },
    ]);
  });

  it('yields no extra line after a final LF, and nothing for empty input', async () => {
    expect(await collect(Buffer.from('a\nb\n'))).toHaveLength(2);
    expect(await collect(Buffer.alloc(0))).toEqual([]);
  });

  it('drops a byte order mark at the start', async () => {
    expect(await collect(Buffer.from('\uFEFF{"id":1}\n'))).toEqual([{ number: 1, text: '{"id":1}' }]);
  });

  it('reports a line over the limit, drops its bytes, and goes on', async () => {
    const long = 'ث'.repeat(50); // 100 bytes
    const lines = await collect(Buffer.from(`short\n${long}\nafter`), 60, [3, 20, 40, 70, 90]);
    expect(lines).toEqual([
      { number: 1, text: 'short' },
      { number: 2, error: 'LINE_TOO_LONG' },
      { number: 3, text: 'after' },
    ]);
    expect(await collect(Buffer.from(long), 60, [10, 50])).toEqual([{ number: 1, error: 'LINE_TOO_LONG' }]);
  });

  it('reports invalid UTF-8 per line', async () => {
    const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\nok2')]);
    expect(await collect(bytes)).toEqual([
      { number: 1, text: 'ok' },
      { number: 2, error: 'INVALID_UTF8' },
      { number: 3, text: 'ok2' },
    ]);
  });

  it('gives the same lines however the bytes are chunked (multi-byte characters cut too)', async () => {
    const lineText = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[\r\n\u2028\u2029\uFEFF]/g, ''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineText, { minLength: 1, maxLength: 15 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat({ max: 400 }), { maxLength: 20 }),
        async (texts, eol, cuts) => {
          const bytes = Buffer.from(texts.join(eol) + eol, 'utf8');
          const lines = await collect(bytes, 1 << 20, cuts);
          expect(lines.map((l) => l.text)).toEqual(texts);
        },
      ),
    );
  });
});
