import { LoaderCircle } from 'lucide-react';
import type { ResultView, RunView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';

type Status = RunView['status'] | ResultView['status'];

const VARIANT: Record<Status, 'success' | 'destructive' | 'outline' | 'secondary'> = {
  completed: 'success',
  pass: 'success',
  failed: 'destructive',
  fail: 'destructive',
  error: 'outline',
  unscored: 'outline',
  cancelled: 'outline',
  queued: 'secondary',
  running: 'secondary',
};

const STYLE: Partial<Record<Status, string>> = {
  error: 'border-amber-500/40 text-amber-700 dark:text-amber-400',
  unscored: 'border-dashed border-muted-foreground/50 text-muted-foreground',
};

/** A run's or a result's status; running spins. */
export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <Badge
      variant={VARIANT[status]}
      className={STYLE[status] ?? ''}
      title={status === 'unscored' ? 'Nothing scored this result: it is not a pass' : undefined}
      data-testid={testId}
      data-status={status}
    >
      {status === 'running' ? <LoaderCircle className="animate-spin" /> : null}
      {status}
    </Badge>
  );
}
