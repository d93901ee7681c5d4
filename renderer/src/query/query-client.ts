import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { toClientError } from '../client';

/** What a mutation may tell the error policy (TanStack Query's `meta`). */
export interface MutationMeta extends Record<string, unknown> {
  /** The error is shown in a form (next to its field, or above the buttons): no toast. */
  readonly form?: boolean;
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

/**
 * The workbench's one query client. Answers stay fresh until an event or a mutation says
 * otherwise (the core is local and tells us what changed), so pages do not refetch on focus.
 * A failed query or mutation shows one coded toast, except a form's: the form shows it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: toastError }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
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
}
