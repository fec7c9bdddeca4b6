/**
 * Regression: a field named like a member every object inherits (`constructor`, `toString`,
 * `__proto__` …) read the inherited function from documents without that field, so every `add`
 * failed with INVALID_FIELD, and a stored `__proto__` value was silently lost. `createIndex` now
 * refuses such names with INVALID_OPTION naming the option.
 */
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/engine.js';
import { FahrasError } from '../../src/errors.js';

function optionError(options: unknown): FahrasError {
  try {
    createIndex(options as never);
  } catch (e) {
    if (e instanceof FahrasError) return e;
    throw e;
  }
  throw new Error('createIndex accepted the options');
}

describe('names every object inherits', () => {
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    it(`refuses ${name} as the id, an indexed field or a stored field`, () => {
      for (const [options, option] of [
        [{ id: name, fields: ['title'] }, 'id'],
        [{ id: 'id', fields: ['title', name] }, 'fields'],
        [{ id: 'id', fields: { title: {}, [name]: {} } }, 'fields'],
        [{ id: 'id', fields: ['title'], store: [name] }, 'store'],
      ] as const) {
        const err = optionError(options);
        expect(err.code).toBe('INVALID_OPTION');
        expect(err.details.option).toBe(option);
        expect(err.message).toContain(name);
      }
    });
  }

  it('ordinary names that merely look like them still work', () => {
    const index = createIndex<{ id: string; constructorName: string; proto: string }, 'proto'>({ id: 'id', fields: ['constructorName'], store: ['proto'] });
    index.add({ id: 'a', constructorName: 'كتاب', proto: 'x' });
    expect(index.search('كتاب').map((h) => [h.id, h.doc])).toEqual([['a', { proto: 'x' }]]);
  });
});
