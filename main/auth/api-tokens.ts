import type { ApiTokenView, Role } from '../../shared/contract/auth';
import { roleAtLeast } from '../../shared/contract/access';
import { AssayError } from '../../shared/errors';
import type { Principal } from '../api/dispatcher';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { AccountRepository } from './account-repository';
import { iso, TOUCH_INTERVAL_MS } from './auth-clock';
import { CredentialRepository, tokenView } from './credential-repository';
import { isApiTokenShape, newApiToken, secretHash } from './credential-secrets';
import { tokenPrincipal } from './principals';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Personal API tokens (CLI, gateway, OTLP ingest): `assay_pat_` and 32 random bytes, shown
 * once at creation; stored as their sha256 with a short prefix for display.
 */
export class ApiTokens {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async create(
    owner: Principal,
    input: { name: string; role?: Role; expiresInDays?: number },
  ): Promise<{ token: string; info: ApiTokenView }> {
    const role = input.role ?? owner.role;
    // A token never does more than its owner may: the owner's role caps it.
    if (!roleAtLeast(owner.role, role))
      throw new AssayError('FORBIDDEN', `role: a ${owner.role} cannot make a ${role} token`, {
        issues: [{ path: 'role', message: `at most ${owner.role}` }],
      });
    const { token, prefix } = newApiToken();
    const now = this.now();
    const record = {
      id: newId(),
      userId: owner.userId,
      name: input.name,
      prefix,
      role,
      createdAt: iso(now),
      expiresAt: input.expiresInDays ? iso(now + input.expiresInDays * DAY_MS) : null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.store.writes.run((tx) =>
      new CredentialRepository(tx).insertToken({ ...record, secretHash: secretHash(token) }),
    );
    return { token, info: tokenView(record) };
  }

  async list(owner: Principal): Promise<ApiTokenView[]> {
    return (await new CredentialRepository(this.store.db).tokensOf(owner.userId)).map(tokenView);
  }

  /** Revokes one of the caller's tokens (an admin may revoke anyone's); false if already so. */
  async revoke(caller: Principal, id: string): Promise<boolean> {
    const token = await new CredentialRepository(this.store.db).tokenById(id);
    if (!token || (token.userId !== caller.userId && caller.role !== 'admin'))
      throw new AssayError('NOT_FOUND', `No token with id "${id}"`);
    let revoked = false;
    const at = iso(this.now());
    await this.store.writes.run(async (tx) => {
      revoked = await new CredentialRepository(tx).revokeToken(id, at);
    });
    return revoked;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (!isApiTokenShape(token)) return null;
    const record = await new CredentialRepository(this.store.db).tokenByHash(secretHash(token));
    const now = this.now();
    if (!record || record.revokedAt !== null) return null;
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now) return null;
    const owner = await new AccountRepository(this.store.db).byId(record.userId);
    if (!owner || owner.disabled) return null;
    const last = record.lastUsedAt === null ? 0 : Date.parse(record.lastUsedAt);
    if (now - last >= TOUCH_INTERVAL_MS)
      // Not awaited: the request need not wait for a bookkeeping write (a failure is logged).
      void this.store.writes
        .run((tx) => new CredentialRepository(tx).touchToken(record.id, iso(now)))
        .catch((err: unknown) => console.error('[auth] token last-use write failed:', err));
    return tokenPrincipal(owner, record.id, record.role);
  }
}
