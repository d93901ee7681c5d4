import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AuthStatus, UserView } from '../../../shared/contract/auth';
import { AUTH_STATUS_KEY } from '../query/query-client';

/**
 * After a login or the first-run setup: the cached status names the user (the gate then shows
 * the workbench at the page to return to), and every other answer is asked again, since what
 * was cached was asked by nobody (and refused).
 */
export function useSignedIn(): (user: UserView) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (user: UserView) => {
      const status: AuthStatus = { mode: 'team', setupRequired: false, user };
      queryClient.setQueryData(AUTH_STATUS_KEY, status);
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== AUTH_STATUS_KEY[0],
      });
    },
    [queryClient],
  );
}
