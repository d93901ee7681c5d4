import { Plus } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ApiTokenView, Role } from '../../../../../shared/contract/auth';
import { ConfirmDialog } from '../../../components/ui/alert-dialog';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { useChannelMutation, useChannelQuery } from '../../../query/channel-query';
import { NewTokenDialog } from './new-token-dialog';
import { fmtWhen, tokenState } from './team-format';
import { TokenSecretDialog } from './token-secret-dialog';

function TokenState({ token, now }: { token: ApiTokenView; now: number }) {
  const state = tokenState(token, now);
  return (
    <Badge variant={state === 'active' ? 'success' : 'outline'} data-testid="token-state">
      {state}
    </Badge>
  );
}

/** The caller's personal API tokens: create (secret shown once), list, revoke. */
export function TokensPanel({ ownRole }: { ownRole: Role }) {
  const tokens = useChannelQuery('auth.tokens.list', {});
  const revoke = useChannelMutation('auth.tokens.revoke');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ secret: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  // When the page opened: an expiry passing while it stays open shows on the next visit.
  const [now] = useState(() => Date.now());
  const list = tokens.data ?? [];

  return (
    <div className="flex flex-col gap-3" data-testid="team-tokens">
      <div className="flex items-center justify-between gap-4">
        <p className="text-xs text-muted-foreground">
          Tokens let the CLI, the gateway and OTLP ingest act as you. Only their first characters
          are kept in view.
        </p>
        <Button size="sm" data-testid="new-token" onClick={() => setCreating(true)}>
          <Plus />
          New token
        </Button>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Token</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>State</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.length === 0 ? (
            <TableRow>
              <TableCell colSpan={8} className="text-xs text-muted-foreground">
                {tokens.isPending ? 'Loading…' : 'No tokens yet.'}
              </TableCell>
            </TableRow>
          ) : null}
          {list.map((token) => (
            <TableRow key={token.id} data-testid={`token-row-${token.name}`}>
              <TableCell className="font-medium">{token.name}</TableCell>
              <TableCell className="font-mono text-xs" data-testid="token-prefix">
                {token.prefix}…
              </TableCell>
              <TableCell>{token.role}</TableCell>
              <TableCell className="text-xs">{fmtWhen(token.createdAt)}</TableCell>
              <TableCell className="text-xs">{fmtWhen(token.lastUsedAt)}</TableCell>
              <TableCell className="text-xs">{fmtWhen(token.expiresAt)}</TableCell>
              <TableCell>
                <TokenState token={token} now={now} />
              </TableCell>
              <TableCell className="text-right">
                {token.revokedAt ? null : (
                  <Button
                    variant="ghost"
                    size="xs"
                    data-testid="revoke-token"
                    onClick={() => setRevoking(token)}
                  >
                    Revoke
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <NewTokenDialog
        open={creating}
        onOpenChange={setCreating}
        ownRole={ownRole}
        onCreated={(secret, name) => {
          setCreating(false);
          setShown({ secret, name });
        }}
      />
      <TokenSecretDialog
        secret={shown?.secret ?? null}
        name={shown?.name ?? ''}
        onClose={() => setShown(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Anything still using this token is refused from the next call on. This cannot be undone."
        action="Revoke token"
        onConfirm={() => {
          const token = revoking;
          if (!token) return;
          revoke.mutate(
            { id: token.id },
            { onSuccess: () => toast.success(`Revoked ${token.name}`) },
          );
        }}
      />
    </div>
  );
}
