import { useLocation } from 'wouter';
import { useAuthStatus } from '../../../auth/use-auth-status';
import { cn } from '../../../lib/utils';
import { SettingsTabs } from '../settings-tabs';
import { AuditPanel } from './audit-panel';
import { MembersPanel } from './members-panel';
import { PasswordPanel } from './password-panel';
import { teamHref, teamTabsFor, teamViewOf, type TeamTab } from './team-route';
import { TokensPanel } from './tokens-panel';

const TITLES: Record<TeamTab, string> = {
  tokens: 'API tokens',
  members: 'Members',
  audit: 'Audit log',
  password: 'Change password',
};

/**
 * `#/settings/team?tab=…`: a team server's accounts. Everyone manages their own tokens and
 * password; admins also see the members and the audit log (the server refuses anyone else).
 */
export function TeamSettingsPage() {
  const [location] = useLocation();
  const { status } = useAuthStatus();
  const user = status?.mode === 'team' ? status.user : null;
  const view = teamViewOf(location);

  if (!user) {
    return (
      <div className="flex min-h-full flex-col" data-testid="page-team">
        <SettingsTabs current="team" />
        <p className="px-8 py-6 text-sm text-muted-foreground" data-testid="team-local">
          This workbench runs in local mode: there are no accounts to manage. A team server (`assay
          serve --database … --redis …`) has them.
        </p>
      </div>
    );
  }

  const tabs = teamTabsFor(user.role);
  const tab = tabs.includes(view.tab) ? view.tab : 'tokens';
  return (
    <div className="flex min-h-full flex-col" data-testid="page-team">
      <SettingsTabs current="team" />
      <nav className="flex gap-4 border-b px-8 pt-3" aria-label="Team settings">
        {tabs.map((name) => (
          <a
            key={name}
            href={`#${teamHref({ tab: name })}`}
            data-testid={`team-tab-${name}`}
            aria-current={tab === name ? 'page' : undefined}
            className={cn(
              'border-b-2 px-1 pb-2 text-sm',
              tab === name
                ? 'border-primary font-medium'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {TITLES[name]}
          </a>
        ))}
      </nav>
      <div className="w-full max-w-6xl px-8 py-6">
        {tab === 'tokens' ? <TokensPanel ownRole={user.role} /> : null}
        {tab === 'members' ? <MembersPanel selfId={user.id} /> : null}
        {tab === 'audit' ? <AuditPanel offset={view.offset} /> : null}
        {tab === 'password' ? <PasswordPanel /> : null}
      </div>
    </div>
  );
}
