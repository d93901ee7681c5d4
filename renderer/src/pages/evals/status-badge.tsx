import { LoaderCircle } from 'lucide-react';
import type { RunView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';

type Status = RunView['status'] | 'pass' | 'fail' | 'error';

const VARIANT: Record<Status, 'success' | 'destructive' | 'outline' | 'secondary'> = {
  completed: 'success',
  pass: 'success',
  failed: 'destructive',
  fail: 'destructive',
  error: 'outline',
  cancelled: 'outline',
  queued: 'secondary',
  running: 'secondary',
};

/** A run's or a result's status; running spins. */
export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  return (
    <Badge
      variant={VARIANT[status]}
      className={status === 'error' ? 'border-amber-500/40 text-amber-700 dark:text-amber-400' : ''}
      data-testid={testId}
      data-status={status}
    >
      {status === 'running' ? <LoaderCircle className="animate-spin" /> : null}
      {status}
    </Badge>
  );
}
