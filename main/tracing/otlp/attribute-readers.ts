import { otlpError } from './otlp-error';

/**
 * Typed reads of mapped attributes. An attribute Assay maps must have the type its convention
 * gives it: a token count that is text, a cost that is negative, is a coded 400 naming the span
 * and key (the batch is refused), not a silently wrong number.
 */
export type Attrs = Readonly<Record<string, unknown>>;

function wrongType(where: string, key: string, expected: string): never {
  throw otlpError(`${where}: attribute "${key}" must be ${expected}`, {
    field: `attributes.${key}`,
  });
}

export function readString(attrs: Attrs, key: string, where: string): string | undefined {
  const v = attrs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') wrongType(where, key, 'a string');
  return v === '' ? undefined : v;
}

/** A string, or a number/bool written as one (ids and names some SDKs send as ints). */
export function readText(attrs: Attrs, key: string, where: string): string | undefined {
  const v = attrs[key];
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return readString(attrs, key, where);
}

export function readCount(attrs: Attrs, key: string, where: string): number | undefined {
  const v = attrs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    wrongType(where, key, 'a non-negative integer');
  return v;
}

export function readNumber(attrs: Attrs, key: string, where: string): number | undefined {
  const v = attrs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) wrongType(where, key, 'a number');
  return v;
}

export function readCost(attrs: Attrs, key: string, where: string): number | undefined {
  const v = readNumber(attrs, key, where);
  if (v !== undefined && (v < 0 || v > 1e6)) wrongType(where, key, 'a USD amount from 0 to 1e6');
  return v;
}

export function readStringList(attrs: Attrs, key: string, where: string): string[] | undefined {
  const v = attrs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.split(',');
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    wrongType(where, key, 'a list of strings');
  return v as string[];
}

/** JSON text parsed, or the value itself when it is already structured; undefined when unparsable. */
export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function first<T>(...values: (T | undefined)[]): T | undefined {
  for (const v of values) if (v !== undefined) return v;
  return undefined;
}
