import { FlaskRound } from 'lucide-react';
import type { InteractionFilter } from '../../../../shared/contract/traces';
import { Button } from '../../components/ui/button';
import { backtestsHref, goToBacktests } from '../backtests/backtests-route';
import { traceFilterOf, type TraceListView } from './trace-route';

/**
 * The part of the list's filters an interaction filter can say (time range, tags, user,
 * session); the span-only ones (model, provider, cost…) have no interaction counterpart and are
 * left out. A preset range counts back from `now`.
 */
export function interactionFilterOfView(view: TraceListView, now: number): InteractionFilter {
  const trace = traceFilterOf(view, now);
  const filter: InteractionFilter = {};
  if (trace.from) filter.from = trace.from;
  if (trace.to) filter.to = trace.to;
  if (trace.tags) filter.tags = trace.tags;
  if (trace.userId) filter.userId = trace.userId;
  if (trace.sessionId) filter.sessionId = trace.sessionId;
  return filter;
}

/** "Backtest set from these": the New set dialog of the Backtests page, prefilled. */
export function BacktestSetButton({ view }: { view: TraceListView }) {
  return (
    <Button
      variant="ghost"
      size="sm"
      data-testid="traces-backtest-set"
      title="Freeze a backtest set of the interactions these filters select (time, tags, user, session)"
      onClick={() => goToBacktests(backtestsHref.newSet(interactionFilterOfView(view, Date.now())))}
    >
      <FlaskRound />
      Backtest set from these
    </Button>
  );
}
