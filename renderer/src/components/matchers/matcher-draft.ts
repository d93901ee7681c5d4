import { z } from 'zod';
import type { MatcherField, MatcherInput, MatcherTypeView } from '../../../../shared/contract';

/**
 * A matcher's options as a form holds them: text for what is typed (numbers and JSON included,
 * so a half-typed value stays as typed), true/false for switches.
 */
export type MatcherDraft = Record<string, string | boolean>;

/** The common options every editor shows under the type's own. */
const NOT = 'not';
const THRESHOLD = 'threshold';

function textOf(field: MatcherField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

/** The form's values for a matcher (its options as text, switches as booleans). */
export function draftOf(value: MatcherInput, type: MatcherTypeView): MatcherDraft {
  const draft: MatcherDraft = {
    [NOT]: value.not === true,
    [THRESHOLD]: typeof value.threshold === 'number' ? String(value.threshold) : '',
  };
  for (const field of type.fields)
    draft[field.name] =
      field.kind === 'boolean' ? value[field.name] === true : textOf(field, value[field.name]);
  return draft;
}

function valueOf(field: MatcherField, text: string): unknown {
  if (field.kind === 'number' || field.kind === 'integer') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (field.kind === 'json') {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed;
    } catch {
      // Sent as typed: the server names the field, as the form already does.
      return text;
    }
  }
  return text;
}

/** The matcher a draft describes: empty options left out, so the matcher's defaults apply. */
export function matcherOf(draft: MatcherDraft, type: MatcherTypeView): MatcherInput {
  const out: MatcherInput = { type: type.type };
  for (const field of type.fields) {
    const raw = draft[field.name];
    if (field.kind === 'boolean') {
      if (raw === true) out[field.name] = true;
    } else if (typeof raw === 'string' && raw !== '') out[field.name] = valueOf(field, raw);
  }
  if (draft[NOT] === true) out.not = true;
  const threshold = draft[THRESHOLD];
  if (!type.binary && typeof threshold === 'string' && threshold.trim() !== '')
    out.threshold = valueOf({ name: THRESHOLD, kind: 'number' } as MatcherField, threshold);
  return out;
}

const isNumber = (text: string) => text.trim() === '' || Number.isFinite(Number(text));
const isJson = (text: string) => {
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

function fieldSchema(field: MatcherField): z.ZodType {
  if (field.kind === 'boolean') return z.boolean();
  let text: z.ZodType<string> = z.string();
  if (field.required) text = z.string().min(1, `${field.name} is required`);
  if (field.kind === 'number' || field.kind === 'integer')
    return text.refine(isNumber, `${field.name} must be a number`);
  if (field.kind === 'json') return text.refine(isJson, `${field.name} must be JSON`);
  return text;
}

/** What the form checks before the server does: required options, numbers, JSON. */
export function draftSchema(type: MatcherTypeView) {
  return z.object({
    [NOT]: z.boolean(),
    [THRESHOLD]: z
      .string()
      .refine(
        (t) => t.trim() === '' || (isNumber(t) && Number(t) >= 0 && Number(t) <= 1),
        'threshold must be from 0 to 1',
      ),
    ...Object.fromEntries(type.fields.map((f) => [f.name, fieldSchema(f)])),
  });
}

/** A one-line summary of a matcher (`contains value="Paris"`), for lists. */
export function matcherSummary(matcher: MatcherInput): string {
  const options = Object.entries(matcher)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  const line = options ? `${matcher.type} ${options}` : matcher.type;
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
