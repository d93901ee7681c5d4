import { show } from '../core/reason-format';

/**
 * Deep equality of JSON values that ignores key order and reports where values first differ,
 * as `$.items[1].price`, so a failing reason points at the field to fix.
 */
export type JsonDifference = { readonly path: string; readonly message: string };

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The first difference between `expected` and `actual`, or null when they are equal. */
export function firstJsonDifference(
  expected: unknown,
  actual: unknown,
  path = '$',
): JsonDifference | null {
  if (Object.is(expected, actual) || expected === actual) return null;
  const ek = kind(expected);
  const ak = kind(actual);
  if (ek !== ak) {
    return { path, message: `expected ${ek} ${show(expected)}, got ${ak} ${show(actual)}` };
  }
  if (ek === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    const n = Math.min(e.length, a.length);
    for (let i = 0; i < n; i++) {
      const diff = firstJsonDifference(e[i], a[i], child(path, i));
      if (diff) return diff;
    }
    if (e.length !== a.length) {
      return { path, message: `expected ${e.length} items, got ${a.length}` };
    }
    return null;
  }
  if (ek === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!Object.hasOwn(a, key)) return { path: child(path, key), message: 'missing' };
      const diff = firstJsonDifference(e[key], a[key], child(path, key));
      if (diff) return diff;
    }
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(e, key)) {
        return { path: child(path, key), message: `unexpected key (value ${show(a[key])})` };
      }
    }
    return null;
  }
  return { path, message: `expected ${show(expected)}, got ${show(actual)}` };
}
