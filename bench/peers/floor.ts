/**
 * The floor: `text.split(/\s+/)` plus a `Map` count over the same text (title, category, body).
 * No analysis, no postings, no search: the least work any indexer must do, so "within N× of the
 * floor" says how much the rest costs.
 * @module
 */
import type { Peer } from './types.js';

const WHITESPACE = /\s+/;

/** Create the split+Map floor. */
export function createFloor(): Peer {
  let counts = new Map<string, number>();
  let docsSeen = 0;
  const addText = (text: string): void => {
    for (const word of text.split(WHITESPACE)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  return {
    features: { prefix: false, fuzzy: false, export: false, search: false },
    build(docs) {
      counts = new Map();
      docsSeen = 0;
      for (const d of docs) {
        addText(d.title);
        addText(d.category);
        addText(d.body);
        docsSeen++;
      }
    },
    count() {
      return counts.size > 0 ? docsSeen : 0;
    },
    search() {
      return [];
    },
  };
}
