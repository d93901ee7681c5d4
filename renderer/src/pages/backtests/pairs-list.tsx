import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import type { BacktestPairView } from '../../../../shared/contract/backtests';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';
import { WordDiff } from '../evals/word-diff';
import { shownText, signed } from './format';

const PAGE = 25;

function SideLine({ title, side }: { title: string; side: BacktestPairView['baseline'] }) {
  if (!side) return <p className="text-xs text-muted-foreground">{`${title}: not run yet`}</p>;
  const score =
    side.score === null
      ? 'unscored'
      : `${side.score.toFixed(2)}${side.outcome ? ` ${side.outcome}` : ''}`;
  return (
    <p className="text-xs text-muted-foreground">
      {`${title}: ${side.status === 'error' ? `error (${side.error ?? 'unknown'})` : score}`}
      {side.reason ? ` · ${side.reason}` : ''}
    </p>
  );
}

/** One item: its input, both sides' scores, and baseline → candidate output as a diff. */
function PairRow({ pair }: { pair: BacktestPairView }) {
  const regression = pair.delta !== null && pair.delta < 0;
  return (
    <li
      className="flex flex-col gap-1.5 rounded-md border p-3"
      data-testid="backtest-pair"
      data-regression={regression ? 'true' : 'false'}
    >
      <div className="flex items-center justify-between gap-2 text-xs">
        <span className="truncate font-mono">{`#${pair.position + 1} · ${shownText(pair.input)}`}</span>
        <span
          className={regression ? 'font-mono text-destructive' : 'font-mono'}
          data-testid="pair-delta"
        >
          {pair.delta === null ? 'unscored' : signed(pair.delta, 2)}
        </span>
      </div>
      <SideLine title="Baseline" side={pair.baseline} />
      <SideLine title="Candidate" side={pair.candidate} />
      <WordDiff before={pair.baseline?.output ?? ''} after={pair.candidate?.output ?? ''} />
    </li>
  );
}

/** A candidate's items next to the baseline, regressions first (largest drop first). */
export function PairsList({ runId, side }: { runId: string; side: number }) {
  const [limit, setLimit] = useState(PAGE);
  const got = useChannelQuery('backtests.runs.pairs', {
    id: runId,
    side,
    order: 'regressions_first',
    offset: 0,
    limit,
  });
  if (got.error) return <p className="text-sm text-destructive">{got.error.toString()}</p>;
  if (!got.data) return <LoaderCircle className="size-4 animate-spin" />;
  const { pairs, nextOffset } = got.data;
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col gap-2" data-testid="backtest-pairs">
        {pairs.map((pair) => (
          <PairRow key={pair.position} pair={pair} />
        ))}
      </ul>
      {nextOffset !== null ? (
        <Button
          size="sm"
          variant="outline"
          className="self-start"
          onClick={() => setLimit(Math.min(500, limit + PAGE))}
        >
          Show more
        </Button>
      ) : null}
    </div>
  );
}
