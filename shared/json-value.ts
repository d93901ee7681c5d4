/**
 * Whether a value is plain JSON (what `z.json()` accepts: null, booleans, finite numbers,
 * strings, arrays and plain objects of them), checked without zod: an import checks every
 * matcher of every case this way, and z.json() took ~4 µs a matcher against ~0.2 µs here.
 */
export function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        // By index, not every(): a hole in a sparse array is undefined, which JSON cannot hold.
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i])) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.values(value).every(isPlainJson);
    }
    default:
      return false;
  }
}
