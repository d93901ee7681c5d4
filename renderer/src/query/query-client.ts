import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { AuthStatus } from '../../../shared/contract/auth';
import { statusAfterUnauthorized } from '../auth/auth-state';
import { toClientError } from '../client';

/** What a mutation may tell the error policy (TanStack Query's `meta`). */
export interface MutationMeta extends Record<string, unknown> {
  /** The error is shown in a form (next to its field, or above the buttons): no toast. */
  readonly form?: boolean;
  /** UNAUTHORIZED means what was typed is wrong (a login, a current password), not that the session ended. */
  readonly credentials?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: MutationMeta;
  }
}

function toastError(err: unknown): void {
  const text = toClientError(err).toString();
  // The text as id: the same failure repeated (server down) updates one toast.
  toast.error(text, { id: text });
}

/** The cached `auth.status` (see auth/use-auth-status.ts): one key for the whole workbench. */
export const AUTH_STATUS_KEY = ['auth.status', {}] as const;

/**
 * A team session that ended (expired, logged out elsewhere, account disabled) makes every call
 * UNAUTHORIZED: the cached status then says nobody is signed in, which puts the login page up
 * with the current address to return to, instead of a toast per failed call. True when handled.
 */
export function endSessionOnUnauthorized(client: QueryClient, err: unknown): boolean {
  if (toClientError(err).code !== 'UNAUTHORIZED') return false;
  const status = client.getQueryData<AuthStatus>(AUTH_STATUS_KEY);
  // Refused while the workbench still asks who is signed in (the theme's settings, at start):
  // the answer to that decides what to show, so this refusal needs no toast of its own.
  if (!status && client.isFetching({ queryKey: AUTH_STATUS_KEY }) > 0) return true;
  const next = statusAfterUnauthorized(status);
  if (!next) return false;
  client.setQueryData<AuthStatus>(AUTH_STATUS_KEY, next);
  return true;
}

/**
 * The workbench's one query client. Answers stay fresh until an event or a mutation says
 * otherwise (the core is local and tells us what changed), so pages do not refetch on focus.
 * A failed query or mutation shows one coded toast, except a form's: the form shows it.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err) => {
        if (!endSessionOnUnauthorized(client, err)) toastError(err);
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        if (!mutation.meta?.credentials && endSessionOnUnauthorized(client, err)) return;
        if (!mutation.meta?.form) toastError(err);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A coded error from the core will not change by asking again.
        retry: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
