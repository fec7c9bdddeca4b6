import { describe, expect, it } from 'vitest';
import { DocumentTable } from '../../src/index/documents.js';

describe('DocumentTable', () => {
  it('assigns dense internal ids and keeps lengths and stored fields', () => {
    const docs = new DocumentTable<{ title: string }>(2);
    expect(docs.add('a', { title: 'x' }, [3, 10])).toBe(0);
    expect(docs.add(7, undefined, [1, 0])).toBe(1);
    expect(docs.internalId('a')).toBe(0);
    expect(docs.internalId(7)).toBe(1);
    expect(docs.internalId('7')).toBe(-1);
    expect(docs.fieldLength(0, 1)).toBe(10);
    expect(docs.storedFields(0)).toEqual({ title: 'x' });
    expect(docs.externalId(1)).toBe(7);
    expect(docs.docCount).toBe(2);
    expect(docs.averageFieldLength(0)).toBe(2);
    expect(docs.averageFieldLength(1)).toBe(5);
  });

  it('tombstones removed documents and keeps statistics over live ones', () => {
    const docs = new DocumentTable(1);
    docs.add('a', undefined, [4]);
    docs.add('b', undefined, [8]);
    docs.remove(0);
    docs.remove(0);
    expect(docs.isRemoved(0)).toBe(true);
    expect(docs.internalId('a')).toBe(-1);
    expect(docs.docCount).toBe(1);
    expect(docs.removedCount).toBe(1);
    expect(docs.totalFieldLength(0)).toBe(8);
    expect(docs.averageFieldLength(0)).toBe(8);
  });

  it('compact renumbers survivors in order', () => {
    const docs = new DocumentTable<{ n: number }>(1);
    for (let i = 0; i < 5; i++) docs.add(`d${i}`, { n: i }, [i]);
    docs.remove(1);
    docs.remove(3);
    expect(Array.from(docs.compact())).toEqual([0, -1, 1, -1, 2]);
    expect(docs.capacity).toBe(3);
    expect(docs.removedCount).toBe(0);
    expect(docs.internalId('d4')).toBe(2);
    expect(docs.storedFields(2)).toEqual({ n: 4 });
    expect(docs.fieldLength(1, 0)).toBe(2);
    expect(docs.totalFieldLength(0)).toBe(6);
    expect(docs.add('d5', { n: 5 }, [1])).toBe(3);
  });

  it('averages are 0 for an empty table', () => {
    const docs = new DocumentTable(1);
    expect(docs.averageFieldLength(0)).toBe(0);
    docs.add('a', undefined, [2]);
    docs.clear();
    expect(docs.docCount).toBe(0);
    expect(docs.internalId('a')).toBe(-1);
  });
});
