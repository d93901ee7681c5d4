import { sameSecret } from '../../kit/same-secret';
import type { WireFormat } from './gateway-error';

type HeaderGetter = (name: string) => string | undefined;

export type CredentialDecision =
  | {
      readonly ok: true;
      /** Auth headers to send upstream (replacing whatever the client sent). */
      readonly auth: Readonly<Record<string, string>>;
      /** Which key goes upstream: the client's own, or the one Assay stores. */
      readonly source: 'client' | 'stored' | 'none';
      /** Every credential value seen, cut out of whatever the span stores. */
      readonly secrets: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * The key a client sent the way its SDK sends it: a Bearer token, or Anthropic's x-api-key
 * (its SDK sends OAuth tokens as Bearer), with the header it came in, which is how it goes on.
 */
function clientKey(
  format: WireFormat,
  get: HeaderGetter,
): { key: string; header: 'authorization' | 'x-api-key' } | undefined {
  const apiKey = format === 'anthropic' ? get('x-api-key')?.trim() : undefined;
  if (apiKey) return { key: apiKey, header: 'x-api-key' };
  const bearer = get('authorization')
    ?.match(/^Bearer\s+(.*)$/i)?.[1]
    ?.trim();
  return bearer ? { key: bearer, header: 'authorization' } : undefined;
}

function authHeaders(format: WireFormat, key: string): Record<string, string> {
  return format === 'anthropic' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` };
}

/**
 * Who pays for a proxied call. The client's own provider key is passed through. The Assay
 * server token in the key's place (or no key at all on a server without a token) means "use
 * the key Assay stores for this provider". A server started with a token (always so off
 * loopback) takes no call without it: as the key, or in `x-assay-token` beside the app's own.
 */
export function decideCredentials(
  format: WireFormat,
  get: HeaderGetter,
  serverToken: string | undefined,
  storedKey: string | null,
): CredentialDecision {
  const sent = clientKey(format, get);
  const key = sent?.key;
  const assayToken = get('x-assay-token')?.trim() || undefined;
  const secrets = [
    ...new Set(
      [key, assayToken, serverToken, storedKey].filter(
        (v): v is string => v !== undefined && v !== null && v !== '',
      ),
    ),
  ];
  const useStored = (): CredentialDecision =>
    storedKey
      ? { ok: true, auth: authHeaders(format, storedKey), source: 'stored', secrets }
      : { ok: true, auth: {}, source: 'none', secrets };
  if (serverToken !== undefined) {
    if (sameSecret(key, serverToken)) return useStored();
    if (!sameSecret(assayToken, serverToken))
      return {
        ok: false,
        message:
          'This Assay server requires its token: send it as the API key, or in x-assay-token beside your own key',
      };
  }
  if (sent === undefined) return useStored();
  const auth: Record<string, string> =
    sent.header === 'authorization'
      ? { authorization: `Bearer ${sent.key}` }
      : { 'x-api-key': sent.key };
  return { ok: true, auth, source: 'client', secrets };
}
