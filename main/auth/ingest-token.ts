import { roleAtLeast } from '../../shared/contract/access';
import { AssayError } from '../../shared/errors';
import type { Principal } from '../api/dispatcher';

/** Resolves a personal API token to its principal (AuthService.authenticateToken). */
export type TokenAuthenticator = (token: string) => Promise<Principal | null>;

/**
 * The gateway and OTLP ingest of a team server take a personal API token of an editor or
 * admin: what they receive is stored (spans) and spent (provider calls). Throws the coded
 * refusal; returns the principal.
 */
export async function ingestPrincipal(
  authenticate: TokenAuthenticator,
  token: string | undefined,
  hint: string,
): Promise<Principal> {
  const principal = token && token.length <= 512 ? await authenticate(token) : null;
  if (!principal)
    throw new AssayError('UNAUTHORIZED', `Missing, unknown, revoked or expired API token: ${hint}`);
  if (!roleAtLeast(principal.role, 'editor'))
    throw new AssayError(
      'FORBIDDEN',
      `This API token acts as a ${principal.role}; sending traces and calls needs an editor token`,
    );
  return principal;
}
