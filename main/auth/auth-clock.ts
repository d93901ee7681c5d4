/** Session lifetime: 14 days after the last use (sliding). */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * A session's expiry and a token's last use are written at most this often: reading a
 * credential on every request is one indexed query; writing it each time would be a write
 * per request.
 */
export const TOUCH_INTERVAL_MS = 60_000;

/** Login attempts: per account (guessing one password) and per address (trying many accounts). */
export interface LoginLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 10,
  perAddress: 100,
  windowMs: 15 * 60 * 1000,
};

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
