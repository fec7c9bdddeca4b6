/**
 * Regression: `snippet` threw a TypeError for `null` options or a `null` range, silently ignored
 * a misspelt option (`{ lenght: 80 }`) and accepted a non-boolean `escapeHtml`. Now: INVALID_OPTION
 * / UNKNOWN_OPTION naming the option; malformed ranges are ignored like out-of-text ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snippet } from '../../src/search/snippet.js';
import type { SnippetRange } from '../../src/search/snippet.js';
import { expectError } from './helpers.js';

const TEXT = 'أعلنت الهيئة نتائج الانتخابات البلدية بعد فرز الأصوات في كل الدوائر 😀 <b>&</b>';

describe('snippet with hostile arguments', () => {
  it('options: not an object is INVALID_OPTION, a typo UNKNOWN_OPTION naming it, a wrong type INVALID_OPTION', () => {
    for (const options of [null, 'x', 5, []]) expectError(() => snippet(TEXT, [], options as never), 'INVALID_OPTION');
    expect(expectError(() => snippet(TEXT, [], { lenght: 20 } as never), 'UNKNOWN_OPTION').details.option).toBe('lenght');
    for (const [options, option] of [
      [{ escapeHtml: 'no' }, 'escapeHtml'],
      [{ length: 0 }, 'length'],
      [{ length: 2.5 }, 'length'],
      [{ before: 1 }, 'before'],
    ] as const) {
      expect(expectError(() => snippet(TEXT, [], options as never), 'INVALID_OPTION').details.option).toBe(option);
    }
  });

  it('malformed ranges are ignored, valid ones still marked', () => {
    const word = TEXT.indexOf('الانتخابات');
    const good: SnippetRange = [word, word + 'الانتخابات'.length];
    const junk = [null, undefined, 5, 'x', {}, [Number.NaN, 3], [-1, 2], [3, 1], [0, 1e9], [1.5, 3]] as unknown as SnippetRange[];
    expect(snippet(TEXT, [...junk, good])).toBe(snippet(TEXT, [good]));
    expect(snippet(TEXT, [good])).toContain('<mark>الانتخابات</mark>');
    expect(snippet(TEXT, 'x' as never)).toBe(snippet(TEXT, []));
  });

  it('any text, ranges and length: a string, never a cut surrogate pair (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 220 }), fc.integer({ min: -5, max: 220 })), { maxLength: 6 }),
        fc.integer({ min: 1, max: 80 }),
        (text, ranges, length) => {
          const out = snippet(text, ranges, { length, before: '[', after: ']', escapeHtml: false, ellipsis: '…' });
          expect(typeof out).toBe('string');
          // no lone surrogate appears that the input did not have
          const lone = (s: string): number => (s.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g) ?? []).length;
          expect(lone(out)).toBe(0);
        },
      ),
      { numRuns: 300, seed: 0x5a1 },
    );
  });
});
