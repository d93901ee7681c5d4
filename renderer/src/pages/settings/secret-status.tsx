import { KeyRound } from 'lucide-react';
import type { SecretView } from '../../../../shared/contract';
import { cn } from '../../lib/utils';

function sourceText(view: SecretView): string {
  if (view.source === 'env') return `from environment (${view.envVar ?? 'unknown variable'})`;
  return 'stored';
}

/** What is saved for a secret, without the secret: its mask and where it comes from. */
export function SecretStatus({ view, testId }: { view: SecretView; testId: string }) {
  return (
    <p
      className={cn(
        'flex min-w-0 items-center gap-1.5 text-xs',
        view.set ? 'text-foreground/80' : 'text-muted-foreground',
      )}
      data-testid={testId}
      data-state={view.set ? view.source : 'unset'}
    >
      <KeyRound className="size-3 shrink-0 text-muted-foreground" />
      {view.set ? (
        <>
          <span className="truncate">
            Saved: <code className="font-mono">{view.masked ?? '••••••••'}</code>
          </span>{' '}
          <span className="shrink-0 text-muted-foreground">· {sourceText(view)}</span>
        </>
      ) : (
        <span>Not set</span>
      )}
    </p>
  );
}
