import { LoaderCircle, Play, Square } from 'lucide-react';
import type { RunView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { fmtCount, fmtMs, fmtUsd } from './format';
import { isActive, liveCounts, UNSCORED_HINT } from './live-counts';
import { useRunProgress } from '../../query/run-progress';
import { StatusBadge } from './status-badge';
import { useRunChanged } from './use-run';
import { useRunControl } from './use-run-control';

function Segment({ share, className }: { share: number; className: string }) {
  return share > 0 ? <div className={className} style={{ width: `${share * 100}%` }} /> : null;
}

/** Live progress of a run: a bar split by outcome, counts, cost so far, ETA; cancel or resume. */
export function RunProgress({ run }: { run: RunView }) {
  const live = liveCounts(run, useRunProgress(run.id));
  const control = useRunControl(run.id, useRunChanged());
  const active = isActive(live.status);
  const resumable =
    (live.status === 'cancelled' || live.status === 'failed') && live.done < live.total;
  const share = (n: number) => (live.total === 0 ? 0 : n / live.total);
  return (
    <div
      className="flex flex-col gap-2 rounded-lg border bg-card px-4 py-3"
      data-testid={`run-progress-${run.id}`}
      data-status={live.status}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <StatusBadge status={live.status} testId={`run-status-${run.id}`} />
        <span className="font-mono tabular-nums" data-testid="progress-done">
          {`${fmtCount(live.done)} / ${fmtCount(live.total)}`}
        </span>
        <span className="font-mono tabular-nums">
          <span className="text-success">{`${live.pass} pass`}</span>
          {' · '}
          <span className="text-destructive">{`${live.fail} fail`}</span>
          {' · '}
          <span className="text-amber-600 dark:text-amber-400">{`${live.error} error`}</span>
          {live.unscored > 0 ? (
            <>
              {' · '}
              <span
                className="text-muted-foreground underline decoration-dotted underline-offset-2"
                title={UNSCORED_HINT}
                data-testid="progress-unscored"
              >{`${live.unscored} unscored`}</span>
            </>
          ) : null}
        </span>
        <span className="text-muted-foreground">
          cost{' '}
          <span className="font-mono text-foreground" data-testid="progress-cost">
            {fmtUsd(live.promptCostUsd)}
          </span>
        </span>
        {active ? (
          <span className="text-muted-foreground" data-testid="progress-eta">
            ETA{' '}
            <span className="font-mono text-foreground">
              {live.etaMs === null ? '…' : fmtMs(live.etaMs)}
            </span>
          </span>
        ) : null}
        {run.error && !active ? (
          <span className="truncate text-destructive" title={run.error}>
            {run.error}
          </span>
        ) : null}
        <div className="ml-auto flex gap-1">
          {active ? (
            <Button
              variant="outline"
              size="xs"
              data-testid={`run-cancel-${run.id}`}
              disabled={control.busy !== null}
              onClick={() => void control.cancel()}
            >
              {control.busy === 'cancel' ? (
                <LoaderCircle className="animate-spin" />
              ) : (
                <Square className="size-3" />
              )}
              Cancel
            </Button>
          ) : null}
          {resumable ? (
            <Button
              variant="outline"
              size="xs"
              data-testid={`run-resume-${run.id}`}
              disabled={control.busy !== null}
              onClick={() => void control.resume()}
            >
              {control.busy === 'resume' ? <LoaderCircle className="animate-spin" /> : <Play />}
              Resume
            </Button>
          ) : null}
        </div>
      </div>
      <div
        className="flex h-2 overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={live.total}
        aria-valuenow={live.done}
        aria-label={`${live.done} of ${live.total} results`}
      >
        <Segment share={share(live.pass)} className="bg-success" />
        <Segment share={share(live.fail)} className="bg-destructive" />
        <Segment share={share(live.error)} className="bg-amber-500" />
        <Segment share={share(live.unscored)} className="bg-muted-foreground/40" />
        <Segment
          share={share(Math.max(0, live.done - live.pass - live.fail - live.error - live.unscored))}
          className="bg-muted-foreground/20"
        />
      </div>
    </div>
  );
}
