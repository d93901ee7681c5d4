const REDACTED = '[REDACTED]';
// Header and field names whose values are credentials, whatever the provider.
const SECRET_FIELD =
  /^(authorization|x-api-key|api[-_]?key|apikey|secret[-_]?access[-_]?key|session[-_]?token|x-amz-security-token|password|token)$/i;

const replacer = (key: string, value: unknown): unknown =>
  key !== '' && SECRET_FIELD.test(key) && value != null ? REDACTED : value;

/**
 * JSON of a value made safe to store in a span: fields named like credentials are blanked, and
 * every known secret value (the configured API keys) is cut out of the text, so a key pasted
 * into a prompt never reaches SQLite either. Secrets are plain tokens (no quotes or
 * backslashes), so they appear in the JSON text exactly as in the strings it encodes.
 */
export function redactJson(value: unknown, secrets: readonly string[]): string {
  let json = JSON.stringify(value, replacer);
  for (const secret of secrets)
    if (secret.length >= 8 && json.includes(secret)) json = json.split(secret).join(REDACTED);
  return json;
}

/** Cuts known secrets out of a plain string (an error message). */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret.length >= 8 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
