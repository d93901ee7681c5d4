import { ChevronsUpDown, KeyRound, LogOut, Users } from 'lucide-react';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../components/ui/dropdown-menu';
import { useQueryTransport } from '../query/query-transport';
import { LOGIN_PATH } from './auth-route';
import { useAuthStatus } from './use-auth-status';

/**
 * Leaves the session, then loads the page afresh on the login page: nothing the last user saw
 * (cached answers, the event stream) outlives their session in this tab. A failed logout (the
 * session had already ended) ends the same way.
 */
async function logOut(invoke: () => Promise<unknown>): Promise<void> {
  try {
    await invoke();
  } finally {
    window.location.hash = `#${LOGIN_PATH}`;
    window.location.reload();
  }
}

/** Who is signed in to a team server (name, role) and the Log out item; nothing in local mode. */
export function UserMenu() {
  const { status } = useAuthStatus();
  const transport = useQueryTransport();
  const user = status?.mode === 'team' ? status.user : null;
  if (!user) return null;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          data-testid="user-menu"
          className="h-auto w-full justify-start gap-2 px-2 py-1.5 text-left"
        >
          <span className="flex min-w-0 flex-1 flex-col">
            <span className="truncate text-xs font-medium" data-testid="user-name">
              {user.name}
            </span>
            <span className="truncate text-[11px] text-muted-foreground">{user.email}</span>
          </span>
          <Badge variant="outline" className="text-[10px]" data-testid="user-role">
            {user.role}
          </Badge>
          <ChevronsUpDown className="size-3.5 opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" side="top" className="w-56">
        <DropdownMenuLabel>Signed in as {user.email}</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <a href="#/settings/team?tab=tokens" data-testid="menu-tokens">
            <KeyRound />
            API tokens
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href="#/settings/team" data-testid="menu-team">
            <Users />
            Team settings
          </a>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          data-testid="logout"
          onSelect={() => void logOut(() => transport.invoke('auth.logout', {}))}
        >
          <LogOut />
          Log out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
