import type { RedactionKind, RedactionPreview } from '../../../shared/contract/trace-actions';
import type { JsonValue } from '../../evals/datasets/case-draft';
import { cutSecretValues, redactText } from '../redact';

const REDACTED = '[REDACTED]';

// Every pattern is bounded (no unbounded run next to an overlapping one), so a megabyte of
// hostile text is scanned in linear time.
// Found from each "@" (a regex for the local part would start at every character of a long
// run); the local part is then walked back over at most 64 characters.
const EMAIL_DOMAIN = /@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}/g;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const PHONE = /(?<![\w+])\+?\(?\d(?:[ ().-]{0,2}\d){8,16}(?!\w)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Card numbers carry a Luhn check digit; most other 13-19 digit runs fail it. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const count = (text: string, part: string) => text.split(part).length - 1;

type Counts = Map<RedactionKind, number>;

/** Emails masked, local part included; `found` is told of each. */
function maskEmails(text: string, found: () => void): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(EMAIL_DOMAIN)) {
    let start = match.index;
    while (start > from && match.index - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === match.index) continue;
    found();
    out += `${text.slice(from, start)}[EMAIL]`;
    from = match.index + match[0].length;
  }
  return out + text.slice(from);
}

/** Masks one string, counting what was masked by kind. */
export function maskText(text: string, secrets: readonly string[], counts: Counts): string {
  const add = (kind: RedactionKind, n: number) => {
    if (n > 0) counts.set(kind, (counts.get(kind) ?? 0) + n);
  };
  const before = count(text, REDACTED);
  let out = cutSecretValues(text, secrets);
  const afterSecrets = count(out, REDACTED);
  add('secret', afterSecrets - before);
  // Key shapes and named credentials (`api_key=…`, `Bearer …`): the tracing redactor's rules.
  out = redactText(out, []);
  add('api-key', count(out, REDACTED) - afterSecrets);
  // Cards before phones (a card is no phone number); text without digits skips both scans.
  const digits = /\d/.test(out);
  if (digits)
    out = out.replace(CARD, (match) => {
      if (!luhn(match.replace(/\D/g, ''))) return match;
      add('card', 1);
      return '[CARD]';
    });
  if (out.includes('@')) out = maskEmails(out, () => add('email', 1));
  if (digits)
    out = out.replace(PHONE, (match) => {
      const n = match.replace(/\D/g, '').length;
      if (n < 10 || n > 15 || ISO_DATE.test(match)) return match;
      add('phone', 1);
      return '[PHONE]';
    });
  return out;
}

function maskJson(value: JsonValue, secrets: readonly string[], counts: Counts): JsonValue {
  if (typeof value === 'string') return maskText(value, secrets, counts);
  if (Array.isArray(value)) return value.map((v) => maskJson(v, secrets, counts));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, v] of Object.entries(value)) out[key] = maskJson(v, secrets, counts);
    return out;
  }
  return value;
}

/**
 * A case draft with likely secrets and personal data masked: the configured keys, key-shaped
 * strings and named credentials, card numbers (Luhn-checked), emails and phone numbers. The
 * preview shows it before anything is saved; the user keeps the masked or the original text.
 */
export function redactionPreview(
  draft: { vars: Readonly<Record<string, string>>; expected?: JsonValue },
  secrets: readonly string[],
): RedactionPreview {
  const findings: RedactionPreview['findings'] = [];
  const collect = (field: string, counts: Counts) => {
    for (const [kind, n] of counts) findings.push({ field, kind, count: n });
  };
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.vars)) {
    const counts: Counts = new Map();
    vars[name] = maskText(value, secrets, counts);
    collect(`vars.${name}`, counts);
  }
  if (draft.expected === undefined) return { vars, findings };
  const counts: Counts = new Map();
  const expected = maskJson(draft.expected, secrets, counts);
  collect('expected', counts);
  return { vars, expected, findings };
}
