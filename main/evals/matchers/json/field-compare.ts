import { z } from 'zod';
import { firstJsonDifference } from './deep-equal';
import { collapseWhitespace, show } from '../core/reason-format';

export const normalizeOptionsSchema = z.strictObject({
  trim: z.boolean().optional(),
  ignoreCase: z.boolean().optional(),
  /** Runs of whitespace count as one space (and ends are trimmed). */
  collapseWhitespace: z.boolean().optional(),
  /** Numbers within this absolute difference are equal (`0.01` for prices). */
  numberTolerance: z.number().min(0, { error: 'numberTolerance must be 0 or more' }).optional(),
});

export type NormalizeOptions = z.infer<typeof normalizeOptionsSchema>;

export interface FieldResult {
  readonly field: string;
  readonly pass: boolean;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly note?: string;
}

function normalizeText(text: string, o: NormalizeOptions): string {
  let out = o.collapseWhitespace ? collapseWhitespace(text) : o.trim ? text.trim() : text;
  if (o.ignoreCase) out = out.toLowerCase();
  return out;
}

/** Applies the text options to every string inside a value, so nested fields compare alike. */
function normalizeDeep(value: unknown, o: NormalizeOptions): unknown {
  if (typeof value === 'string') return normalizeText(value, o);
  if (Array.isArray(value)) return value.map((v) => normalizeDeep(v, o));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeDeep(v, o)]));
  }
  return value;
}

/** Extraction models write numbers as text ("1,200", " 42 "); such text compares as a number. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const cleaned = value.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Compares one field; a number expected accepts numeric text, a text expected accepts a number. */
export function compareField(
  field: string,
  expected: unknown,
  actual: unknown,
  o: NormalizeOptions,
): FieldResult {
  const base = { field, expected, actual };
  if (actual === undefined) return { ...base, pass: false, note: 'missing from the output' };
  if (typeof expected === 'number') {
    const n = asNumber(actual);
    if (n === undefined)
      return { ...base, pass: false, note: `expected number ${expected}, got ${show(actual, 30)}` };
    const tolerance = o.numberTolerance ?? 0;
    const pass = Math.abs(n - expected) <= tolerance;
    return pass
      ? { ...base, pass }
      : {
          ...base,
          pass,
          note: `expected ${expected}${tolerance > 0 ? ` ± ${tolerance}` : ''}, got ${n}`,
        };
  }
  if (typeof expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
    return compareField(field, expected, String(actual), o);
  }
  const diff = firstJsonDifference(normalizeDeep(expected, o), normalizeDeep(actual, o));
  if (diff === null) return { ...base, pass: true };
  const where = diff.path === '$' ? '' : ` at ${diff.path.replace(/^\$/, field)}`;
  // A plain text mismatch reads best as "expected …, got …", which the reason builds itself.
  if (typeof expected === 'string') return { ...base, pass: false };
  return { ...base, pass: false, note: `differs${where}: ${diff.message}` };
}
