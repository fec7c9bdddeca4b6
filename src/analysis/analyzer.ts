/**
 * The analyzer: one ordered chain (normalize → tokenize → stopwords → stem) that serves both
 * indexing and querying. PLACEHOLDER: the full chain replaces this body; the exported
 * interface (`Analyzer`, `TokenSink`, `createAnalyzer`, `analyze`) is the contract the index uses.
 * @module
 */
import type { Token } from './types.js';

/**
 * Receives each kept token of a text without allocating a {@link Token} object (the index's hot
 * path). Offsets are into the original text.
 */
export type TokenSink = (term: string, surface: string, start: number, end: number, position: number) => void;

/** Options of {@link createAnalyzer}. */
export interface AnalyzerOptions {
  /** Light-stem terms. Default `true`. */
  stem?: boolean;
}

/** A configured analysis chain. */
export interface Analyzer {
  /** Analyze `text` into tokens with offsets into `text`. */
  analyze(text: string): Token[];
  /**
   * Stream the kept tokens of `text` to `sink`. Positions start at `firstPosition` (default 0).
   * @returns the position after the last word of `text` (stopwords counted), for gaps between array items.
   */
  run(text: string, sink: TokenSink, firstPosition?: number): number;
}

/** Create an analyzer. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  void options;
  const run = (text: string, sink: TokenSink, firstPosition = 0): number => {
    let position = firstPosition;
    const re = /[^\s،؛؟«».,;:!?"'()[\]{}]+/gu;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const word = m[0].toLowerCase();
      sink(word, word, m.index, m.index + m[0].length, position++);
    }
    return position;
  };
  return {
    run,
    analyze(text) {
      const out: Token[] = [];
      run(text, (term, surface, start, end, position) => out.push({ term, surface, start, end, position }));
      return out;
    },
  };
}

/** Analyze `text` with the default chain. */
export function analyze(text: string, options?: AnalyzerOptions): Token[] {
  return createAnalyzer(options).analyze(text);
}
