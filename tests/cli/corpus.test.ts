/**
 * End to end on the ANT corpus (Chouigui, Ben Khiroun, Elayeb; ../shared/corpus/README.md): index
 * both files (40,149 articles) through the command line, check `stats`, and find known articles
 * by words of their titles. Skipped, saying why, when the corpus is absent (a user's clone).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, corpusMissingReason } from '../../tools/corpus.js';
import { run, tempDir } from './helpers.js';

/** Articles of the corpus and queries typed from their titles (v2.1 and v1.1 articles both). */
const KNOWN: readonly (readonly [id: string, query: string])[] = [
  ['AL-culture-105-20180301', 'دي كابريو وبيت البطولة'],
  ['SK-middleEast-520-20180324', 'هبوط اضطراري لطائرتين بمطار القاهرة'],
  ['JA-sport-1330-20170605', 'رابطة الابطال التشكيلة المثالية'],
];

const dir = tempDir();
const name = corpusAvailable() ? 'indexes the 40,149 ANT articles, finds known ones by their titles, stats counts them' : `ANT end to end skipped: ${corpusMissingReason}`;

describe('fahras on the ANT corpus', () => {
  it.skipIf(!corpusAvailable())(name, async () => {
    const file = join(dir, 'ant.fahras');
    const indexed = await run(['index', ...corpusFiles, '-o', file]);
    // stderr has the periodic progress lines only (not a terminal), no skips
    expect(indexed.stderr).not.toContain('Skipped');
    for (const line of indexed.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^[\d,]+ documents \(\d+%\), [\d,]+ docs\/s, ETA [-\d:]+$/);
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toMatch(/^Indexed 40,149 documents from 2 files/);

    const stats = await run(['stats', file]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain('  documents:       40,149\n');

    for (const [id, query] of KNOWN) {
      const found = await run(['search', file, query, '--json']);
      expect(found.code).toBe(0);
      const ids = (JSON.parse(found.stdout) as { results: { id: string }[] }).results.map((r) => r.id);
      expect(ids, `${query} → ${id}`).toContain(id);
    }
    const sport = await run(['search', file, 'رابطة', 'الابطال', '--filter', 'category=رياضة', '--limit', '3']);
    expect(sport.stdout).toMatch(/^3 of [\d,]+ results for «رابطة الابطال»/);
    expect(sport.stdout.match(/· رياضة · id /g)).toHaveLength(3);
  }, 180_000);
});
