import { Plus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { UserView } from '../../../../../shared/contract/auth';
import { ConfirmDialog } from '../../../components/ui/alert-dialog';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { OptionSelect } from '../../../components/ui/option-select';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { useChannelMutation, useChannelQuery } from '../../../query/channel-query';
import { NewMemberDialog } from './new-member-dialog';
import { fmtWhen, ROLE_OPTIONS } from './team-format';

/**
 * An admin's view of the accounts: add, change a role, disable or enable. The server keeps the
 * last admin (a refused change shows its coded error as a toast, and the row keeps its value).
 */
export function MembersPanel({ selfId }: { selfId: string }) {
  const users = useChannelQuery('auth.users.list', {});
  const update = useChannelMutation('auth.users.update');
  const [adding, setAdding] = useState(false);
  const [disabling, setDisabling] = useState<UserView | null>(null);
  const list = users.data ?? [];

  return (
    <div className="flex flex-col gap-3" data-testid="team-members">
      <div className="flex items-center justify-between gap-4">
        <p className="text-xs text-muted-foreground">
          Everyone who may sign in to this server, and what their role lets them do.
        </p>
        <Button size="sm" data-testid="add-member" onClick={() => setAdding(true)}>
          <Plus />
          Add member
        </Button>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Last sign-in</TableHead>
            <TableHead>State</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.map((user) => (
            <TableRow key={user.id} data-testid={`member-row-${user.email}`}>
              <TableCell className="font-medium">
                {user.name}
                {user.id === selfId ? (
                  <span className="ml-1 text-xs text-muted-foreground">(you)</span>
                ) : null}
              </TableCell>
              <TableCell className="text-xs">{user.email}</TableCell>
              <TableCell>
                <OptionSelect
                  value={user.role}
                  options={ROLE_OPTIONS}
                  className="h-7 w-28"
                  aria-label={`Role of ${user.email}`}
                  data-testid="member-role-select"
                  data-value={user.role}
                  disabled={update.isPending}
                  onValueChange={(role) =>
                    update.mutate(
                      { id: user.id, role },
                      {
                        onSuccess: (saved) => toast.success(`${saved.email} is now ${saved.role}`),
                      },
                    )
                  }
                />
              </TableCell>
              <TableCell className="text-xs">{fmtWhen(user.lastLoginAt)}</TableCell>
              <TableCell>
                <Badge variant={user.disabled ? 'outline' : 'success'} data-testid="member-state">
                  {user.disabled ? 'disabled' : 'active'}
                </Badge>
              </TableCell>
              <TableCell className="text-right">
                {user.disabled ? (
                  <Button
                    variant="ghost"
                    size="xs"
                    data-testid="enable-member"
                    onClick={() => update.mutate({ id: user.id, disabled: false })}
                  >
                    Enable
                  </Button>
                ) : (
                  <Button
                    variant="ghost"
                    size="xs"
                    data-testid="disable-member"
                    onClick={() => setDisabling(user)}
                  >
                    Disable
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <NewMemberDialog open={adding} onOpenChange={setAdding} />
      <ConfirmDialog
        open={disabling !== null}
        onOpenChange={(open) => !open && setDisabling(null)}
        title={`Disable ${disabling?.email ?? ''}?`}
        description="They are signed out everywhere and their API tokens stop working, until an admin enables the account again."
        action="Disable account"
        onConfirm={() => {
          const user = disabling;
          if (!user) return;
          update.mutate(
            { id: user.id, disabled: true },
            { onSuccess: () => toast.success(`Disabled ${user.email}`) },
          );
        }}
      />
    </div>
  );
}
