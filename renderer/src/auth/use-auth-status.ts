import type { AuthStatus, Role } from '../../../shared/contract/auth';
import type { ClientError } from '../client';
import { useChannelQuery } from '../query/channel-query';
import { useQueryTransport } from '../query/query-transport';
import { writeBlockedReason } from './auth-state';

/** The desktop app over IPC: always local, so it never asks (and never waits for) the core. */
const DESKTOP: AuthStatus = { mode: 'local', setupRequired: false, user: null };

/**
 * Who is signed in, from `auth.status`, asked once per page load over HTTP and kept until a
 * login, a logout or an UNAUTHORIZED answer changes it (see query-client.ts).
 */
export function useAuthStatus(): {
  status: AuthStatus | undefined;
  error: ClientError | null;
  retry: () => void;
} {
  const transport = useQueryTransport();
  const overHttp = transport.transport === 'http';
  const query = useChannelQuery('auth.status', {}, { staleTime: Infinity, enabled: overHttp });
  if (!overHttp) return { status: DESKTOP, error: null, retry: () => undefined };
  return { status: query.data, error: query.error, retry: () => void query.refetch() };
}

/** Why a write about `what` ("prompts") is off for the signed-in user, or null when it is on. */
export function useWriteBlocked(what: string, needs: Role = 'editor'): string | null {
  return writeBlockedReason(useAuthStatus().status, what, needs);
}
