/**
 * The `fahras` command line, run in-process through `main(argv, io)` on small temporary inputs:
 * a JSON Lines file with bad lines, a folder of raw article pages, the raw fixture page.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectIndex } from '../../src/index.js';
import { run, tempDir } from './helpers.js';

const FIXTURE = resolve(__dirname, '../fixtures/raw/000_e315c7bff97e348e.txt');
const dir = tempDir();

const GOOD = [
  { id: 'p1', title: 'وزير الخارجية يستقبل سفير مصر', category: 'سياسة', body: 'استقبل وزير الخارجية اليوم سفير مصر وبحث معه العلاقات الثنائية' },
  { id: 'p2', title: 'الترجي يفوز بالبطولة', category: 'رياضة', body: 'فاز فريق الترجي بالبطولة بعد مباراة صعبة' },
  { id: 'p3', title: 'افتتاح معرض الكتاب', category: 'ثقافة', body: 'افتتح وزير الثقافة معرض الكتاب الدولي' },
  { id: 'p4', title: 'المنتخب يستعد للبطولة الإفريقية', category: 'رياضة', body: 'يلعب المنتخب مباراة ودية' },
];
const clean = join(dir, 'clean.jsonl');
writeFileSync(clean, GOOD.map((d) => JSON.stringify(d)).join('\n'));
const messy = join(dir, 'messy.jsonl');
writeFileSync(
  messy,
  [
    JSON.stringify({ id: 'm1', title: 'ارتفاع أسعار النفط', category: 'اقتصاد', body: 'ارتفعت أسعار النفط في الأسواق' }),
    '{"id": "m2", "title": broken',
    JSON.stringify({ id: 'p1', title: 'نسخة مكررة', body: 'نص' }),
    JSON.stringify({ id: 'm3', title: 'بلا نص' }),
    '',
    JSON.stringify({ id: 'm4', title: 'المدارس تفتح أبوابها', category: 'مجتمع', body: 'عاد التلاميذ إلى المدارس' }),
  ].join('\n'),
);
const pages = join(dir, 'pages');
mkdirSync(join(pages, 'sub'), { recursive: true });
copyFileSync(FIXTURE, join(pages, 'astana.txt'));
copyFileSync(FIXTURE, join(pages, 'sub', 'astana-again.txt'));
writeFileSync(join(pages, 'empty.txt'), '\n\n');
writeFileSync(join(pages, 'notes.md'), 'not an article');

/** Index `argv` into a new file; returns the run and the file. */
async function indexed(inputs: string[], extra: string[] = [], name = `i${Math.random().toString(36).slice(2)}.fahras`): Promise<{ file: string; code: number; stdout: string; stderr: string }> {
  const file = join(dir, name);
  const r = await run(['index', ...inputs, '-o', file, ...extra]);
  return { file, ...r };
}

describe('fahras (top level)', () => {
  it('prints help, and refuses unknown commands and a missing command with exit 1', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: fahras <command>/);
    for (const c of ['index', 'search', 'analyze', 'stats']) expect(help.stdout).toContain(`  ${c}`);
    const none = await run([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Usage: fahras/);
    const unknown = await run(['serach', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command "serach"/);
    expect((await run(['toString'])).code).toBe(1);
  });

  it.each(['index', 'search', 'analyze', 'stats'])('%s --help prints its usage; an unknown option is exit 1', async (command) => {
    const help = await run([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: fahras ${command}`));
    const bad = await run([command, 'x', '--frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(new RegExp(`fahras ${command}: Unknown option '--frobnicate' \\(see fahras ${command} --help\\)`));
  });
});

describe('fahras index', () => {
  it('indexes clean input with exit 0 and a summary', async () => {
    const r = await indexed([clean]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Indexed 4 documents from 1 file in \d+:\d\d \([\d,]+ docs\/s\); wrote .*\.fahras \([\d.]+ KiB\)\n$/);
    const info = inspectIndex(readFileSync(r.file));
    expect(info.documents).toBe(4);
    expect(info.store).toEqual(['title', 'category']);
    expect(info.fields.map((f) => [f.name, f.boost])).toEqual([
      ['title', 3],
      ['category', 2],
      ['body', 1],
    ]);
  });

  it('skips bad lines, duplicate ids, bad pages and unknown files, reports them by code, goes on, exits 2', async () => {
    const r = await indexed([clean, messy, pages]);
    expect(r.code).toBe(2);
    // clean 4 + messy m1, m4 + the page twice under two ids
    expect(r.stdout).toMatch(/^Indexed 8 documents from 5 files/);
    expect(r.stderr).toMatch(/^Skipped 5: UNKNOWN_EXTENSION 1, JSON_SYNTAX 1, DUPLICATE_ID 1, INVALID_RECORD 1, INVALID_ARTICLE 1\n/);
    expect(r.stderr).toContain(`${messy}:2: JSON_SYNTAX: JSON syntax error`);
    expect(r.stderr).toContain(`${messy}:3: DUPLICATE_ID: id "p1" was indexed already (the first one is kept)`);
    expect(r.stderr).toContain(`${messy}:4: INVALID_RECORD: record "m3" has no "body"`);
    expect(r.stderr).toContain(`${join(pages, 'empty.txt')}: INVALID_ARTICLE`);
    expect(r.stderr).toContain(`${join(pages, 'notes.md')}: UNKNOWN_EXTENSION`);
    expect(inspectIndex(readFileSync(r.file)).documents).toBe(8);
    // the first p1 was kept
    const s = await run(['search', r.file, 'سفير', '--json']);
    expect(JSON.parse(s.stdout).results[0]).toMatchObject({ id: 'p1', doc: { title: GOOD[0]!.title } });
  });

  it('indexes the raw fixture page with the title and category the article parser finds', async () => {
    const r = await indexed([FIXTURE]);
    expect(r.code).toBe(0);
    const s = await run(['search', r.file, 'أستانا', '--json']);
    expect(JSON.parse(s.stdout).results).toEqual([
      expect.objectContaining({ id: '000_e315c7bff97e348e', doc: { title: expect.stringMatching(/^ما بعد أستانا 16/), category: 'سياسي' } }),
    ]);
  });

  it('takes --boost and --store, and refuses bad values with exit 1', async () => {
    const r = await indexed([clean], ['--boost', 'title=5,body=0.5', '--store', 'title']);
    expect(r.code).toBe(0);
    const info = inspectIndex(readFileSync(r.file));
    expect(info.fields.map((f) => f.boost)).toEqual([5, 2, 0.5]);
    expect(info.store).toEqual(['title']);
    const none = await indexed([clean], ['--store', '']);
    expect(inspectIndex(readFileSync(none.file)).store).toEqual([]);

    for (const [args, message] of [
      [['--boost', 'headline=2'], /--boost: "headline=2" must be field=number/],
      [['--boost', 'title=-1'], /boost of title must be a finite number ≥ 0/],
      [['--store', 'title,author'], /--store: "author" is not one of title, category, body/],
    ] as const) {
      const bad = await indexed([clean], [...args], 'bad.fahras');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(message);
      expect(existsSync(join(dir, 'bad.fahras'))).toBe(false);
    }
    const noOutput = await run(['index', clean]);
    expect(noOutput.code).toBe(1);
    expect(noOutput.stderr).toMatch(/give the output file with -o/);
    expect((await run(['index', '-o', join(dir, 'x.fahras')])).stderr).toMatch(/at least one file or folder/);
  });

  it('is silent with --quiet except for skips; reports a missing input as a skip', async () => {
    const quiet = await indexed([clean], ['--quiet']);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const missing = await indexed([clean, join(dir, 'nope.jsonl')], ['-q']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^Skipped 1: NOT_FOUND 1\n/);
  });

  it('fails with exit 1 when the output cannot be written', async () => {
    const r = await run(['index', clean, '-o', join(dir, 'no-such-folder', 'x.fahras')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fahras index: .*ENOENT/);
  });

  it('prints plain progress lines when not a terminal, a redrawn bar on a terminal', async () => {
    let t = 0;
    const slowClock = (): number => (t += 2600);
    const plain = await run(['index', clean, messy, '-o', join(dir, 'p.fahras')], { now: slowClock });
    const lines = plain.stderr.split('\n').filter((l) => / documents \(\d+%\), [\d,]+ docs\/s, ETA [-\d:]+/.test(l));
    expect(lines.length).toBeGreaterThan(1);
    expect(plain.stderr).not.toContain('\r');
    const tty = await run(['index', clean, messy, '-o', join(dir, 'q.fahras')], { now: slowClock, tty: true });
    expect(tty.stderr).toMatch(/\r\[[#-]{30}\] +\d+% {2}[\d,]+ documents {2}[\d,]+ docs\/s {2}ETA [-\d:]+/);
    expect(tty.stderr).toContain('\x1b[K');
    expect(tty.stderr).toMatch(/\r\[#{30}\] 100% {2}6 documents .*, 3 skipped\x1b\[K\n/);
  });
});

describe('fahras search', () => {
  const archive = join(dir, 'search.fahras');
  const ready = run(['index', clean, messy, '-o', archive, '-q']);

  it('prints ranked results with category, id and the title with matched words marked', async () => {
    await ready;
    const r = await run(['search', archive, 'وزير', 'الخارجية']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^2 of 2 results for «وزير الخارجية» \([\d.]+ ms\)$/);
    expect(lines[2]).toMatch(/^1\. score \d+\.\d{3} · سياسة · id p1$/);
    expect(lines[3]).toBe('   [وزير] [الخارجية] يستقبل سفير مصر');
    expect(lines[4]).toMatch(/^2\. score \d+\.\d{3} · ثقافة · id p3$/);
  });

  it('marks the whole written word, clitics included, and uses ANSI bold on a terminal unless NO_COLOR', async () => {
    await ready;
    const plain = await run(['search', archive, 'بطولة']);
    expect(plain.stdout).toContain('الترجي يفوز [بالبطولة]');
    const tty = await run(['search', archive, 'بطولة'], { tty: true });
    expect(tty.stdout).toContain('الترجي يفوز \x1b[1mبالبطولة\x1b[22m');
    const noColor = await run(['search', archive, 'بطولة'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toContain('[بالبطولة]');
  });

  it('takes --limit, --fields and --filter, and prints JSON with --json', async () => {
    await ready;
    const all = JSON.parse((await run(['search', archive, 'البطولة', 'وزير', '--json'])).stdout) as { query: string; total: number; results: { rank: number; id: string; score: number; doc: Record<string, string>; match: Record<string, string[]> }[] };
    expect(all.query).toBe('البطولة وزير');
    expect(all.total).toBe(4);
    expect(all.results.map((h) => h.rank)).toEqual([1, 2, 3, 4]);
    expect(all.results[0]!.match).toBeTypeOf('object');
    const one = JSON.parse((await run(['search', archive, 'البطولة', 'وزير', '--json', '-n', '1'])).stdout) as typeof all;
    expect(one.results).toHaveLength(1);
    expect(one.total).toBe(4);
    const sport = JSON.parse((await run(['search', archive, 'البطولة', 'وزير', '--json', '--filter', 'category=رياضة'])).stdout) as typeof all;
    expect(sport.results.map((h) => h.id).sort()).toEqual(['p2', 'p4']);
    const two = JSON.parse((await run(['search', archive, 'البطولة', 'وزير', '--json', '--filter', 'category=رياضة', '--filter', 'category=ثقافة'])).stdout) as typeof all;
    expect(two.results.map((h) => h.id).sort()).toEqual(['p2', 'p3', 'p4']);
    const titles = JSON.parse((await run(['search', archive, 'مباراة', '--json', '--fields', 'title'])).stdout) as typeof all;
    expect(titles.total).toBe(0);
    const bodies = JSON.parse((await run(['search', archive, 'مباراة', '--json', '--fields', 'body'])).stdout) as typeof all;
    expect(bodies.total).toBe(2);
  });

  it('says so when nothing matches (exit 0), and fails with exit 1 on bad options or files', async () => {
    await ready;
    expect(await run(['search', archive, 'زرافة'])).toMatchObject({ code: 0, stdout: 'No results for «زرافة».\n' });
    const bodyFilter = await run(['search', archive, 'وزير', '--filter', 'body=x']);
    expect(bodyFilter.code).toBe(1);
    expect(bodyFilter.stderr).toMatch(/filter names "body", which is not a stored field/);
    expect((await run(['search', archive, 'وزير', '--filter', 'category'])).stderr).toMatch(/--filter: "category" must be field=value/);
    expect((await run(['search', archive, 'وزير', '--limit', 'ten'])).stderr).toMatch(/--limit must be an integer ≥ 0/);
    expect((await run(['search', archive])).stderr).toMatch(/give an index file and a query/);
    const missing = await run(['search', join(dir, 'nope.fahras'), 'وزير']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/cannot read .*nope\.fahras: no such file/);
    const truncated = join(dir, 'truncated.fahras');
    writeFileSync(truncated, readFileSync(archive).subarray(0, 100));
    expect((await run(['search', truncated, 'وزير'])).stderr).toMatch(/^fahras search: Saved index is truncated/);
    expect((await run(['search', clean, 'وزير'])).stderr).toMatch(/Not a saved fahras index.*JSON text/);
  });
});

describe('fahras analyze', () => {
  it('shows each word: position, original, normalized surface and stem, stopwords marked', async () => {
    const r = await run(['analyze', 'وَالكِتَابُ في المكتبة']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '#  original  normalized  stem',
      '0  وَالكِتَابُ   والكتاب     كتاب',
      '1  في        في          (stopword)',
      '2  المكتبة   المكتبه     مكتب',
      '',
    ]);
    const json = JSON.parse((await run(['analyze', 'وَالكِتَابُ', 'في', '--json'])).stdout) as unknown;
    expect(json).toEqual([
      { position: 0, original: 'وَالكِتَابُ', normalized: 'والكتاب', stem: 'كتاب', stopword: false },
      { position: 1, original: 'في', normalized: 'في', stem: null, stopword: true },
    ]);
    expect((await run(['analyze', '...'])).stdout).toBe('No words.\n');
    expect((await run(['analyze'])).code).toBe(1);
  });

  it('analyzes as a saved index does with --index and --field', async () => {
    const { file } = await indexed([clean], ['-q']);
    const r = await run(['analyze', 'الكتابات', '--index', file, '--field', 'body', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([{ position: 0, original: 'الكتابات', normalized: 'الكتابات', stem: 'كتاب', stopword: false }]);
    expect((await run(['analyze', 'x', '--index', file, '--field', 'author'])).stderr).toMatch(/"author" is not a field/);
    expect((await run(['analyze', 'x', '--field', 'title'])).stderr).toMatch(/--field needs --index/);
  });
});

describe('fahras stats', () => {
  it('shows documents, terms, size, options and analysis; JSON with --json', async () => {
    const { file } = await indexed([clean, messy], ['-q']);
    const r = await run(['stats', file]);
    expect(r.code).toBe(0);
    const size = readFileSync(file).length;
    expect(r.stdout).toContain('  documents:       6\n');
    expect(r.stdout).toMatch(/ {2}distinct terms: {2}\d+ \(\d+ stems\)\n/);
    expect(r.stdout).toContain(`(${size.toLocaleString('en-US')} bytes), format version 1`);
    expect(r.stdout).toContain('  fields:          title (boost 3, b 0.75), category (boost 2, b 0.75), body (boost 1, b 0.75)\n');
    expect(r.stdout).toContain('  stored fields:   title, category\n');
    expect(r.stdout).toContain('    stemming: built-in light stemmer\n');
    const json = JSON.parse((await run(['stats', file, '--json'])).stdout) as { documents: number; bytes: number; analyzers: unknown[] };
    expect(json).toMatchObject({ documents: 6, bytes: size });
    expect(json.analyzers).toHaveLength(1);
    expect((await run(['stats'])).code).toBe(1);
    expect((await run(['stats', file, file])).code).toBe(1);
  });
});
