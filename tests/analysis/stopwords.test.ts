import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/analysis/normalize.js';
import { CLITIC_STOPWORDS, DEFAULT_STOPWORDS, LUCENE_STOPWORDS } from '../../src/analysis/stopwords.js';
import { repoRoot } from '../../tools/corpus.js';

describe('stopwords', () => {
  it('every stopword is unchanged by normalize (stored pre-normalized)', () => {
    for (const w of DEFAULT_STOPWORDS) expect(normalize(w).text, w).toBe(w);
  });

  it('the lists have no duplicates, within or across them', () => {
    const all = [...LUCENE_STOPWORDS, ...CLITIC_STOPWORDS];
    expect(new Set(all).size).toBe(all.length);
    expect(DEFAULT_STOPWORDS.size).toBe(all.length);
  });

  it('holds the common clitic-bearing forms', () => {
    for (const w of ['وفي', 'وهو', 'فإن', 'وهي', 'ولم', 'فقد', 'وقد', 'ومن', 'وعلى', 'والتي', 'ولكن']) {
      expect(DEFAULT_STOPWORDS.has(normalize(w).text), w).toBe(true);
    }
  });

  it('holds no content words an index needs', () => {
    for (const w of ['وزير', 'كتاب', 'والي', 'الية', 'سوريا']) expect(DEFAULT_STOPWORDS.has(normalize(w).text), w).toBe(false);
  });

  const lucenePath = join(repoRoot, '..', 'shared', 'testdata', 'lucene-arabic-stopwords.txt');
  it('LUCENE_STOPWORDS is exactly the Lucene list, normalized and deduplicated', () => {
    let raw: string[];
    try {
      raw = readFileSync(lucenePath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    } catch {
      // The shared test data sits beside the repository; without it, check the count we recorded.
      expect(LUCENE_STOPWORDS.length).toBe(88);
      return;
    }
    expect(raw.length).toBe(119);
    const folded = [...new Set(raw.map((w) => normalize(w).text))];
    expect([...LUCENE_STOPWORDS]).toEqual(folded);
  });
});
