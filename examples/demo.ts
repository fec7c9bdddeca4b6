/**
 * `npm run demo`: index the 40-article sample in data/ and run a few queries typed the way people
 * type Arabic: without hamza, with ه for ة, without ال, with a clitic stuck on, on a Persian
 * keyboard, cut short while typing, with a typo, as a phrase. Each result line shows why it
 * matched: the words of the article the query found, as written there (highlight ranges into the
 * original text).
 */
import { readFileSync } from 'node:fs';
import { articlePreset, createIndex } from '../src/index.js';
import type { SearchOptions, SearchResult } from '../src/index.js';

/** One article of data/sample-articles.json. */
interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
}

type Stored = 'title' | 'category' | 'body';

/** A demo query: what is typed, what it shows about the analysis, and its search options. */
interface DemoQuery {
  query: string;
  shows: string;
  options?: SearchOptions<Article, Stored>;
}

const QUERIES: readonly DemoQuery[] = [
  { query: 'اسعار النفط', shows: 'no hamza: اسعار for أسعار' },
  { query: 'رئيس الحكومه', shows: 'ه for ة: الحكومه for الحكومة' },
  { query: 'مسئول', shows: 'the other hamza seat: مسئول also finds مسؤول' },
  { query: 'منتخب كاس العالم', shows: 'without ال, and كاس without hamza' },
  { query: 'بالكتاب', shows: 'ب + ال on the query word; finds والكتاب and الكُتّاب' },
  { query: 'الذکاء الاصطناعی', shows: 'typed on a Persian keyboard: ک and ی' },
  { query: 'موازنه 2026', shows: 'ه for ة, and ASCII digits find ٢٠٢٦' },
  { query: 'الانتخ', shows: "as you type: prefix: 'last'", options: { prefix: 'last' } },
  { query: 'مهرجان السنما', shows: "a typo: السنما for السينما, fuzzy: 'auto'", options: { fuzzy: 'auto' } },
  { query: '"وزير الخارجية"', shows: 'a phrase: the two words in order' },
];

const RESULTS_PER_QUERY = 5;

const articles = JSON.parse(readFileSync(new URL('../data/sample-articles.json', import.meta.url), 'utf8')) as Article[];

const index = createIndex<Article, Stored>({ ...articlePreset, store: ['title', 'category', 'body'] });
index.addAll(articles);

console.log(`fahras demo: ${articles.length} articles from data/sample-articles.json, top ${RESULTS_PER_QUERY} per query`);
console.log('rank  score  category    title    ← the words it found, as written in the article\n');

for (const { query, shows, options } of QUERIES) {
  const hits = index.search(query, { limit: RESULTS_PER_QUERY, highlight: true, ...options });
  console.log(`▌ ${query}    (${shows}; ${hits.total} matching)`);
  if (hits.length === 0) console.log('   no results');
  hits.forEach((hit, i) => {
    const rank = String(i + 1).padStart(3);
    const score = hit.score.toFixed(2).padStart(6);
    const category = hit.doc.category.padEnd(10);
    console.log(`${rank}  ${score}  ${category}  ${hit.doc.title}    ← ${foundWords(hit.doc, hit.highlights).join('، ')}`);
  });
  console.log('');
}

/** The distinct words (as written, diacritics and clitics included) that the highlights cover. */
function foundWords(doc: SearchResult<Article, Stored>['doc'], highlights: SearchResult<Article, Stored>['highlights']): string[] {
  const words = new Set<string>();
  for (const field of ['title', 'category', 'body'] as const) {
    for (const range of highlights?.[field] ?? []) words.add(doc[field].slice(range[0], range[1]));
  }
  return [...words];
}
