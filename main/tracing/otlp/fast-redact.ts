import { cutSecretValues, redactJson } from '../redact';

/** Field names redactJson blanks (redact.ts SECRET_FIELD), as they appear as keys in JSON text. */
const SECRET_KEY_IN_JSON =
  /"(authorization|x-api-key|api[-_]?key|apikey|secret[-_]?access[-_]?key|session[-_]?token|x-amz-security-token|password|token)"\s*:/i;
const SECRET_NAME =
  /^(authorization|x-api-key|api[-_]?key|apikey|secret[-_]?access[-_]?key|session[-_]?token|x-amz-security-token|password|token)$/i;

/**
 * redactJson's result without its cost on the common path: JSON.stringify with a replacer
 * function is several times slower than without, and ingest stringifies two payloads per span.
 * Only text that holds a credential-named field goes through redactJson itself.
 */
export function redactedJson(value: unknown, secrets: readonly string[]): string {
  const json = JSON.stringify(value);
  if (SECRET_KEY_IN_JSON.test(json)) return redactJson(value, secrets);
  return cutSecretValues(json, secrets);
}

/**
 * Kept attributes with secrets cut out: a credential-named key (its last dotted segment, as
 * in `http.request.header.authorization`) is blanked, known secret values cut from strings.
 */
export function redactAttributes(
  attrs: Record<string, unknown>,
  secrets: readonly string[],
): Record<string, unknown> {
  for (const key of Object.keys(attrs)) {
    const value = attrs[key];
    if (value === null || value === undefined) continue;
    if (SECRET_NAME.test(key.slice(key.lastIndexOf('.') + 1))) attrs[key] = '[REDACTED]';
    else if (typeof value === 'string') attrs[key] = cutSecretValues(value, secrets);
    else if (typeof value === 'object')
      attrs[key] = JSON.parse(redactedJson(value, secrets)) as unknown;
  }
  return attrs;
}
