import type { CandidateVerdict } from '../../../../shared/contract/backtests';
import { Badge } from '../../components/ui/badge';
import { cn } from '../../lib/utils';

const TEXT: Record<CandidateVerdict['verdict'], string> = {
  better: 'better',
  worse: 'worse',
  no_difference: 'no difference',
  insufficient: 'insufficient data',
};

const TONE: Record<CandidateVerdict['verdict'], string> = {
  better: 'border-success/40 bg-success/15 text-success',
  worse: 'border-destructive/40 bg-destructive/15 text-destructive',
  no_difference: '',
  insufficient: 'text-muted-foreground',
};

/** A candidate's verdict: better or worse only when the interval excludes 0. */
export function VerdictBadge({ verdict }: { verdict: CandidateVerdict['verdict'] }) {
  return (
    <Badge
      variant="outline"
      className={cn(TONE[verdict])}
      data-testid="verdict-badge"
      data-verdict={verdict}
    >
      {TEXT[verdict]}
    </Badge>
  );
}
