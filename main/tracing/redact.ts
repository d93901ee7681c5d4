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

// Token characters of a key; a shape must start and end on a boundary of them.
const T = 'A-Za-z0-9_\\-';
/**
 * Keys by their well-known shapes, for text that holds a key Assay was not configured with (a
 * provider echoing a key from the environment, a user's other key). Each value must be long and
 * hold a digit, as generated keys do, so prose and code ("Bearer of bad news", `api_key =
 * os.environ[...]`, "sk-learn") are left alone. The digit is looked for in the first 256
 * characters only: an unbounded look-ahead from every `token=` of a long run would take time
 * quadratic in its length (a 240 kB answer of `token=token=…` took 25 s).
 */
const KEY_SHAPES: readonly RegExp[] = [
  // OpenAI sk-..., sk-proj-..., sk-svcacct-...; Anthropic sk-ant-api03-...
  new RegExp(`(?<![${T}])sk-(?=[${T}]{0,255}\\d)[${T}]{16,}`, 'g'),
  // AWS access key ids: long-term (AKIA) and temporary (ASIA).
  /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
];
/** A credential after its name (`api_key=`, `"secretAccessKey": "`, `Bearer `): the name is kept. */
const NAMED_VALUES: readonly RegExp[] = [
  /\b(bearer)(\s+)(?=[A-Za-z0-9._~+/=-]{0,255}\d)[A-Za-z0-9._~+/=-]{16,}/gi,
  /\b((?:aws[_-]?)?secret[_-]?access[_-]?key|x-api-key|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|session[_-]?token|security[_-]?token|client[_-]?secret|secret[_-]?key|password|token)(["']?\s*[:=]\s*["']?)(?=[^\s"'&,;]{0,255}\d)[^\s"'&,;]{16,}/gi,
];

/** Only the given secret values cut out of a string: no shapes, so it is cheap enough for every answer. */
export function cutSecretValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret.length >= 8 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Cuts secrets out of a plain string: every known secret value (the keys configured for the
 * call) wherever it appears, and keys of well-known shapes. For what is stored or shown of
 * provider output: error messages and cached answers. Not for every successful answer: that
 * costs a few regex passes per string.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = cutSecretValues(text, secrets);
  for (const shape of KEY_SHAPES) out = out.replace(shape, REDACTED);
  for (const named of NAMED_VALUES)
    out = out.replace(named, (_, name: string, glue: string) => `${name}${glue}${REDACTED}`);
  return out;
}

/**
 * JSON of a value with every string in it passed through `redactText`; field names are left
 * as they are (a tool call's `password` argument is the model's answer, not a credential).
 */
export function redactStrings(value: unknown, secrets: readonly string[]): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? redactText(v, secrets) : v,
  );
}
