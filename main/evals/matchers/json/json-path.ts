/**
 * Dotted paths into parsed JSON: `customer.address.zip`, `items.0.sku` or `items[0].sku`.
 * Keys that contain dots cannot be addressed; such schemas are better checked with a JSON Schema.
 */
export type PathSegment = string | number;

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

/** Parses a path; returns an error message for malformed ones (`a..b`, `a[x]`, empty). */
export function parsePath(path: string): PathSegment[] | string {
  if (path.trim() === '') return 'path is empty';
  const out: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return `"${path}" is not a dotted path (use a.b.c or items[0].name)`;
    const key = match[1] ?? '';
    out.push(/^\d+$/.test(key) ? Number(key) : key);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** The value at `path`, or `undefined` when any step is missing. Own properties only. */
export function getPath(root: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node)) {
      const index = typeof segment === 'number' ? segment : Number.NaN;
      node = Number.isInteger(index) ? node[index] : undefined;
    } else if (node !== null && typeof node === 'object') {
      const key = String(segment);
      node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}
