import { ArrowLeft, Grid3x3 } from 'lucide-react';
import type { RunView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { useComponentKinds } from './component-kinds';
import { evalHref } from './eval-route';
import { fmtCount, targetOf } from './format';
import { RunActions } from './run-actions/run-actions';
import { componentsLabel } from './run-components';
import { matcherSummary } from '../../components/matchers/matcher-draft';
import { scorecardHref } from '../scorecards/scorecard-route';

/** `cache on · 12 of 40 from cache`, or `cache off` for a run that neither read nor wrote it. */
function cacheLabel(run: RunView): string {
  if (!run.useCache) return 'cache off';
  const t = run.totals;
  return `cache on · ${fmtCount(t.cachedResults)} of ${fmtCount(t.results)} from cache`;
}

/** What the run was told to score with when it started (its scorers), beyond the dataset's. */
function RunScorers({ scorers }: { scorers: NonNullable<RunView['scorers']> }) {
  const dataset = !scorers.useDatasetMatchers
    ? "without the dataset's matchers"
    : scorers.skip.length > 0
      ? `dataset matchers but ${scorers.skip.length} switched off`
      : "the dataset's matchers";
  return (
    <div
      className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground"
      data-testid="run-scorers-used"
    >
      <span>{`Scored with ${dataset}${scorers.add.length > 0 || scorers.scorecard ? ' and' : ''}`}</span>
      {scorers.add.map((m, i) => (
        <Badge key={i} variant="outline" className="font-mono" data-testid={`run-scorer-used-${i}`}>
          {matcherSummary(m)}
        </Badge>
      ))}
      {scorers.scorecard ? (
        <Badge
          variant="outline"
          title="Every case was also graded by this scorecard, its version and its graders' versions pinned when the run started"
          data-testid="run-scorecard"
        >
          <a
            href={`#${scorecardHref({ id: scorers.scorecard.id, tab: 'versions', version: scorers.scorecard.version })}`}
            className="hover:underline"
          >{`scorecard ${scorers.scorecard.name} v${scorers.scorecard.version}`}</a>
        </Badge>
      ) : null}
    </div>
  );
}

/**
 * The run's name and what it ran: dataset, prompt version with the component versions it was
 * rendered with, model, the judge and embedding models, the cache and the settings.
 */
export function RunHeader({ run }: { run: RunView }) {
  const components = componentsLabel(run.components, useComponentKinds());
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="flex min-w-0 flex-col gap-1.5">
        <a
          href={`#${evalHref.list(run.dataset)}`}
          className="flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-3" />
          Runs
        </a>
        <h2 className="truncate text-base font-semibold" data-testid="run-name">
          {run.name}
        </h2>
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          {run.dataset ? (
            <a
              href={`#/datasets/${encodeURIComponent(run.dataset)}`}
              className="font-mono hover:underline"
            >
              {run.dataset}
            </a>
          ) : null}
          <Badge variant="outline" className="font-mono" data-testid="run-prompt-label">
            {run.prompt}
          </Badge>
          {components ? (
            <Badge
              variant="outline"
              className="font-mono"
              title="The component versions the prompt was rendered with, resolved when the run started"
              data-testid="run-components"
            >
              {components}
            </Badge>
          ) : null}
          <Badge variant="outline" className="font-mono" data-testid="run-target">
            {targetOf(run)}
          </Badge>
          {run.judgeModel ? (
            <Badge
              variant="outline"
              className="font-mono"
              title="Judges llm-judge matchers that name no model of their own"
              data-testid="run-judge-model"
            >
              {`judge ${targetOf(run.judgeModel)}`}
            </Badge>
          ) : null}
          {run.embeddingModel ? (
            <Badge
              variant="outline"
              className="font-mono"
              title="What similarity matchers embed with"
              data-testid="run-embedding-model"
            >
              {`embeddings ${targetOf(run.embeddingModel)}`}
            </Badge>
          ) : null}
        </div>
        {run.scorers ? <RunScorers scorers={run.scorers} /> : null}
        <div className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground">
          <span
            data-testid="run-cache"
            title={
              run.useCache
                ? 'Answers to requests seen before came from the response cache, at no cost'
                : 'Every case called the model; no answer was read from or written to the cache'
            }
          >
            {cacheLabel(run)}
          </span>
          <span aria-hidden>·</span>
          <span>{`${run.interactionType} · concurrency ${run.concurrency} · ${run.repeat}× each case`}</span>
          <span aria-hidden>·</span>
          <span
            title={run.id}
          >{`started ${new Date(run.startedAt ?? run.createdAt).toLocaleString()}`}</span>
        </div>
      </div>
      <div className="flex items-start gap-1.5">
        <Button asChild variant="outline" size="sm">
          <a href={`#${evalHref.group(run.groupId)}`} data-testid="open-group-matrix">
            <Grid3x3 />
            Group matrix
          </a>
        </Button>
        <RunActions run={run} />
      </div>
    </div>
  );
}
