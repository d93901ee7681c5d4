import { LoaderCircle, Play, Square } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { backtestsHref } from './backtests-route';
import { ExportCasesForm } from './export-cases-form';
import { usdText } from './format';
import { PairsList } from './pairs-list';
import { VerdictCard } from './verdict-card';

/** While a run works the page asks again (the progress topic refreshes it sooner). */
const RUNNING_REFRESH_MS = 2_000;

/**
 * One run: its progress, each candidate's verdict card, then the chosen candidate's items with
 * regressions first and the action that exports them to a dataset.
 */
export function RunDetail({ runId, side }: { runId: string; side: number }) {
  const got = useChannelQuery(
    'backtests.runs.get',
    { id: runId },
    {
      refetchInterval: (query) => {
        const status = query.state.data?.status;
        return status === 'running' || status === 'queued' ? RUNNING_REFRESH_MS : false;
      },
    },
  );
  const cancel = useChannelMutation('backtests.runs.cancel');
  const resume = useChannelMutation('backtests.runs.resume');
  if (got.error)
    return (
      <p className="px-8 py-5 text-sm text-destructive" role="alert">
        {got.error.toString()}
      </p>
    );
  const run = got.data;
  if (!run) return <LoaderCircle className="m-8 size-4 animate-spin" />;
  const live = run.status === 'running' || run.status === 'queued';
  const act = (which: typeof cancel, verb: string) =>
    which.mutate(
      { id: run.id },
      {
        onSuccess: () => toast.success(`${verb} ${run.name}`),
        onError: (err) => toast.error(err.toString()),
      },
    );
  return (
    <div className="flex flex-col gap-5 px-8 py-5" data-testid="backtest-run">
      <div className="flex flex-col gap-1">
        <a
          href={`#${backtestsHref.set(run.setId)}`}
          className="text-xs text-primary hover:underline"
        >
          {`← ${run.setName}`}
        </a>
        <div className="flex items-center gap-3">
          <h2 className="text-base font-semibold">{run.name}</h2>
          <span className="text-xs" data-testid="backtest-run-status" data-status={run.status}>
            {run.status}
          </span>
          {live ? (
            <Button
              size="xs"
              variant="outline"
              data-testid="backtest-cancel"
              disabled={cancel.isPending}
              onClick={() => act(cancel, 'Cancelled')}
            >
              <Square /> Cancel
            </Button>
          ) : run.done < run.total ? (
            <Button
              size="xs"
              variant="outline"
              data-testid="backtest-resume"
              disabled={resume.isPending}
              onClick={() => act(resume, 'Resumed')}
            >
              <Play /> Resume
            </Button>
          ) : null}
        </div>
        <p className="text-xs text-muted-foreground" data-testid="backtest-run-progress">
          {`${run.done}/${run.total} done · spent ${usdText(run.spentUsd)} · baseline ${run.baseline.label} · scorecard ${run.scorecard.name}`}
        </p>
        <div className="h-1.5 w-full max-w-md overflow-hidden rounded bg-muted">
          <div
            className="h-full bg-primary transition-all"
            style={{ width: `${run.total ? (run.done / run.total) * 100 : 0}%` }}
          />
        </div>
        {run.error ? (
          <p className="text-xs text-destructive" role="alert">
            {run.error}
          </p>
        ) : null}
      </div>
      <div className="grid max-w-5xl gap-3">
        {run.verdicts.map((v) => (
          <VerdictCard key={v.side} verdict={v} />
        ))}
      </div>
      {run.candidates.length > 1 ? (
        <nav className="flex gap-3" aria-label="Candidates">
          {run.candidates.map((c) => (
            <a
              key={c.side}
              href={`#${backtestsHref.run(run.id, c.side)}`}
              aria-current={c.side === side ? 'page' : undefined}
              className={cn(
                'border-b-2 px-1 pb-1 text-sm',
                c.side === side ? 'border-primary font-medium' : 'border-transparent',
              )}
            >
              {c.label}
            </a>
          ))}
        </nav>
      ) : null}
      <section className="flex flex-col gap-3">
        <h3 className="text-sm font-semibold">Items, regressions first</h3>
        <ExportCasesForm runId={run.id} side={side} />
        <PairsList runId={run.id} side={side} />
      </section>
    </div>
  );
}
