import { useAuthStatus } from '../../auth/use-auth-status';
import { cn } from '../../lib/utils';
import { PageHeader } from '../page-header';

const TABS = [
  { name: 'general', title: 'General', href: '#/settings' },
  { name: 'team', title: 'Team', href: '#/settings/team' },
] as const;

/**
 * The Settings header; on a team server with its General | Team switch (`#/settings`,
 * `#/settings/team`). Local mode has no Team part, so no switch.
 */
export function SettingsTabs({ current }: { current: 'general' | 'team' }) {
  const { status } = useAuthStatus();
  const team = status?.mode === 'team';
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          current === 'team'
            ? 'Your API tokens and password; members and the audit log for admins.'
            : 'Provider connections, appearance and details of this installation.'
        }
      />
      {team ? (
        <nav className="flex gap-4 border-b px-8 pt-3" aria-label="Settings">
          {TABS.map((tab) => (
            <a
              key={tab.name}
              href={tab.href}
              data-testid={`settings-tab-${tab.name}`}
              aria-current={current === tab.name ? 'page' : undefined}
              className={cn(
                'border-b-2 px-1 pb-2 text-sm',
                current === tab.name
                  ? 'border-primary font-medium'
                  : 'border-transparent text-muted-foreground hover:text-foreground',
              )}
            >
              {tab.title}
            </a>
          ))}
        </nav>
      ) : null}
    </>
  );
}
