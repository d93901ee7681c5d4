import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../shared/contract/auth';
import type { DB } from '../store/schema';

export interface AuditRecord extends AuditEntry {
  readonly clientAddress: string | null;
}

/** The audit log: one row per write call (who, how, which channel, what it named, outcome). */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(r: AuditRecord): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: r.id,
        at: r.at,
        user_id: r.userId,
        user_email: r.userEmail,
        via: r.via,
        channel: r.channel,
        target: r.target,
        ok: r.ok ? 1 : 0,
        error_code: r.errorCode,
        client_address: r.clientAddress,
      })
      .execute();
  }

  async page(offset: number, limit: number): Promise<{ total: number; entries: AuditEntry[] }> {
    const total = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
    return {
      total: Number(total.n),
      entries: rows.map((row) => ({
        id: row.id,
        at: row.at,
        userId: row.user_id,
        userEmail: row.user_email,
        via: row.via,
        channel: row.channel,
        target: row.target,
        ok: row.ok === 1,
        errorCode: row.error_code,
      })),
    };
  }
}
