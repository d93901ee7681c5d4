import type { Role } from '../../../../../shared/contract/auth';

/**
 * `#/settings/team?tab=tokens|members|audit|password&offset=<n>`: the team settings of a team
 * server. Members and the audit log are an admin's; tokens and the password are everyone's.
 */
export const TEAM_TABS = ['tokens', 'members', 'audit', 'password'] as const;
export type TeamTab = (typeof TEAM_TABS)[number];

export interface TeamView {
  readonly tab: TeamTab;
  /** The audit log's first row shown (its pages are addresses too). */
  readonly offset: number;
}

export const TEAM_PATH = '/settings/team';
export const AUDIT_PAGE_SIZE = 50;

const ADMIN_TABS: ReadonlySet<TeamTab> = new Set(['members', 'audit']);

/** The tabs this role sees, in order. */
export function teamTabsFor(role: Role): TeamTab[] {
  return TEAM_TABS.filter((tab) => role === 'admin' || !ADMIN_TABS.has(tab));
}

function isTab(value: string | null): value is TeamTab {
  return value !== null && (TEAM_TABS as readonly string[]).includes(value);
}

export function teamViewOf(location: string): TeamView {
  const query = location.indexOf('?');
  const params = new URLSearchParams(query === -1 ? '' : location.slice(query + 1));
  const tab = params.get('tab');
  const offset = Number(params.get('offset'));
  return {
    tab: isTab(tab) ? tab : 'tokens',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address of a view; defaults stay out of it. */
export function teamHref(view: Partial<TeamView>): string {
  const params = new URLSearchParams();
  if (view.tab && view.tab !== 'tokens') params.set('tab', view.tab);
  if (view.offset) params.set('offset', String(view.offset));
  const query = params.toString();
  return query ? `${TEAM_PATH}?${query}` : TEAM_PATH;
}
