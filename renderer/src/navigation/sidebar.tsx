import { Command as CommandIcon, FlaskRound } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import { useSystemInfo } from '../app/system-info-context';
import { UserMenu } from '../auth/user-menu';
import { Button } from '../components/ui/button';
import { cn } from '../lib/utils';
import { PulseUnreadBadge } from '../pages/pulse/unread-badge';
import { ThemeToggle } from '../theme/theme-toggle';
import { PAGES } from './pages';

function SidebarFooter() {
  const { info, error } = useSystemInfo();
  let text = 'Connecting…';
  if (info) text = `v${info.version} · ${info.transport}`;
  else if (error) text = 'Core unreachable';
  return (
    <div className="flex items-center justify-between gap-2 border-t border-sidebar-border px-3 py-2">
      <span
        className={cn('truncate text-xs text-muted-foreground', error && 'text-destructive')}
        data-testid="app-version"
        title={error ? error.toString() : undefined}
      >
        {text}
      </span>
      <ThemeToggle />
    </div>
  );
}

export function Sidebar({ onOpenPalette }: { onOpenPalette: () => void }) {
  const [location] = useLocation();
  return (
    <aside className="flex h-full w-52 shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground">
      <div className="flex h-12 items-center gap-2 px-4">
        <FlaskRound className="size-4 text-foreground" />
        <span className="text-sm font-semibold tracking-tight text-foreground">Assay</span>
      </div>
      <div className="px-2 pb-2">
        <Button
          variant="outline"
          size="sm"
          onClick={onOpenPalette}
          data-testid="open-command-palette"
          className="h-7 w-full justify-start gap-2 border-sidebar-border px-2 text-xs font-normal text-muted-foreground"
        >
          <span className="flex-1 text-left">Jump to…</span>
          <kbd className="flex items-center gap-0.5 font-sans text-[10px]">
            <CommandIcon className="size-2.5" />K
          </kbd>
        </Button>
      </div>
      <nav className="flex flex-1 flex-col gap-px overflow-y-auto px-2" aria-label="Main">
        {PAGES.map(({ name, title, path, icon: Icon }) => {
          const active = location === path || location.startsWith(`${path}/`);
          return (
            <Link
              key={name}
              href={path}
              data-testid={`nav-${name}`}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex h-7 items-center gap-2 rounded-md px-2 text-[13px] transition-colors',
                'hover:bg-sidebar-accent hover:text-foreground',
                active && 'bg-sidebar-accent font-medium text-foreground',
              )}
            >
              <Icon className="size-4 opacity-80" />
              {title}
              {name === 'pulse' ? <PulseUnreadBadge /> : null}
            </Link>
          );
        })}
      </nav>
      <div className="border-t border-sidebar-border px-2 py-1.5 empty:hidden">
        <UserMenu />
      </div>
      <SidebarFooter />
    </aside>
  );
}
