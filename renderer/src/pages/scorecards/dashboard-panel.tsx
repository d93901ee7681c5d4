import { LoaderCircle } from 'lucide-react';
import { lazy, Suspense } from 'react';
import type { DashboardGrader, ScorecardView as Card } from '../../../../shared/contract';
import { fmtCount, fmtUsd } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { presetRange } from '../cost-dashboard/dashboard-route';
import { CalibrationBadge, KindBadge } from '../graders/grader-badges';
import { useCalibrationFlags } from '../graders/use-calibration-flags';
import { DashboardControls } from './dashboard-controls';
import { DrilldownPanel } from './drilldown-panel';
import { openScorecards, type ScorecardView } from './scorecard-route';
import { useSplitLabels } from './use-split-labels';

/**
 * Scores keep arriving (online scoring, reviews, apps' scores.create), and no event tells the
 * workbench: the dashboard reads again this often while it is open. Ended days are read from
 * their sums, so a read is a few small queries.
 */
const DASHBOARD_REFRESH_MS = 30_000;

// Recharts is most of the weight: its chunk loads only when there is something to chart.
const GraderCharts = lazy(() =>
  import('./dashboard-charts').then((m) => ({ default: m.GraderCharts })),
);
const CostChart = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.CostChart })));

function GraderHeading({ grader }: { grader: DashboardGrader }) {
  const flags = useCalibrationFlags();
  const t = grader.totals;
  return (
    <div
      className="flex flex-wrap items-baseline gap-2"
      data-testid={`dashboard-grader-${grader.name}`}
    >
      <h3 className="text-sm font-semibold">{grader.name}</h3>
      <KindBadge kind={grader.kind} />
      <CalibrationBadge flag={flags.get(grader.graderId)} />
      <span className="text-xs text-muted-foreground" data-testid="dashboard-grader-figures">
        {`${fmtCount(t.count)} scores · mean ${t.mean === null ? '–' : t.mean.toFixed(3)} · judge cost ${t.costUsd === null ? 'unpriced' : fmtUsd(t.costUsd)}`}
        {grader.pinnedVersion ? ` · pinned v${grader.pinnedVersion}` : ''}
      </span>
    </div>
  );
}

/**
 * A scorecard's scores over time: per grader its mean normalized score and its buckets per UTC
 * day, split by prompt version or model, the judge cost per day, and the targets behind any
 * point clicked (kept in the address).
 */
export function DashboardPanel({
  card,
  view,
}: {
  card: Card;
  view: ScorecardView & { id: string };
}) {
  const answer = useChannelQuery(
    'scorecards.dashboard',
    {
      id: card.id,
      ...(view.version ? { version: view.version } : {}),
      ...(view.from ? { from: view.from } : {}),
      ...(view.to ? { to: view.to } : {}),
      split: view.split,
      ...(view.source ? { source: view.source } : {}),
    },
    { refetchInterval: DASHBOARD_REFRESH_MS },
  );
  const d = answer.data;
  const label = useSplitLabels(view.split, d?.splits.map((s) => s.key) ?? []);
  const fallback = presetRange(30);
  const range = d ?? { from: view.from ?? fallback.from, to: view.to ?? fallback.to };
  const drilled = d?.graders.find((g) => g.graderId === view.drill?.grader);
  const total = d?.graders.reduce((a, g) => a + g.totals.count, 0) ?? 0;
  return (
    <div className="flex flex-col gap-4" data-testid="scorecard-dashboard">
      <DashboardControls key={`${range.from}:${range.to}`} view={view} range={range} />
      {answer.error ? (
        <p className="text-sm text-destructive" data-testid="scorecard-dashboard-error">
          {answer.error.toString()}
        </p>
      ) : !d ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : total === 0 ? (
        <p
          className="rounded-md border border-dashed p-6 text-sm text-muted-foreground"
          data-testid="scorecard-dashboard-empty"
        >
          No scores from this scorecard's graders between {d.from} and {d.to} (UTC days).
        </p>
      ) : (
        <Suspense fallback={<LoaderCircle className="size-4 animate-spin" />}>
          <p className="text-xs text-muted-foreground" data-testid="scorecard-dashboard-total">
            {`${fmtCount(total)} scores, ${d.from} to ${d.to} (UTC) · judge cost ${d.totalCostUsd === null ? 'unpriced' : fmtUsd(d.totalCostUsd)}`}
          </p>
          {view.drill && drilled ? (
            <DrilldownPanel
              scorecardId={card.id}
              version={view.version}
              split={view.split}
              source={view.source}
              drill={view.drill}
              graderName={drilled.name}
              label={label}
              onClose={() => openScorecards({ ...view, drill: null })}
            />
          ) : null}
          {d.graders.map((grader) => (
            <section key={grader.graderId} className="flex flex-col gap-2">
              <GraderHeading grader={grader} />
              {grader.totals.count === 0 ? (
                <p className="text-xs text-muted-foreground">
                  No scores from this grader in the range.
                </p>
              ) : (
                <GraderCharts
                  dashboard={d}
                  grader={grader}
                  label={label}
                  onDrill={(drill) => openScorecards({ ...view, drill })}
                />
              )}
            </section>
          ))}
          <CostChart dashboard={d} />
        </Suspense>
      )}
    </div>
  );
}
