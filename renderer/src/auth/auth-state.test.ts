import { describe, expect, it } from 'vitest';
import type { AuthStatus, UserView } from '../../../shared/contract/auth';
import { ClientError } from '../client/client-error';
import {
  authViewOf,
  loginErrorText,
  roleAllows,
  statusAfterUnauthorized,
  writeBlockedReason,
} from './auth-state';

function user(role: UserView['role']): UserView {
  return {
    id: 'u1',
    email: 'ada@example.com',
    name: 'Ada',
    role,
    disabled: false,
    createdAt: '2026-12-01T00:00:00.000Z',
    lastLoginAt: null,
  };
}

const LOCAL: AuthStatus = { mode: 'local', setupRequired: false, user: null };
const team = (u: UserView | null, setupRequired = false): AuthStatus => ({
  mode: 'team',
  setupRequired,
  user: u,
});

describe('what the workbench shows for auth.status', () => {
  it('never asks for a login in local mode; asks for setup, then a login, on a team server', () => {
    expect(authViewOf(LOCAL)).toBe('local');
    expect(authViewOf(team(null, true))).toBe('setup');
    expect(authViewOf(team(null))).toBe('login');
    expect(authViewOf(team(user('viewer')))).toBe('signed-in');
  });

  it('ends a team session on UNAUTHORIZED, and leaves local mode alone', () => {
    expect(statusAfterUnauthorized(team(user('editor')))).toEqual(team(null));
    expect(statusAfterUnauthorized(LOCAL)).toBeNull();
    expect(statusAfterUnauthorized(undefined)).toBeNull();
  });

  it('blocks writes for viewers only, naming what they cannot change', () => {
    expect(writeBlockedReason(team(user('viewer')), 'prompts')).toBe(
      "Viewers can't change prompts. Ask an admin for the editor role.",
    );
    expect(writeBlockedReason(team(user('editor')), 'prompts')).toBeNull();
    expect(writeBlockedReason(team(user('admin')), 'prompts')).toBeNull();
    expect(writeBlockedReason(LOCAL, 'prompts')).toBeNull();
    expect(writeBlockedReason(undefined, 'prompts')).toBeNull();
    expect(writeBlockedReason(team(user('editor')), 'provider settings', 'admin')).toBe(
      'Only admins can change provider settings.',
    );
    expect(writeBlockedReason(team(user('admin')), 'provider settings', 'admin')).toBeNull();
    expect(roleAllows('admin', 'editor')).toBe(true);
    expect(roleAllows('editor', 'admin')).toBe(false);
    expect(roleAllows('viewer', 'viewer')).toBe(true);
  });

  it('words a refused login by its code, with the wait when the server gives one', () => {
    const limited = (details?: unknown) =>
      new ClientError('TOO_MANY_REQUESTS' as never, 'slow down', details);
    expect(loginErrorText(limited({ retryAfterSeconds: 42 }))).toBe(
      'Too many sign-in attempts. Try again in 42 seconds.',
    );
    expect(loginErrorText(limited({ retryAfterSeconds: 1 }))).toBe(
      'Too many sign-in attempts. Try again in 1 second.',
    );
    expect(loginErrorText(limited({ retryAfterSeconds: 601 }))).toBe(
      'Too many sign-in attempts. Try again in 11 minutes.',
    );
    // No (or a nonsensical) wait: still a sentence, never "undefined seconds".
    for (const details of [undefined, {}, { retryAfterSeconds: 'soon' }, { retryAfterSeconds: -1 }])
      expect(loginErrorText(limited(details))).toBe(
        'Too many sign-in attempts. Wait a little, then try again.',
      );
    expect(loginErrorText(new ClientError('UNAUTHORIZED', 'no'))).toBe(
      'Wrong email or password, or the account is disabled.',
    );
    expect(loginErrorText(new ClientError('INTERNAL', 'boom'))).toBe('INTERNAL: boom');
  });
});
