/**
 * A fahras index inside a Web Worker: the worker fetches a saved index (`index.export()` bytes),
 * loads it with `loadIndex`, and answers searches by message, so a large index never blocks the
 * page. Bundle it as its own entry (esbuild examples/web/worker.ts --bundle --format=esm) and
 * start it with `new Worker('worker.js', { type: 'module' })`; see worker-page.ts.
 */
import { FahrasError, loadIndex } from '../../src/index.js';
import type { SearchIndex } from '../../src/index.js';
import type { Article, FromPage, Stored, ToPage } from './protocol.js';

/** The worker's global scope, typed for this protocol (the project compiles with the DOM lib). */
const scope = self as unknown as {
  postMessage(message: ToPage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromPage>) => void): void;
};

let index: SearchIndex<Article, Stored> | undefined;

function reply(message: ToPage): void {
  scope.postMessage(message);
}

async function load(url: string): Promise<void> {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  index = loadIndex<Article, Stored>(bytes);
  reply({ type: 'ready', documents: index.size, bytes: bytes.byteLength, ms: performance.now() - started });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'load') {
    load(message.url).catch((error: unknown) => reply({ type: 'error', id: undefined, message: String(error) }));
    return;
  }
  if (index === undefined) {
    reply({ type: 'error', id: message.id, message: 'no index loaded yet: send { type: "load" } first' });
    return;
  }
  try {
    const started = performance.now();
    const hits = index.search(message.query, { limit: message.limit });
    reply({
      type: 'results',
      id: message.id,
      query: message.query,
      total: hits.total,
      ms: performance.now() - started,
      hits: hits.map((h) => ({ id: h.id, score: h.score, title: h.doc.title, category: h.doc.category })),
    });
  } catch (error) {
    reply({ type: 'error', id: message.id, message: error instanceof FahrasError ? `${error.code}: ${error.message}` : String(error) });
  }
});
