import { describe, expect, it } from 'vitest';
import { toArchiveDocument } from '../../src/ingest/record.js';

describe('toArchiveDocument', () => {
  it('accepts an ANT record and drops extra fields', () => {
    const r = toArchiveDocument({ id: 'AL-culture-1-20180218', title: 'ع', category: 'ثقافة', body: 'نص', source: 'ANT' });
    expect(r).toEqual({ doc: { id: 'AL-culture-1-20180218', title: 'ع', category: 'ثقافة', body: 'نص' } });
  });

  it('turns a numeric id into a string and fills missing or null title and category with ""', () => {
    expect(toArchiveDocument({ id: 7, body: 'نص', title: null })).toEqual({ doc: { id: '7', title: '', category: '', body: 'نص' } });
  });

  it.each([
    [null, 'record is null, not an object'],
    [[1, 2], 'record is an array, not an object'],
    ['text', 'record is a string, not an object'],
    [{ body: 'نص' }, 'record has no "id"'],
    [{ id: '', body: 'نص' }, 'record has no "id"'],
    [{ id: '  ', body: 'نص' }, '"id" is a string of blanks, not a string or finite number'],
    [{ id: Number.NaN, body: 'نص' }, '"id" is a number, not a string or finite number'],
    [{ id: { x: 1 }, body: 'نص' }, '"id" is an object, not a string or finite number'],
    [{ id: 'a', title: 'ع' }, 'record "a" has no "body"'],
    [{ id: 'a', body: ['نص'] }, 'record "a": "body" is an array, not a string'],
    [{ id: 'a', body: ' \n ' }, 'record "a" has an empty "body"'],
    [{ id: 'a', body: 'نص', title: 5 }, 'record "a": "title" is a number, not a string'],
    [{ id: 'a', body: 'نص', category: ['x'] }, 'record "a": "category" is an array, not a string'],
  ])('rejects %j: %s', (value, reason) => {
    expect(toArchiveDocument(value)).toEqual({ reason });
  });
});
