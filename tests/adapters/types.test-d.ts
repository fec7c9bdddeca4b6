import type { Tokenizer } from '@orama/orama';
import type { EncoderOptions, IndexOptions } from 'flexsearch';
import type { Options } from 'minisearch';
import { expectTypeOf, test } from 'vitest';
import { fahrasEncoder } from '../../src/adapters/flexsearch.js';
import { fahrasMiniSearch } from '../../src/adapters/minisearch.js';
import { fahrasTokenizer } from '../../src/adapters/orama.js';

test('each adapter returns what its engine option expects', () => {
  expectTypeOf(fahrasEncoder()).toEqualTypeOf<EncoderOptions>();
  expectTypeOf(fahrasEncoder()).toExtend<NonNullable<IndexOptions['encoder']>>();
  expectTypeOf(fahrasMiniSearch()).toExtend<Pick<Options, 'tokenize' | 'processTerm'>>();
  expectTypeOf(fahrasMiniSearch().tokenize).returns.toEqualTypeOf<string[]>();
  expectTypeOf(fahrasTokenizer()).toEqualTypeOf<Tokenizer>();
});

test('adapters take the analyzer options', () => {
  expectTypeOf(fahrasEncoder).parameter(0).toExtend<{ stem?: boolean | ((term: string) => string) } | undefined>();
  // @ts-expect-error: not an analyzer option
  fahrasTokenizer({ stemming: true });
});
