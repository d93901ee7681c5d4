import type { ApiTokenView, Role } from '../../../../../shared/contract/auth';
import type { SelectOption } from '../../../components/ui/option-select';

/** A stored timestamp as the reader's local date and time; "never" for none. */
export function fmtWhen(iso: string | null, none = 'never'): string {
  return iso ? new Date(iso).toLocaleString() : none;
}

export const ROLE_OPTIONS: readonly SelectOption<Role>[] = [
  { value: 'viewer', label: 'Viewer', testId: 'role-viewer' },
  { value: 'editor', label: 'Editor', testId: 'role-editor' },
  { value: 'admin', label: 'Admin', testId: 'role-admin' },
];

export const ROLE_HINT =
  'Viewers read everything and change nothing; editors also create, edit and run; admins also manage members.';

/** A token's state at `now` (ms): revoked wins over expired. */
export function tokenState(
  token: Pick<ApiTokenView, 'revokedAt' | 'expiresAt'>,
  now: number,
): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}
