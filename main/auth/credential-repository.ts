import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenView, Role } from '../../shared/contract/auth';
import type { ApiTokenTable, DB } from '../store/schema';

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

export interface TokenRecord extends ApiTokenView {
  readonly userId: string;
}

function toToken(row: Selectable<ApiTokenTable>): TokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function tokenView(t: TokenRecord): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}

/** Sessions and API tokens, found by the sha256 of their secret (the secret is never stored). */
export class CredentialRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertSession(s: {
    id: string;
    userId: string;
    secretHash: string;
    at: string;
    expiresAt: string;
    clientAddress: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('user_session')
      .values({
        id: s.id,
        user_id: s.userId,
        secret_hash: s.secretHash,
        created_at: s.at,
        expires_at: s.expiresAt,
        last_seen_at: s.at,
        client_address: s.clientAddress,
      })
      .execute();
  }

  async sessionByHash(secretHash: string): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('user_session')
      .select(['id', 'user_id', 'expires_at', 'last_seen_at'])
      .where('secret_hash', '=', secretHash)
      .executeTakeFirst();
    return row
      ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at }
      : null;
  }

  /** Slides a session's expiry (done at most once a minute per session: see SESSION_TOUCH_MS). */
  async extendSession(id: string, at: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('user_session')
      .set({ last_seen_at: at, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('user_session').where('id', '=', id).execute();
  }

  /** Ends every session of a user but `keep` (a password change keeps the caller's own). */
  async deleteSessionsOf(userId: string, keep?: string): Promise<void> {
    let q = this.db.deleteFrom('user_session').where('user_id', '=', userId);
    if (keep) q = q.where('id', '!=', keep);
    await q.execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('user_session').where('expires_at', '<=', now).execute();
  }

  async insertToken(t: TokenRecord & { secretHash: string }): Promise<void> {
    await this.db
      .insertInto('api_token')
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        prefix: t.prefix,
        secret_hash: t.secretHash,
        role: t.role,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  async tokenByHash(secretHash: string): Promise<TokenRecord | null> {
    const row = await this.db
      .selectFrom('api_token')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async tokenById(id: string): Promise<TokenRecord | null> {
    const row = await this.db
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async tokensOf(userId: string): Promise<TokenRecord[]> {
    const rows = await this.db
      .selectFrom('api_token')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toToken);
  }

  /** True when this call revoked it (false: already revoked). */
  async revokeToken(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_token')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
