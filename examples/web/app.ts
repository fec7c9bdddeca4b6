/**
 * The fahras demo page (`npm run demo:web`): search-as-you-type over the 40-article demo sample,
 * ranked results with highlighted titles and snippets, a category facet with counts, and the
 * query time. Everything runs in the page; the index is built when the page loads.
 *
 * As you type, the last word is matched as a prefix (`prefix: 'last'`) and typos are forgiven
 * (`fuzzy: 'auto'`); `highlight: true` gives the matched words' ranges in the original text, which
 * mark the title and, through `snippet()`, the best passage of the body.
 */
import { analyze, articlePreset, createIndex, snippet } from '../../src/index.js';
import type { HighlightRange, SearchOptions, SearchResult, SearchResults } from '../../src/index.js';

/** One article of data/sample-articles.json. */
interface Article {
  id: string;
  title: string;
  category: string;
  body: string;
}
type Stored = 'title' | 'category' | 'body';
type Options = SearchOptions<Article, Stored, 'category'>;
type Hit = SearchResult<Article, Stored>;

/** Where the page finds the sample (the server copies data/sample-articles.json beside it). */
const DATA_URL = 'sample-articles.json';
/** Results shown per query. */
const LIMIT = 10;
/** Input events closer together than this (ms) run one search. */
const DEBOUNCE_MS = 40;
/** Longest body passage shown under a title, in UTF-16 code units. */
const SNIPPET_LENGTH = 200;
/** Queries offered on the empty page: how people type Arabic (see examples/demo.ts), a typo, and a word cut short. */
const EXAMPLES = ['اسعار النفط', 'رئيس الحكومه', 'مسئول', 'منتخب كاس العالم', 'بالكتاب', 'الذکاء الاصطناعی', 'موازنه 2026', 'مهرجان السنما', 'الانتخ'];

const numbers = new Intl.NumberFormat('ar-EG', { maximumFractionDigits: 2 });
const integers = new Intl.NumberFormat('ar-EG');

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Arabic plural of "result": لا نتائج، نتيجة واحدة، نتيجتان، ٣–١٠ نتائج، ١١+ نتيجة. */
function resultsPhrase(n: number): string {
  if (n === 0) return 'لا نتائج';
  if (n === 1) return 'نتيجة واحدة';
  if (n === 2) return 'نتيجتان';
  const mod = n % 100;
  return `${integers.format(n)} ${mod >= 3 && mod <= 10 ? 'نتائج' : 'نتيجة'}`;
}

/** Appends `text` to `parent` with each highlighted word wrapped in a <mark> (its title: the query word it matched). */
function appendMarked(parent: HTMLElement, text: string, ranges: readonly HighlightRange[]): void {
  let at = 0;
  for (const [start, end, word] of ranges) {
    if (start < at) continue;
    if (start > at) parent.append(text.slice(at, start));
    const mark = make('mark', undefined, text.slice(start, end));
    mark.title = word;
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}

const input = element<HTMLInputElement>('q');
const status = element('status');
const understood = element('understood');
const results = element<HTMLOListElement>('results');
const facetList = element('facets');
const examples = element('examples');

const index = createIndex<Article, Stored>({ ...articlePreset, store: ['title', 'category', 'body'] });

let selected: string | undefined;
let allCategories: { value: string; count: number }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function search(query: string, filter: string | undefined, facets: boolean): SearchResults<Article, Stored, 'id', 'category'> {
  const options: Options = { limit: LIMIT, prefix: 'last', fuzzy: 'auto', highlight: true };
  if (facets) options.facets = ['category'];
  if (filter !== undefined) options.filter = { category: filter };
  return index.search(query, options);
}

function renderFacets(counts: readonly { value: string | number | boolean; count: number }[], total: number): void {
  facetList.replaceChildren();
  const entries: { label: string; value: string | undefined; count: number }[] = [{ label: 'الكل', value: undefined, count: total }];
  const byValue = new Map(counts.map((c) => [String(c.value), c.count]));
  // Every category stays listed (0 when nothing matches), in the order of the whole sample.
  for (const { value } of allCategories) entries.push({ label: value, value, count: byValue.get(value) ?? 0 });
  for (const entry of entries) {
    const button = make('button', 'facet');
    button.type = 'button';
    button.dataset.value = entry.value ?? '';
    button.setAttribute('aria-pressed', String(entry.value === selected));
    button.disabled = entry.count === 0 && entry.value !== selected;
    button.append(make('span', 'facet-label', entry.label), make('span', 'facet-count', integers.format(entry.count)));
    button.addEventListener('click', () => {
      selected = entry.value === selected ? undefined : entry.value;
      run();
    });
    facetList.append(button);
  }
}

function renderHit(hit: Hit, rank: number): HTMLLIElement {
  const item = make('li', 'hit');
  item.dataset.id = String(hit.id);
  const head = make('div', 'hit-head');
  const title = make('h2', 'hit-title');
  appendMarked(title, hit.doc.title, hit.highlights?.title ?? []);
  head.append(make('span', 'hit-rank', integers.format(rank)), title, make('span', 'hit-category', hit.doc.category));
  const text = make('p', 'hit-snippet');
  // snippet() HTML-escapes the article text; only its <mark> markers are markup.
  text.innerHTML = snippet(hit.doc.body, hit.highlights?.body ?? [], { length: SNIPPET_LENGTH });
  const meta = make('p', 'hit-meta');
  meta.dir = 'ltr';
  meta.textContent = `${String(hit.id)} · score ${hit.score.toFixed(2)}`;
  item.append(head, text, meta);
  return item;
}

function renderUnderstood(query: string): void {
  understood.replaceChildren(make('span', 'understood-label', 'بعد التحليل:'));
  for (const token of analyze(query)) {
    const chip = make('span', 'term');
    const written = query.slice(token.start, token.end);
    chip.append(make('span', 'term-written', written));
    if (token.term !== written) chip.append(' ← ', make('span', 'term-indexed', token.term));
    understood.append(chip);
  }
}

function run(): void {
  const query = input.value.trim();
  const url = new URL(location.href);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  history.replaceState(null, '', url);

  if (query === '') {
    selected = undefined;
    results.replaceChildren();
    examples.hidden = false;
    understood.replaceChildren();
    status.textContent = `${integers.format(index.size)} مقالاً في الفهرس. اكتب كلمة للبحث.`;
    status.dataset.total = '';
    status.dataset.query = '';
    renderFacets(allCategories, index.size);
    return;
  }
  examples.hidden = true;

  const started = performance.now();
  const all = search(query, undefined, true);
  const page = selected === undefined ? all : search(query, selected, false);
  const ms = performance.now() - started;

  results.replaceChildren(...page.map((hit, i) => renderHit(hit, i + 1)));
  renderFacets(all.facets.category, all.total);
  renderUnderstood(query);
  const shown = selected === undefined ? '' : ` في «${selected}»`;
  status.replaceChildren(
    make('span', 'status-count', `${resultsPhrase(page.total)}${shown}`),
    make('span', 'status-time', `زمن البحث ${numbers.format(ms)} ملّي ثانية`),
  );
  // A word the index does not know (typos are still matched, ranked lower): offer the correction.
  const better = index.didYouMean(query);
  if (better !== undefined) {
    const link = make('button', 'did-you-mean', better);
    link.type = 'button';
    link.addEventListener('click', () => {
      input.value = better;
      run();
    });
    status.append(make('span', 'status-hint', 'هل تقصد: '), link);
  }
  status.dataset.total = String(page.total);
  status.dataset.ms = ms.toFixed(3);
  status.dataset.query = query;
  status.dataset.category = selected ?? '';
}

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

async function main(): Promise<void> {
  status.textContent = 'جارٍ تحميل المقالات…';
  const response = await fetch(DATA_URL);
  if (!response.ok) throw new Error(`${DATA_URL}: HTTP ${response.status}`);
  const articles = (await response.json()) as Article[];
  const started = performance.now();
  index.addAll(articles);
  const buildMs = performance.now() - started;

  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  allCategories = [...counts].map(([value, count]) => ({ value, count }));

  element('built').textContent = `فُهرس ${integers.format(articles.length)} مقالاً في ${numbers.format(buildMs)} ملّي ثانية`;
  for (const query of EXAMPLES) {
    const chip = make('button', 'example', query);
    chip.type = 'button';
    chip.addEventListener('click', () => {
      input.value = query;
      run();
      input.focus();
    });
    examples.append(chip);
  }

  input.addEventListener('input', schedule);
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  input.value = new URL(location.href).searchParams.get('q') ?? '';
  run();
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  status.textContent = `تعذّر تحميل العرض: ${String(error)}`;
  status.classList.add('error');
});
