/**
 * `npm run demo`: index the 40-article sample in data/ and run a few queries typed the way people
 * type Arabic: without hamza, with ه for ة, without ال, with a clitic stuck on, on a Persian
 * keyboard. Each result line shows why it matched: each query word, and the words of the article
 * it found.
 */
import { readFileSync } from 'node:fs';
import { analyze, articlePreset, createIndex } from '../src/index.js';

/** One article of data/sample-articles.json. */
interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
}

/** A demo query: what is typed, and what it shows about the analysis. */
interface DemoQuery {
  query: string;
  shows: string;
}

const QUERIES: readonly DemoQuery[] = [
  { query: 'اسعار النفط', shows: 'no hamza: اسعار for أسعار' },
  { query: 'رئيس الحكومه', shows: 'ه for ة: الحكومه for الحكومة' },
  { query: 'مسئول', shows: 'the other hamza seat: مسئول also finds مسؤول' },
  { query: 'منتخب كاس العالم', shows: 'without ال, and كاس without hamza' },
  { query: 'بالكتاب', shows: 'ب + ال on the query word; finds والكتاب and الكُتّاب' },
  { query: 'الذکاء الاصطناعی', shows: 'typed on a Persian keyboard: ک and ی' },
  { query: 'موازنه 2026', shows: 'ه for ة, and ASCII digits find ٢٠٢٦' },
];

const RESULTS_PER_QUERY = 5;

const articles = JSON.parse(readFileSync(new URL('../data/sample-articles.json', import.meta.url), 'utf8')) as Article[];
const byId = new Map(articles.map((a) => [a.id, a]));

const index = createIndex<Article, 'title' | 'category'>({ ...articlePreset, store: ['title', 'category'] });
index.addAll(articles);

console.log(`fahras demo: ${articles.length} articles from data/sample-articles.json, top ${RESULTS_PER_QUERY} per query`);
console.log('rank  score  category    title    ← query word: the words it found in the article\n');

for (const { query, shows } of QUERIES) {
  const hits = index.search(query, { limit: RESULTS_PER_QUERY });
  console.log(`▌ ${query}    (${shows}; ${hits.total} matching)`);
  if (hits.length === 0) console.log('   no results');
  hits.forEach((hit, i) => {
    const rank = String(i + 1).padStart(3);
    const score = hit.score.toFixed(2).padStart(6);
    const category = hit.doc.category.padEnd(10);
    const article = byId.get(hit.id);
    const why = Object.keys(hit.match)
      .sort((a, b) => query.indexOf(a) - query.indexOf(b))
      .map((word) => `${word}: ${article === undefined ? '' : foundForms(word, article).join('، ')}`)
      .join(' · ');
    console.log(`${rank}  ${score}  ${category}  ${hit.doc.title}    ← ${why}`);
  });
  console.log('');
}

/**
 * The words of `article` (as written, diacritics and clitics included) that analyze to the same
 * term as the query word `word`: what the search matched it with.
 */
function foundForms(word: string, article: Article): string[] {
  const terms = new Set(analyze(word).map((t) => t.term));
  const forms = new Set<string>();
  for (const text of [article.title, article.category, article.body]) {
    for (const t of analyze(text)) if (terms.has(t.term)) forms.add(text.slice(t.start, t.end));
  }
  return [...forms];
}
