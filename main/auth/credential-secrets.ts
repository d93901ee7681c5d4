import { createHash, randomBytes } from 'node:crypto';

/** Every personal API token starts so: secret scanners and people can tell what it is. */
export const API_TOKEN_PREFIX = 'assay_pat_';
/** How much of a token is kept to tell tokens apart (`assay_pat_` and 6 more characters). */
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
/** base64url of 32 bytes. */
const SECRET_LENGTH = 43;
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: a session cookie's value. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): { token: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

/** What is stored of a secret: its sha256 (hex). The secrets are random, so no salt is needed. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Whether a value can be a session secret at all (anything else is refused before a lookup). */
export function isSessionSecretShape(value: string): boolean {
  return value.length === SECRET_LENGTH && SECRET_SHAPE.test(value);
}

export function isApiTokenShape(value: string): boolean {
  return (
    value.startsWith(API_TOKEN_PREFIX) &&
    value.length === API_TOKEN_PREFIX.length + SECRET_LENGTH &&
    SECRET_SHAPE.test(value.slice(API_TOKEN_PREFIX.length))
  );
}
