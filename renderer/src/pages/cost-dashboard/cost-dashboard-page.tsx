import { LoaderCircle } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { TraceStats } from '../../../../shared/contract/trace-insights';
import { ingestOrigin, useIngestStatus } from '../../components/ingest/ingest-endpoint';
import { IngestStatusAlert } from '../../components/ingest/ingest-status-alert';
import { fmtCount, fmtMs } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { PageHeader } from '../page-header';
import { DashboardControls } from './dashboard-controls';
import { dashboardViewOf, presetRange } from './dashboard-route';
import { costText } from './cost-text';
import { FiguresTable } from './figures-table';
import { useIngestRefresh } from './use-ingest-refresh';
import { WhatIfCard } from './what-if-card';

// Recharts is most of the page's weight: its chunk loads only when there is something to chart.
const DashboardCharts = lazy(() =>
  import('./dashboard-charts').then((m) => ({ default: m.DashboardCharts })),
);

const DESCRIPTION =
  'Cost, tokens, calls, error rate and p95 latency of every LLM call per day, by provider, model or prompt version.';

function Totals({ stats }: { stats: TraceStats }) {
  const t = stats.totals;
  const cards: [string, string, string][] = [
    ['Cost', costText(t), 'totals-cost'],
    ['Calls', fmtCount(t.calls), 'totals-calls'],
    ['Tokens', `${fmtCount(t.inputTokens)} in · ${fmtCount(t.outputTokens)} out`, 'totals-tokens'],
    ['Error rate', `${(t.errorRate * 100).toFixed(1)}%`, 'totals-error-rate'],
    ['p95 latency', fmtMs(t.p95LatencyMs), 'totals-p95'],
  ];
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-5" data-testid="dashboard-totals">
      {cards.map(([label, value, testId]) => (
        <div key={label} className="rounded-md border px-3 py-2">
          <div className="text-[11px] text-muted-foreground">{label}</div>
          <div className="text-sm font-semibold" data-testid={testId}>
            {value}
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * How to get calls into Assay, shown while the range holds none: at the address that captures
 * (the desktop app's ingest server, or `assay serve` itself), or why nothing is captured.
 */
function EmptyState() {
  const { status } = useIngestStatus();
  const origin = status ? ingestOrigin(status) : null;
  return (
    <div
      className="flex flex-col gap-3 rounded-md border border-dashed p-6 text-sm"
      data-testid="dashboard-empty"
    >
      <p className="font-medium">No LLM calls in this range.</p>
      <IngestStatusAlert status={status} />
      <ul className="list-disc pl-5 text-muted-foreground">
        {origin ? (
          <>
            <li>
              Point an app's OpenAI or Anthropic SDK at the gateway: base URL{' '}
              <code>{origin}/gateway/openai/v1</code> (or <code>/gateway/anthropic</code>).
            </li>
            <li>
              Export OpenTelemetry traces to Assay:{' '}
              <code>OTEL_EXPORTER_OTLP_ENDPOINT={origin}</code>.
            </li>
          </>
        ) : null}
        <li>Calls made in the Playground and by eval runs are counted too.</li>
      </ul>
    </div>
  );
}

/** Cost, tokens, calls, error rate and p95 latency per day by provider, model and prompt. */
export function CostDashboardPage() {
  const [location] = useLocation();
  const view = dashboardViewOf(location, useSearch());
  useIngestRefresh(['traces.stats']);
  const stats = useChannelQuery('traces.stats', {
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    groupBy: view.groupBy,
    filter: view.prompt ? { promptVersionId: view.prompt } : {},
  });
  const data = stats.data;
  // Before the first answer (or after a refused range) the controls show what the address asks.
  const fallback = presetRange(30);
  const range = data ?? { from: view.from ?? fallback.from, to: view.to ?? fallback.to };
  return (
    <div className="flex min-h-full flex-col" data-testid="page-cost-dashboard">
      <PageHeader title="Cost dashboard" description={DESCRIPTION} />
      <div className="flex flex-col gap-4 px-8 py-5">
        <DashboardControls key={`${range.from}:${range.to}`} view={view} range={range} />
        {view.prompt ? (
          <p className="text-xs text-muted-foreground" data-testid="dashboard-prompt-filter">
            Only prompt version {view.prompt}
          </p>
        ) : null}
        {stats.error ? (
          <p className="text-sm text-destructive" data-testid="dashboard-error">
            {stats.error.toString()}
          </p>
        ) : !data ? (
          <LoaderCircle className="size-4 animate-spin" />
        ) : data.totals.calls === 0 ? (
          <EmptyState />
        ) : (
          <>
            <Totals stats={data} />
            <Suspense fallback={<LoaderCircle className="size-4 animate-spin" />}>
              <DashboardCharts stats={data} />
            </Suspense>
            <FiguresTable stats={data} />
          </>
        )}
        {data ? <WhatIfCard range={{ from: data.from, to: data.to }} /> : null}
      </div>
    </div>
  );
}
