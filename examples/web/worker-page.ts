/**
 * The worker demo page (worker.html): the index lives in a Web Worker (worker.ts), loaded from a
 * saved index file; the page only sends queries and renders the answers, so it never blocks.
 */
import type { FromPage, ToPage, WorkerHit } from './protocol.js';

const input = document.getElementById('q') as HTMLInputElement;
const status = document.getElementById('status') as HTMLElement;
const results = document.getElementById('results') as HTMLOListElement;

const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
const send = (message: FromPage): void => worker.postMessage(message);

let latest = 0;

function render(hits: readonly WorkerHit[]): void {
  results.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li');
      item.className = 'hit';
      item.dataset.id = hit.id;
      const title = document.createElement('h2');
      title.className = 'hit-title';
      title.textContent = hit.title;
      const category = document.createElement('span');
      category.className = 'hit-category';
      category.textContent = hit.category;
      const head = document.createElement('div');
      head.className = 'hit-head';
      head.append(title, category);
      item.append(head);
      return item;
    }),
  );
}

worker.addEventListener('message', (event: MessageEvent<ToPage>) => {
  const message = event.data;
  if (message.type === 'ready') {
    status.textContent = `الفهرس جاهز في العامل: ${message.documents} مقالاً، ${message.bytes} بايت، ${message.ms.toFixed(1)} ملّي ثانية`;
    document.body.dataset.ready = 'true';
    input.disabled = false;
    input.focus();
  } else if (message.type === 'results') {
    if (message.id !== latest) return; // an answer to a query the user has since changed
    render(message.hits);
    status.textContent = `عدد النتائج: ${message.total} · ${message.ms.toFixed(2)} ملّي ثانية في العامل`;
    status.dataset.query = message.query;
    status.dataset.total = String(message.total);
  } else {
    status.textContent = `خطأ: ${message.message}`;
    status.dataset.error = message.message;
  }
});

input.addEventListener('input', () => {
  latest++;
  const query = input.value.trim();
  if (query === '') {
    results.replaceChildren();
    status.dataset.query = '';
    return;
  }
  send({ type: 'search', id: latest, query, limit: 10 });
});

input.disabled = true;
send({ type: 'load', url: new URL('sample.fahras', location.href).href });
