import crypto from 'node:crypto';

/**
 * Webhook payloads are signed the way Stripe and Slack sign theirs: HMAC-SHA256 over
 * `<unix seconds>.<body>` with the webhook's secret, sent as
 * `x-assay-signature: t=<unix seconds>,v1=<hex>`. The timestamp is signed too, so a captured
 * delivery cannot be replayed later than the receiver's tolerance.
 */
export const SIGNATURE_HEADER = 'x-assay-signature';

export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver runs (documented in the README; the tests' receiver uses it): true when the
 * header signs this body with this secret, no older than `toleranceSeconds`.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signPayload(secret, body, t).split('v1=')[1]!;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
