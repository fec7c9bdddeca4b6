/**
 * Builds the index of the demo sample and saves it with `index.export()`: the bytes the worker
 * example loads with `loadIndex`. scripts/serve.mjs runs it when it builds the demo (as
 * sample.fahras beside the page); in an application this is a build step in Node.
 */
import { articlePreset, createIndex } from '../../src/index.js';
import type { Article, Stored } from './protocol.js';

/** The saved index of `articles` (title, category and body indexed; title and category stored). */
export function saveSample(articles: readonly Article[]): Uint8Array {
  const index = createIndex<Article, Stored>({ ...articlePreset, store: ['title', 'category'] });
  index.addAll(articles);
  return index.export();
}
