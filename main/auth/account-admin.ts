import type { Role, UserView } from '../../shared/contract/auth';
import { AssayError } from '../../shared/errors';
import type { Principal } from '../api/dispatcher';
import { newId } from '../kit/ids';
import { isUniqueViolation } from '../store/constraint-errors';
import type { Store } from '../store/store';
import { AccountRepository, userView } from './account-repository';
import { iso } from './auth-clock';
import { CredentialRepository } from './credential-repository';
import { hashPassword } from './password-hash';

/** What admins do to accounts: list, create with a role, change a role, disable. */
export class AccountAdmin {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async list(): Promise<UserView[]> {
    return (await new AccountRepository(this.store.db).list()).map(userView);
  }

  async create(input: {
    email: string;
    name: string;
    password: string;
    role: Role;
  }): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    const at = iso(this.now());
    const account = {
      id: newId(),
      email: input.email,
      name: input.name,
      passwordHash,
      role: input.role,
      createdAt: at,
    };
    try {
      await this.store.writes.run((tx) => new AccountRepository(tx).insert(account));
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AssayError('CONFLICT', `email: an account with this email exists`, {
          issues: [{ path: 'email', message: 'taken' }],
        });
      throw err;
    }
    return userView({ ...account, disabled: false, lastLoginAt: null });
  }

  /**
   * Changes a role or disables an account. The last enabled admin can be neither demoted nor
   * disabled (checked in the write's transaction), so the workspace always has an admin.
   * Disabling ends the account's sessions; its tokens stop working (checked on use).
   */
  async update(
    caller: Principal,
    input: { id: string; role?: Role; disabled?: boolean },
  ): Promise<UserView> {
    const at = iso(this.now());
    await this.store.writes.run(async (tx) => {
      const accounts = new AccountRepository(tx);
      const account = await accounts.byId(input.id);
      if (!account) throw new AssayError('NOT_FOUND', `No account with id "${input.id}"`);
      const losesAdmin =
        account.role === 'admin' &&
        !account.disabled &&
        ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin && (await accounts.otherActiveAdmins(account.id)) === 0)
        throw new AssayError(
          'CONFLICT',
          `${account.id === caller.userId ? 'You are' : 'This is'} the last admin: make another admin first`,
          { issues: [{ path: input.disabled ? 'disabled' : 'role', message: 'last admin' }] },
        );
      if (input.role !== undefined) await accounts.setRole(account.id, input.role);
      if (input.disabled !== undefined) {
        await accounts.setDisabled(account.id, input.disabled, at);
        if (input.disabled) await new CredentialRepository(tx).deleteSessionsOf(account.id);
      }
    });
    const updated = await new AccountRepository(this.store.db).byId(input.id);
    return userView(updated!);
  }
}
