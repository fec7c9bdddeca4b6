/**
 * Stored field values in a saved index: a tagged binary form of JSON-like values.
 *
 * Values are saved as `JSON.stringify` would see them (an object's own enumerable string keys,
 * `toJSON` applied, so a `Date` comes back as its ISO string; functions and symbols dropped from
 * objects and `null` in arrays), except that more survives exactly: `undefined` in arrays, `-0`,
 * `NaN`, `±Infinity` and strings with lone surrogates. A `bigint`, or nesting deeper than
 * {@link MAX_DEPTH} (a cycle, say), cannot be saved: `export` throws `INVALID_FIELD` naming the
 * document and field.
 *
 * ```ts
 * writeValue(w, { tags: ['a', 1] }, ctx);
 * readValue(r, 0); // { tags: ['a', 1] }
 * ```
 * @module
 */
import { FahrasError } from '../errors.js';
import type { ByteReader, ByteWriter } from './bytes.js';

/** Deepest nesting of arrays and objects in a stored value. */
export const MAX_DEPTH = 256;

const NULL = 0;
const UNDEFINED = 1;
const FALSE = 2;
const TRUE = 3;
const STRING = 4;
const UINT = 5;
const NEGATIVE = 6;
const FLOAT = 7;
const ARRAY = 8;
const OBJECT = 9;

/** The document and field a value belongs to, for the error message. */
export interface ValueContext {
  /** The document's id. */
  readonly id: string | number;
  /** The stored field. */
  readonly field: string;
}

function unsaveable(ctx: ValueContext, what: string): never {
  throw new FahrasError('INVALID_FIELD', `Stored field ${ctx.field} of document ${String(ctx.id)} cannot be saved: ${what}`, { id: ctx.id, field: ctx.field });
}

/** Whether a value is left out of an object (as JSON does). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Write one value (see the module doc for what is kept). */
export function writeValue(w: ByteWriter, value: unknown, ctx: ValueContext, depth = 0, key = ''): void {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'string':
      w.byte(STRING);
      w.string(value);
      return;
    case 'number':
      if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff && !Object.is(value, -0)) {
        w.byte(UINT);
        w.varint(value);
      } else if (Number.isInteger(value) && value < 0 && value >= -0xffffffff) {
        w.byte(NEGATIVE);
        w.varint(-value);
      } else {
        w.byte(FLOAT);
        w.float64(value);
      }
      return;
    case 'boolean':
      w.byte(value ? TRUE : FALSE);
      return;
    case 'undefined':
    case 'function':
    case 'symbol':
      w.byte(depth === 0 ? UNDEFINED : NULL);
      return;
    case 'bigint':
      return unsaveable(ctx, 'it holds a bigint');
  }
  if (value === null) {
    w.byte(NULL);
    return;
  }
  if (depth >= MAX_DEPTH) unsaveable(ctx, `it nests deeper than ${MAX_DEPTH} levels (a cycle?)`);
  if (Array.isArray(value)) {
    w.byte(ARRAY);
    w.varint(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) w.byte(UNDEFINED);
      else writeValue(w, item, ctx, depth + 1, String(i));
    }
    return;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !omitted(o[k]));
  w.byte(OBJECT);
  w.varint(keys.length);
  for (const k of keys) {
    w.string(k);
    writeValue(w, o[k], ctx, depth + 1, k);
  }
}

/** Read one value written by {@link writeValue}; CORRUPT_INDEX on anything malformed. */
export function readValue(r: ByteReader, depth = 0): unknown {
  const tag = r.varint(OBJECT);
  switch (tag) {
    case NULL:
      return null;
    case UNDEFINED:
      return undefined;
    case FALSE:
      return false;
    case TRUE:
      return true;
    case STRING:
      return r.string();
    case UINT:
      return r.varint(0xffffffff);
    case NEGATIVE:
      return -r.varint(0xffffffff);
    case FLOAT:
      return r.float64();
  }
  if (depth >= MAX_DEPTH) r.fail('stored value nested too deeply');
  // Every item takes at least one byte: a length beyond the bytes left is corrupt.
  const n = r.varint(r.remaining);
  if (tag === ARRAY) {
    const a: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) a[i] = readValue(r, depth + 1);
    return a;
  }
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const k = r.string();
    const v = readValue(r, depth + 1);
    // A key named __proto__ is an own property, as JSON.parse makes it.
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return o;
}
