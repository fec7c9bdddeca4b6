import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FahrasError } from '../../../src/errors.js';
import { createArchiveProgress, formatOf, planArchive, readArchive } from '../../../src/node.js';
import type { ArchiveEntry, ArchiveRecord, ArchiveSkip, ReadArchiveOptions } from '../../../src/node.js';
import { corpusAvailable, corpusFiles, corpusMissingReason } from '../../../tools/corpus.js';

// Scraped page shipped as ../shared/corpus/raw/000_e315c7bff97e348e.txt (see tests/fixtures/raw/README.md).
const page = readFileSync(fileURLToPath(new URL('../../fixtures/raw/000_e315c7bff97e348e.txt', import.meta.url)), 'utf8');
const TITLE = 'ما بعد أستانا 16.. محور مباحثات هاتفية بين لافروف وكل من تشاويش أوغلو وبيدرسن';

let dir: string;
const at = (...parts: string[]): string => join(dir, ...parts);

const record = (i: number): string => JSON.stringify({ id: `doc-${i}`, title: `عنوان ${i}`, category: 'رياضة', body: `نص الخبر رقم ${i}` });

/** 20 lines: 14 good records, line 5 blank, line 9 without id, line 12 without body, line 17 bad JSON, line 19 an array, line 20 with a numeric id. */
function jsonlText(eol = '\n'): string {
  const lines: string[] = [];
  for (let n = 1; n <= 20; n++) {
    if (n === 5) lines.push('   ');
    else if (n === 9) lines.push(JSON.stringify({ title: 'بلا معرف', body: 'نص' }));
    else if (n === 12) lines.push(JSON.stringify({ id: 'no-body', title: 'بلا نص' }));
    else if (n === 17) lines.push('{"id": "broken", "body": "نص"');
    else if (n === 19) lines.push('[1, 2]');
    else if (n === 20) lines.push(JSON.stringify({ id: 20, body: 'نص عشرين' }));
    else lines.push(record(n));
  }
  return lines.join(eol) + eol;
}
const GOOD_JSONL_LINES = [1, 2, 3, 4, 6, 7, 8, 10, 11, 13, 14, 15, 16, 18, 20];
const BAD_JSONL_LINES = [9, 12, 17, 19];

async function collect(paths: string[], options: ReadArchiveOptions = {}): Promise<ArchiveRecord[]> {
  const out: ArchiveRecord[] = [];
  for await (const r of readArchive(paths, options)) out.push(r);
  return out;
}
const docs = (rs: ArchiveRecord[]): ArchiveEntry[] => rs.filter((r): r is ArchiveEntry => !r.skipped);
const skips = (rs: ArchiveRecord[]): ArchiveSkip[] => rs.filter((r): r is ArchiveSkip => r.skipped);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fahras-readers-'));
  mkdirSync(at('pages', 'sub'), { recursive: true });
  writeFileSync(at('pages', 'a.txt'), page);
  writeFileSync(at('pages', 'b.txt'), page.split('\n').slice(1).join('\r\n')); // no breadcrumb, CRLF
  writeFileSync(at('pages', 'sub', 'c.txt'), `\uFEFF${page}`);
  writeFileSync(at('pages', 'empty.txt'), '\n  \n');
  writeFileSync(at('pages', 'latin1.txt'), Buffer.from([0x61, 0xe9, 0x0a]));
  writeFileSync(at('pages', 'notes.md'), '# notes');
  writeFileSync(at('pages', '.DS_Store'), 'x');
  writeFileSync(at('a.jsonl'), jsonlText());
  writeFileSync(at('crlf.jsonl'), jsonlText('\r\n'));
  const gz = gzipSync(Buffer.from(jsonlText()));
  writeFileSync(at('a.jsonl.gz'), gz);
  writeFileSync(at('cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
  writeFileSync(at('plain.jsonl.gz'), jsonlText());
  writeFileSync(at('a.json'), JSON.stringify([JSON.parse(record(1)), { id: 'x' }, JSON.parse(record(2))]));
  writeFileSync(at('object.json'), JSON.stringify({ articles: [] }));
  writeFileSync(at('broken.json'), '[{"id": 1, "body": "x"},');
  writeFileSync(at('long.jsonl'), [record(1), JSON.stringify({ id: 'long', body: 'ط'.repeat(5000) }), record(3)].join('\n'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('formatOf', () => {
  it.each([
    ['x/a.jsonl.gz', 'jsonl.gz'],
    ['A.JSONL', 'jsonl'],
    ['a.json', 'json'],
    ['page.TXT', 'txt'],
    ['a.gz', undefined],
    ['a.json.gz', undefined],
    ['.txt', undefined],
    ['README', undefined],
  ])('%s → %s', (path, format) => {
    expect(formatOf(path)).toBe(format);
  });
});

describe('readArchive: folders of raw .txt pages', () => {
  it('parses each page, ids from file names, recursively in sorted order, skipping what it cannot read', async () => {
    const rs = await collect([at('pages')]);
    expect(docs(rs).map((d) => d.doc.id)).toEqual(['a', 'b', 'c']);
    for (const d of docs(rs)) {
      expect(d.doc.title).toBe(TITLE);
      expect(d.doc.category).toBe('سياسي');
      expect(d.doc.body).not.toContain('تابعونا');
    }
    expect(docs(rs)[0]?.warnings).toEqual([]);
    expect(docs(rs)[1]?.warnings.map((w) => w.code)).toEqual(['NO_BREADCRUMB']);
    expect(docs(rs)[2]?.source).toBe(at('pages', 'sub', 'c.txt'));
    expect(skips(rs).map((s) => [s.source, s.code])).toEqual([
      [at('pages', 'notes.md'), 'UNKNOWN_EXTENSION'],
      [at('pages', 'empty.txt'), 'INVALID_ARTICLE'],
      [at('pages', 'latin1.txt'), 'INVALID_UTF8'],
    ]);
  });

  it('skips a page larger than maxFileBytes', async () => {
    const rs = await collect([at('pages', 'a.txt')], { maxFileBytes: 100 });
    expect(skips(rs).map((s) => s.code)).toEqual(['FILE_TOO_LARGE']);
  });
});

describe('readArchive: JSON Lines', () => {
  it('yields the good records and a skip with line number and reason for each bad line', async () => {
    const rs = await collect([at('a.jsonl')]);
    expect(docs(rs).map((d) => d.line)).toEqual(GOOD_JSONL_LINES);
    expect(docs(rs).at(-1)?.doc).toEqual({ id: '20', title: '', category: '', body: 'نص عشرين' });
    expect(docs(rs)[0]?.doc).toEqual({ id: 'doc-1', title: 'عنوان 1', category: 'رياضة', body: 'نص الخبر رقم 1' });
    const bad = skips(rs);
    expect(bad.map((s) => [s.line, s.code])).toEqual([
      [9, 'INVALID_RECORD'],
      [12, 'INVALID_RECORD'],
      [17, 'JSON_SYNTAX'],
      [19, 'INVALID_RECORD'],
    ]);
    expect(bad[0]?.reason).toBe('record has no "id"');
    expect(bad[1]?.reason).toBe('record "no-body" has no "body"');
    expect(bad[2]?.reason).toMatch(/^JSON syntax error: /);
    expect(bad.every((s) => s.source === at('a.jsonl'))).toBe(true);
  });

  it('reads CRLF files and gzip files to the same documents', async () => {
    const plain = docs(await collect([at('a.jsonl')])).map((d) => d.doc);
    expect(docs(await collect([at('crlf.jsonl')])).map((d) => d.doc)).toEqual(plain);
    const gz = await collect([at('a.jsonl.gz')]);
    expect(docs(gz).map((d) => d.doc)).toEqual(plain);
    expect(skips(gz).map((s) => s.line)).toEqual(BAD_JSONL_LINES);
  });

  it('keeps the lines before gzip damage, reports it, and goes on with the next file', async () => {
    const rs = await collect([at('cut.jsonl.gz'), at('plain.jsonl.gz'), at('a.jsonl')]);
    const cut = rs.filter((r) => r.source === at('cut.jsonl.gz'));
    const last = cut.at(-1);
    expect(last?.skipped && last.code).toBe('CORRUPT_GZIP');
    expect(docs(cut).length).toBeGreaterThan(0);
    expect(docs(cut).length).toBeLessThan(GOOD_JSONL_LINES.length);
    const notGzip = rs.filter((r) => r.source === at('plain.jsonl.gz'));
    expect(notGzip).toHaveLength(1);
    expect(notGzip[0]?.skipped && notGzip[0].code).toBe('CORRUPT_GZIP');
    expect(docs(rs.filter((r) => r.source === at('a.jsonl')))).toHaveLength(GOOD_JSONL_LINES.length);
  });

  it('skips a line longer than maxLineBytes and reads on', async () => {
    const rs = await collect([at('long.jsonl')], { maxLineBytes: 1000 });
    expect(docs(rs).map((d) => d.doc.id)).toEqual(['doc-1', 'doc-3']);
    expect(skips(rs).map((s) => [s.line, s.code])).toEqual([[2, 'LINE_TOO_LONG']]);
    expect(docs(await collect([at('long.jsonl')]))).toHaveLength(3);
  });
});

describe('readArchive: JSON arrays', () => {
  it('yields the good items and a skip with the item index for a bad one', async () => {
    const rs = await collect([at('a.json')]);
    expect(docs(rs).map((d) => [d.item, d.doc.id])).toEqual([
      [0, 'doc-1'],
      [2, 'doc-2'],
    ]);
    expect(skips(rs).map((s) => [s.item, s.code, s.reason])).toEqual([[1, 'INVALID_RECORD', 'record "x" has no "body"']]);
  });

  it('skips a file that is not an array or not JSON', async () => {
    const rs = await collect([at('object.json'), at('broken.json')]);
    expect(rs.map((r) => r.skipped && r.code)).toEqual(['NOT_AN_ARRAY', 'JSON_SYNTAX']);
  });
});

describe('readArchive: paths, progress, errors', () => {
  it('reports missing paths and unknown extensions first, reads each file once, and goes on', async () => {
    const rs = await collect([at('missing.jsonl'), at('a.json'), at('pages', 'notes.md'), at('a.json')]);
    expect(rs.slice(0, 2).map((r) => r.skipped && r.code)).toEqual(['NOT_FOUND', 'UNKNOWN_EXTENSION']);
    expect(docs(rs)).toHaveLength(2);
  });

  it('fills the progress counters: total bytes up front, all bytes read at the end', async () => {
    const paths = [at('pages'), at('a.jsonl'), at('a.jsonl.gz'), at('a.json'), at('nope')];
    const progress = createArchiveProgress();
    const expectedBytes = ['a.txt', 'b.txt', join('sub', 'c.txt'), 'empty.txt', 'latin1.txt']
      .map((f) => statSync(at('pages', f)).size)
      .concat([at('a.jsonl'), at('a.jsonl.gz'), at('a.json')].map((f) => statSync(f).size))
      .reduce((a, b) => a + b, 0);
    let first = true;
    let lastBytes = 0;
    let nDocs = 0;
    let nSkips = 0;
    for await (const r of readArchive(paths, { progress })) {
      if (first) {
        expect(progress.totalBytes).toBe(expectedBytes);
        expect(progress.files).toBe(8);
        first = false;
      }
      expect(progress.bytesRead).toBeGreaterThanOrEqual(lastBytes);
      expect(progress.bytesRead).toBeLessThanOrEqual(progress.totalBytes);
      lastBytes = progress.bytesRead;
      if (r.skipped) nSkips++;
      else nDocs++;
      expect(progress.documents).toBe(nDocs);
      expect(progress.skipped).toBe(nSkips);
    }
    expect(progress.bytesRead).toBe(expectedBytes);
    expect(progress.filesDone).toBe(8);
    expect(progress.lines).toBe(40);
    expect(nDocs).toBe(3 + 2 * GOOD_JSONL_LINES.length + 2);
    expect(nSkips).toBe(3 + 2 * BAD_JSONL_LINES.length + 1 + 1);
  });

  it('planArchive lists files with formats and sizes without reading them', async () => {
    const plan = await planArchive([at('a.jsonl.gz'), at('pages', 'sub')]);
    expect(plan.files.map((f) => [f.path, f.format])).toEqual([
      [at('a.jsonl.gz'), 'jsonl.gz'],
      [at('pages', 'sub', 'c.txt'), 'txt'],
    ]);
    expect(plan.totalBytes).toBe(statSync(at('a.jsonl.gz')).size + statSync(at('pages', 'sub', 'c.txt')).size);
    expect(plan.skipped).toEqual([]);
  });

  it('stops with ABORTED when the signal fires', async () => {
    const controller = new AbortController();
    let seen = 0;
    let caught: unknown;
    try {
      for await (const r of readArchive([at('a.jsonl')], { signal: controller.signal })) {
        void r;
        seen++;
        if (seen === 3) controller.abort();
      }
    } catch (e) {
      caught = e;
    }
    expect(seen).toBe(3);
    expect(caught).toBeInstanceOf(FahrasError);
    expect((caught as FahrasError).code).toBe('ABORTED');
  });

  it('rejects bad arguments with INVALID_INPUT and INVALID_OPTION', async () => {
    await expect(collect('a.jsonl' as unknown as string[])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(collect([at('a.jsonl')], { maxLineBytes: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(collect([at('a.jsonl')], { maxFileBytes: 1.5 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('can stop early: breaking out of the loop ends the iteration cleanly', async () => {
    const progress = createArchiveProgress();
    for await (const r of readArchive([at('a.jsonl.gz'), at('a.jsonl')], { progress })) {
      if (!r.skipped) break;
    }
    expect(progress.documents).toBe(1);
    expect(progress.filesDone).toBe(0);
  });
});

describe('readArchive: the ANT corpus', () => {
  it.skipIf(!corpusAvailable())(`streams both corpus files to 40,149 documents (skips when absent: ${corpusMissingReason})`, async () => {
    const progress = createArchiveProgress();
    const ids = new Set<string>();
    let empty = 0;
    for await (const r of readArchive(corpusFiles, { progress })) {
      if (r.skipped) throw new Error(`unexpected skip: ${r.source}:${r.line ?? ''} ${r.reason}`);
      ids.add(r.doc.id);
      if (r.doc.title === '') empty++;
    }
    expect(progress.documents).toBe(40_149);
    expect(ids.size).toBe(40_149);
    expect(empty).toBe(4); // the corpus README: four v1.1 articles have an empty title
    expect(progress.skipped).toBe(0);
    expect(progress.bytesRead).toBe(progress.totalBytes);
    expect(progress.totalBytes).toBe(25_072_604);
  });
});
