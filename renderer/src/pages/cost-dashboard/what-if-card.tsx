import { useState } from 'react';
import type {
  CostRecomputation,
  WhatIfFigures,
  WhatIfResult,
} from '../../../../shared/contract/costs';
import type { ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/alert-dialog';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '../../components/ui/card';
import { OptionSelect } from '../../components/ui/option-select';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { fmtCount, fmtUsd } from '../../lib/format';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';

/** The dashboard's days as span start times: from the first day's start to the day after the last. */
export function dayRangeInstants(range: { from: string; to: string }): {
  from: string;
  to: string;
} {
  const after = new Date(Date.parse(`${range.to}T00:00:00.000Z`) + 86_400_000);
  return { from: `${range.from}T00:00:00.000Z`, to: after.toISOString() };
}

/** Actual cost with unpriced spans apart: an unpriced span is never shown as $0. */
function actualText(f: WhatIfFigures): string {
  if (f.spans === 0) return '-';
  const unpriced = f.unpricedSpans > 0 ? ` + ${fmtCount(f.unpricedSpans)} unpriced` : '';
  return f.actualCostUsd === null
    ? `${fmtCount(f.unpricedSpans)} unpriced`
    : `${fmtUsd(f.actualCostUsd)}${unpriced}`;
}

function FiguresRow({ label, f, testId }: { label: string; f: WhatIfFigures; testId: string }) {
  return (
    <TableRow data-testid={testId}>
      <TableCell className="font-medium">{label}</TableCell>
      <TableCell className="text-right">{fmtCount(f.spans)}</TableCell>
      <TableCell className="text-right">
        {fmtCount(f.inputTokens)} / {fmtCount(f.outputTokens)}
        {f.reasoningTokens > 0 ? ` (${fmtCount(f.reasoningTokens)} reasoning)` : ''}
      </TableCell>
      <TableCell className="text-right">
        {fmtCount(f.cacheReadTokens)} / {fmtCount(f.cacheWriteTokens)}
      </TableCell>
      <TableCell className="text-right" data-testid={`${testId}-actual`}>
        {actualText(f)}
      </TableCell>
      <TableCell className="text-right" data-testid={`${testId}-what-if`}>
        {f.spans === 0 ? '-' : fmtUsd(f.whatIfPricedCostUsd)}
      </TableCell>
      <TableCell className="text-right">{f.spans === 0 ? '-' : fmtUsd(f.whatIfCostUsd)}</TableCell>
    </TableRow>
  );
}

function WhatIfTable({ result }: { result: WhatIfResult }) {
  const days = result.days.filter((d) => d.spans > 0);
  return (
    <Table data-testid="what-if-table">
      <TableHeader>
        <TableRow>
          <TableHead>Day (UTC)</TableHead>
          <TableHead className="text-right">LLM calls</TableHead>
          <TableHead className="text-right">Tokens in / out</TableHead>
          <TableHead className="text-right">Cache read / write</TableHead>
          <TableHead className="text-right">Actual</TableHead>
          <TableHead className="text-right">What-if (same calls)</TableHead>
          <TableHead className="text-right">What-if (all calls)</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {days.map((d) => (
          <FiguresRow key={d.day} label={d.day} f={d} testId={`what-if-day-${d.day}`} />
        ))}
        <FiguresRow label="Total" f={result.totals} testId="what-if-total" />
      </TableBody>
    </Table>
  );
}

function recordText(r: CostRecomputation): string {
  const cost = (usd: number | null) => (usd === null ? 'unpriced' : fmtUsd(usd));
  return `${fmtCount(r.spansChanged)} of ${fmtCount(r.spansExamined)} calls changed · ${cost(r.costBeforeUsd)} → ${cost(r.costAfterUsd)} · unpriced ${fmtCount(r.unpricedBefore)} → ${fmtCount(r.unpricedAfter)}${r.lostPrice > 0 ? ` · ${fmtCount(r.lostPrice)} lost their price` : ''}`;
}

function History() {
  const history = useChannelQuery('costs.history', { limit: 10 });
  const items = history.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div className="flex flex-col gap-1" data-testid="recompute-history">
      <div className="text-xs font-medium">Recomputations</div>
      <ul className="flex flex-col gap-1 text-xs text-muted-foreground">
        {items.map((r) => (
          <li key={r.id} data-testid="recompute-record">
            <span className="font-mono">{r.requestedAt.slice(0, 16).replace('T', ' ')}</span>{' '}
            {r.from.slice(0, 10)} – {r.to.slice(0, 10)}
            {r.model ? ` (${r.model.provider}:${r.model.model})` : ''}: {recordText(r)}
            {r.status === 'failed' ? ` · failed: ${r.error ?? ''}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "What would it have cost": the dashboard range's LLM calls priced at another model's current
 * price, day by day beside what they cost; and recomputing stored costs after a price changed.
 */
export function WhatIfCard({ range }: { range: { from: string; to: string } }) {
  const prices = useChannelQuery('prices.list', {});
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const instants = dayRangeInstants(range);
  const options = (prices.data?.prices ?? []).map((p) => ({
    value: `${p.provider}:${p.model}`,
    label: `${p.provider}:${p.model}`,
    testId: `what-if-model-${p.provider}:${p.model}`,
  }));
  const colon = target.indexOf(':');
  const whatIf = useChannelQuery(
    'costs.whatIf',
    colon > 0
      ? {
          ...instants,
          target: {
            provider: target.slice(0, colon) as ProviderId,
            model: target.slice(colon + 1),
          },
        }
      : null,
  );
  const recompute = useChannelMutation('costs.recompute', {
    invalidates: ['costs', 'traces', 'sessions'],
  });
  return (
    <Card data-testid="what-if-card">
      <CardHeader>
        <CardTitle>What would it have cost</CardTitle>
        <CardDescription>
          The LLM calls of {range.from} – {range.to} priced at another model's current price, from
          their stored token usage.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <OptionSelect
            className="h-8 w-72"
            data-testid="what-if-model"
            aria-label="Model to price the calls at"
            placeholder="Choose a model…"
            value={target}
            onValueChange={setTarget}
            options={options}
          />
          <Button
            size="sm"
            variant="outline"
            data-testid="recompute-costs"
            disabled={recompute.isPending}
            onClick={() => setConfirming(true)}
          >
            {recompute.isPending ? 'Recomputing…' : 'Recompute costs'}
          </Button>
        </div>
        {whatIf.error ? (
          <p className="text-sm text-destructive" data-testid="what-if-error">
            {whatIf.error.toString()}
          </p>
        ) : whatIf.data ? (
          <WhatIfTable result={whatIf.data} />
        ) : null}
        {recompute.error ? (
          <p className="text-sm text-destructive" data-testid="recompute-error">
            {recompute.error.toString()}
          </p>
        ) : null}
        <History />
      </CardContent>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Recompute stored costs?"
        description={`The stored cost of every LLM call of ${range.from} – ${range.to} is computed again with today's prices, and their traces' totals with it. A call whose model has no price any more becomes unpriced. Cache hits and costs an app reported itself stay. Each recomputation is recorded.`}
        action="Recompute costs"
        destructive={false}
        onConfirm={() => recompute.mutate({ ...instants })}
      />
    </Card>
  );
}
