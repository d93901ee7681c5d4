const REDACTED = '[REDACTED]';
// Header and field names whose values are credentials, whatever the provider.
const SECRET_FIELD =
  /^(authorization|x-api-key|api[-_]?key|apikey|secret[-_]?access[-_]?key|session[-_]?token|x-amz-security-token|password|token)$/i;

/**
 * Makes a value safe to store in a span: fields named like credentials are blanked, and every
 * known secret value (the configured API keys) is cut out of any string, so a key pasted into
 * a prompt never reaches SQLite either.
 */
export function redact(value: unknown, secrets: readonly string[]): unknown {
  const known = secrets.filter((s) => s.length >= 8);
  const scrub = (text: string): string =>
    known.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return known.length > 0 ? scrub(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(v))
      out[key] = SECRET_FIELD.test(key) && member != null ? REDACTED : walk(member);
    return out;
  };
  return walk(value);
}
