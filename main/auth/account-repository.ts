import type { Kysely, Selectable } from 'kysely';
import type { Role, UserView } from '../../shared/contract/auth';
import type { AppUserTable, DB } from '../store/schema';

/** The one workspace there is for now; members and roles are kept per workspace for later. */
export const DEFAULT_WORKSPACE = 'default';

/** An account with its role in the workspace, and its password hash (never leaves main/auth). */
export interface Account {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

type AccountRow = Selectable<AppUserTable> & { role: string };

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    role: row.role as Role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function userView(a: Account): UserView {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    disabled: a.disabled,
    createdAt: a.createdAt,
    lastLoginAt: a.lastLoginAt,
  };
}

/** Accounts and their membership of the workspace; reads on the pool, writes inside `tx`. */
export class AccountRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private accounts() {
    return this.db
      .selectFrom('app_user')
      .innerJoin('workspace_member', (j) =>
        j
          .onRef('workspace_member.user_id', '=', 'app_user.id')
          .on('workspace_member.workspace_id', '=', DEFAULT_WORKSPACE),
      )
      .selectAll('app_user')
      .select('workspace_member.role');
  }

  async byEmail(email: string): Promise<Account | null> {
    const row = await this.accounts().where('app_user.email', '=', email).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async byId(id: string): Promise<Account | null> {
    const row = await this.accounts().where('app_user.id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async list(): Promise<Account[]> {
    const rows = await this.accounts()
      .orderBy('app_user.created_at')
      .orderBy('app_user.id')
      .execute();
    return rows.map(toAccount);
  }

  async any(): Promise<boolean> {
    return (
      (await this.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) !== undefined
    );
  }

  /** Enabled admins other than `except`: the last one may not be demoted or disabled. */
  async otherActiveAdmins(except: string): Promise<number> {
    const row = await this.accounts()
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_member.role', '=', 'admin')
      .where('app_user.disabled', '=', 0)
      .where('app_user.id', '!=', except)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(a: Omit<Account, 'lastLoginAt' | 'disabled'>): Promise<void> {
    await this.db
      .insertInto('app_user')
      .values({
        id: a.id,
        email: a.email,
        name: a.name,
        password_hash: a.passwordHash,
        disabled: 0,
        created_at: a.createdAt,
        updated_at: a.createdAt,
        last_login_at: null,
      })
      .execute();
    await this.db
      .insertInto('workspace_member')
      .values({
        workspace_id: DEFAULT_WORKSPACE,
        user_id: a.id,
        role: a.role,
        created_at: a.createdAt,
      })
      .execute();
  }

  /**
   * Marks the workspace as set up by `userId`; false when it already was. The conditional
   * UPDATE is the race guard of first-run setup: a second one waits on the row, then matches
   * nothing.
   */
  async claimSetup(userId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('workspace')
      .set({ setup_user_id: userId })
      .where('id', '=', DEFAULT_WORKSPACE)
      .where('setup_user_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.db
      .updateTable('workspace_member')
      .set({ role })
      .where('workspace_id', '=', DEFAULT_WORKSPACE)
      .where('user_id', '=', id)
      .execute();
  }

  async setDisabled(id: string, disabled: boolean, at: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ disabled: disabled ? 1 : 0, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async setPassword(id: string, passwordHash: string, at: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ password_hash: passwordHash, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async touchLogin(id: string, at: string): Promise<void> {
    await this.db.updateTable('app_user').set({ last_login_at: at }).where('id', '=', id).execute();
  }
}
