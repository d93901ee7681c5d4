import type { Role } from '../../shared/contract/auth';
import { roleAtLeast } from '../../shared/contract/access';
import type { Principal } from '../api/dispatcher';
import type { Account } from './account-repository';

export function lowerRole(a: Role, b: Role): Role {
  return roleAtLeast(a, b) ? b : a;
}

export function sessionPrincipal(account: Account, sessionId: string): Principal {
  return {
    userId: account.id,
    email: account.email,
    role: account.role,
    via: 'session',
    credentialId: sessionId,
  };
}

/** A token acts with the lower of its own role and its owner's current one (a demotion bites). */
export function tokenPrincipal(account: Account, tokenId: string, tokenRole: Role): Principal {
  return {
    userId: account.id,
    email: account.email,
    role: lowerRole(account.role, tokenRole),
    via: 'token',
    credentialId: tokenId,
  };
}
