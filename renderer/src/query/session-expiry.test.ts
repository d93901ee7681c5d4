import { describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/contract/auth';
import { ClientError } from '../client/client-error';
import { AUTH_STATUS_KEY, createQueryClient, endSessionOnUnauthorized } from './query-client';

const signedIn: AuthStatus = {
  mode: 'team',
  setupRequired: false,
  user: {
    id: 'u1',
    email: 'ed@example.com',
    name: 'Ed',
    role: 'editor',
    disabled: false,
    createdAt: '2026-12-01T00:00:00.000Z',
    lastLoginAt: null,
  },
};

describe('a session that ends while the workbench is open', () => {
  it('signs the workbench out when any query is refused UNAUTHORIZED', async () => {
    const client = createQueryClient();
    client.setQueryData(AUTH_STATUS_KEY, signedIn);
    await expect(
      client.fetchQuery({
        queryKey: ['prompts.list', {}],
        queryFn: () => Promise.reject(new ClientError('UNAUTHORIZED', 'session expired')),
      }),
    ).rejects.toThrow('session expired');
    expect(client.getQueryData(AUTH_STATUS_KEY)).toEqual({ ...signedIn, user: null });
    client.clear();
  });

  it('leaves the status alone for other errors and in local mode', () => {
    const client = createQueryClient();
    client.setQueryData(AUTH_STATUS_KEY, signedIn);
    expect(endSessionOnUnauthorized(client, new ClientError('FORBIDDEN', 'viewer'))).toBe(false);
    expect(client.getQueryData(AUTH_STATUS_KEY)).toEqual(signedIn);

    const local: AuthStatus = { mode: 'local', setupRequired: false, user: null };
    client.setQueryData(AUTH_STATUS_KEY, local);
    expect(endSessionOnUnauthorized(client, new ClientError('UNAUTHORIZED', 'bad token'))).toBe(
      false,
    );
    expect(client.getQueryData(AUTH_STATUS_KEY)).toEqual(local);
    client.clear();
  });

  it('keeps the session when a credentials form is refused (a wrong current password)', async () => {
    const client = createQueryClient();
    client.setQueryData(AUTH_STATUS_KEY, signedIn);
    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(new ClientError('UNAUTHORIZED', 'wrong password')),
      meta: { form: true, credentials: true },
    });
    await expect(mutation.execute(undefined)).rejects.toThrow('wrong password');
    expect(client.getQueryData(AUTH_STATUS_KEY)).toEqual(signedIn);

    const other = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(new ClientError('UNAUTHORIZED', 'expired')),
      meta: { form: true },
    });
    await expect(other.execute(undefined)).rejects.toThrow('expired');
    expect(client.getQueryData(AUTH_STATUS_KEY)).toEqual({ ...signedIn, user: null });
    client.clear();
  });
});
