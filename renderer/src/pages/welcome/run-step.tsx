import { LoaderCircle, Play } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { ExampleWorkspace } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { cn } from '../../lib/utils';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { useRunProgress } from '../../query/run-progress';
import { targetId, type RunTarget } from './run-targets';
import { verdictOf, verdictText } from './run-verdict';
import { StepCard } from './step-card';

function RunStatus({ runId }: { runId: string }) {
  // Refreshed by EventInvalidation while the run's progress events arrive.
  const query = useChannelQuery('evals.get', { runId });
  const run = query.data;
  // A run of three cases can end while the first read is on its way: the end's invalidation
  // then joins that read instead of repeating it, and no later event comes. The kept progress
  // event says it ended: read the run again.
  const progress = useRunProgress(runId);
  const ended =
    progress !== undefined && progress.status !== 'running' && progress.status !== 'queued';
  const behind =
    ended && run !== undefined && (run.status === 'running' || run.status === 'queued');
  const { isFetching, refetch } = query;
  useEffect(() => {
    if (behind && !isFetching) void refetch();
  }, [behind, isFetching, refetch]);
  if (!run) return null;
  const verdict = verdictOf(run);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p
        className={cn(
          'flex items-center gap-2 text-sm font-medium',
          verdict === 'pass' && 'text-success',
          (verdict === 'fail' || verdict === 'unfinished') && 'text-destructive',
        )}
        data-testid="first-run-verdict"
        data-state={verdict}
      >
        {verdict === 'running' ? <LoaderCircle className="size-4 animate-spin" /> : null}
        {verdictText(run)}
      </p>
      <Link
        href={`/evals/runs/${encodeURIComponent(run.id)}`}
        className="text-sm underline underline-offset-4"
        data-testid="open-first-run"
      >
        Open the run
      </Link>
    </div>
  );
}

/** Step 3: runs the example's dataset through its prompt on a model that is set up. */
export function RunStep(props: {
  example: ExampleWorkspace | null;
  targets: readonly RunTarget[];
  runId: string | null;
  onStarted: (runId: string) => void;
}) {
  const { example, targets } = props;
  const [chosen, setChosen] = useState<string | null>(null);
  const target = targets.find((t) => targetId(t) === chosen) ?? targets[0] ?? null;
  const start = useChannelMutation('evals.start', {
    onSuccess: ({ runs }) => runs[0] && props.onStarted(runs[0].id),
  });
  const ready = example !== null && target !== null;
  let hint = 'Runs the three cases; each result is checked by its matchers.';
  if (!example) hint = 'Load the example first.';
  else if (!target) hint = 'Connect a model first: save a key or use a local server.';

  return (
    <StepCard step={3} testId="step-run" done={false} title="Run the eval" description={hint}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <Select
            value={target ? targetId(target) : ''}
            onValueChange={setChosen}
            disabled={targets.length === 0}
          >
            <SelectTrigger className="w-72" data-testid="first-run-target" aria-label="Model">
              <SelectValue placeholder="No model connected yet" />
            </SelectTrigger>
            <SelectContent>
              {targets.map((t) => (
                <SelectItem key={targetId(t)} value={targetId(t)}>
                  {targetId(t)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Button
            size="sm"
            data-testid="run-example"
            disabled={!ready || start.isPending}
            onClick={() =>
              example &&
              target &&
              start.mutate({
                name: 'Example: first run',
                dataset: example.run.dataset,
                prompt: example.run.prompt,
                targets: [{ provider: target.provider, model: target.model }],
              })
            }
          >
            {start.isPending ? <LoaderCircle className="animate-spin" /> : <Play />}
            Run the example
          </Button>
        </div>
        {props.runId ? <RunStatus runId={props.runId} /> : null}
      </div>
    </StepCard>
  );
}
