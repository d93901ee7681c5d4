import type { AuthStatus, UserView } from '../../shared/contract/auth';
import { AssayError } from '../../shared/errors';
import type { Principal } from '../api/dispatcher';
import { newId } from '../kit/ids';
import type { Store } from '../store/store';
import { AccountRepository, userView, type Account } from './account-repository';
import type { AttemptLimiter } from './attempt-limiter';
import { AuditRepository, type AuditRecord } from './audit-repository';
import {
  DEFAULT_LOGIN_LIMITS,
  iso,
  SESSION_TTL_MS,
  TOUCH_INTERVAL_MS,
  type LoginLimits,
} from './auth-clock';
import { CredentialRepository } from './credential-repository';
import { isSessionSecretShape, newSessionSecret, secretHash } from './credential-secrets';
import { hashPassword, verifyNothing, verifyPassword } from './password-hash';
import { sessionPrincipal } from './principals';
import { ApiTokens } from './api-tokens';
import { AccountAdmin } from './account-admin';

export interface AuthServiceOptions {
  readonly store: Store;
  /** Login attempts, shared by every server process (RedisAttemptLimiter) or this one only. */
  readonly limiter: AttemptLimiter;
  readonly limits?: LoginLimits;
  readonly now?: () => number;
}

/** What login and setup hand the transport: the user, and a session secret for the cookie. */
export interface SessionGrant {
  readonly user: UserView;
  readonly session: { readonly token: string; readonly expiresAt: string };
}

const WRONG_LOGIN = 'Wrong email or password';

/**
 * Accounts, sessions, API tokens and the audit log of a team server: the only door into them.
 * Secrets (passwords, session secrets, tokens) come in, are checked or hashed, and are never
 * stored, logged or put in an error.
 */
export class AuthService {
  readonly tokens: ApiTokens;
  readonly accounts: AccountAdmin;
  private readonly limits: LoginLimits;
  private readonly now: () => number;

  constructor(private readonly options: AuthServiceOptions) {
    this.limits = options.limits ?? DEFAULT_LOGIN_LIMITS;
    this.now = options.now ?? Date.now;
    this.tokens = new ApiTokens(options.store, this.now);
    this.accounts = new AccountAdmin(options.store, this.now);
  }

  private get db() {
    return this.options.store.db;
  }

  async status(principal: Principal | undefined): Promise<AuthStatus> {
    const setupRequired = !(await new AccountRepository(this.db).any());
    const account = principal ? await new AccountRepository(this.db).byId(principal.userId) : null;
    return { mode: 'team', setupRequired, user: account ? userView(account) : null };
  }

  /** First-run setup: the first account, an admin, logged in. Only while no account exists. */
  async setup(
    input: { email: string; name: string; password: string },
    clientAddress: string | undefined,
  ): Promise<SessionGrant> {
    const conflict = () =>
      new AssayError(
        'CONFLICT',
        'This server is already set up: log in, or ask an admin for an account',
      );
    if (await new AccountRepository(this.db).any()) throw conflict();
    const passwordHash = await hashPassword(input.password);
    const at = iso(this.now());
    const account: Account = {
      id: newId(),
      email: input.email,
      name: input.name,
      passwordHash,
      role: 'admin',
      disabled: false,
      createdAt: at,
      lastLoginAt: at,
    };
    const secret = newSessionSecret();
    const session = this.newSession(account.id, secret, clientAddress);
    await this.options.store.writes.run(async (tx) => {
      const accounts = new AccountRepository(tx);
      // The conditional UPDATE is the guard: of two setups at once, one claims, one finds it taken.
      if (!(await accounts.claimSetup(account.id))) throw conflict();
      await accounts.insert(account);
      await accounts.touchLogin(account.id, at);
      await new CredentialRepository(tx).insertSession(session);
    });
    return { user: userView(account), session: { token: secret, expiresAt: session.expiresAt } };
  }

  /**
   * Password login, rate-limited per account and per client address before the password is
   * checked. An unknown email, a disabled account and a wrong password get the same error after
   * the same argon2 work, so neither answer nor timing tells which emails have accounts.
   */
  async login(
    input: { email: string; password: string },
    clientAddress: string | undefined,
  ): Promise<SessionGrant> {
    const accountKey = `login:account:${secretHash(input.email)}`;
    const addressKey = `login:address:${clientAddress ?? 'unknown'}`;
    const wait = await this.options.limiter.take([
      { key: accountKey, max: this.limits.perAccount, windowMs: this.limits.windowMs },
      { key: addressKey, max: this.limits.perAddress, windowMs: this.limits.windowMs },
    ]);
    if (wait > 0)
      throw new AssayError('TOO_MANY_REQUESTS', `Too many login attempts: try again in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    const account = await new AccountRepository(this.db).byEmail(input.email);
    const ok = account
      ? (await verifyPassword(account.passwordHash, input.password)) && !account.disabled
      : await verifyNothing(input.password);
    if (!account || !ok) throw new AssayError('UNAUTHORIZED', WRONG_LOGIN);
    // A good login does not count against the address, and ends the account's failed streak.
    await this.options.limiter.giveBack([addressKey]);
    await this.options.limiter.clear(accountKey);
    const secret = newSessionSecret();
    const session = this.newSession(account.id, secret, clientAddress);
    await this.options.store.writes.run(async (tx) => {
      await new CredentialRepository(tx).insertSession(session);
      await new AccountRepository(tx).touchLogin(account.id, session.at);
    });
    return {
      user: userView({ ...account, lastLoginAt: session.at }),
      session: { token: secret, expiresAt: session.expiresAt },
    };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.via !== 'session') return;
    await this.options.store.writes.run((tx) =>
      new CredentialRepository(tx).deleteSession(principal.credentialId),
    );
  }

  /** Changes the caller's password; every other session of theirs ends. */
  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    const account = await new AccountRepository(this.db).byId(principal.userId);
    if (!account || !(await verifyPassword(account.passwordHash, current)))
      throw new AssayError('UNAUTHORIZED', 'The current password is wrong', {
        issues: [{ path: 'current', message: 'wrong password' }],
      });
    const passwordHash = await hashPassword(next);
    const at = iso(this.now());
    await this.options.store.writes.run(async (tx) => {
      await new AccountRepository(tx).setPassword(account.id, passwordHash, at);
      const keep = principal.via === 'session' ? principal.credentialId : undefined;
      await new CredentialRepository(tx).deleteSessionsOf(account.id, keep);
    });
  }

  /** The principal of a session cookie's secret; null when unknown, expired or disabled. */
  async authenticateSession(secret: string): Promise<Principal | null> {
    if (!isSessionSecretShape(secret)) return null;
    const sessions = new CredentialRepository(this.db);
    const session = await sessions.sessionByHash(secretHash(secret));
    const now = this.now();
    if (!session || Date.parse(session.expiresAt) <= now) return null;
    const account = await new AccountRepository(this.db).byId(session.userId);
    if (!account || account.disabled) return null;
    if (now - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS)
      await this.options.store.writes.run((tx) =>
        new CredentialRepository(tx).extendSession(session.id, iso(now), iso(now + SESSION_TTL_MS)),
      );
    return sessionPrincipal(account, session.id);
  }

  /** The principal of a personal API token; null when unknown, revoked, expired or disabled. */
  authenticateToken(token: string): Promise<Principal | null> {
    return this.tokens.authenticate(token);
  }

  /** Writes one audit row; a failure is logged, never the caller's (its call is done). */
  async audit(record: Omit<AuditRecord, 'id' | 'at'>): Promise<void> {
    const row: AuditRecord = { ...record, id: newId(), at: iso(this.now()) };
    await this.options.store.writes
      .run((tx) => new AuditRepository(tx).insert(row))
      .catch((err: unknown) => console.error('[auth] audit log write failed:', err));
  }

  auditPage(offset: number, limit: number) {
    return new AuditRepository(this.db).page(offset, limit);
  }

  async close(): Promise<void> {
    await this.options.limiter.close();
  }

  private newSession(userId: string, secret: string, clientAddress: string | undefined) {
    const now = this.now();
    return {
      id: newId(),
      userId,
      secretHash: secretHash(secret),
      at: iso(now),
      expiresAt: iso(now + SESSION_TTL_MS),
      clientAddress: clientAddress ?? null,
    };
  }
}
