import type { BoardScopeInfoView, BoardScopeInput } from '../../../../shared/contract';
import { OptionSelect } from '../../components/ui/option-select';
import { fmtCount } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { evalHref } from '../evals/eval-route';
import { BoardTable } from './board-table';
import { FrontierChart, HistoryChart } from './frontier-charts';
import { openLeaderboard, type LeaderboardView } from './leaderboard-route';

const scopeValue = (s: Pick<BoardScopeInfoView, 'kind' | 'id' | 'name'>) =>
  s.kind === 'dataset' ? `dataset:${s.name}` : `set:${s.id}`;
const inputValue = (s: BoardScopeInput) =>
  s.kind === 'dataset' ? `dataset:${s.dataset}` : `set:${s.setId}`;

const LATENCY_OPTIONS = [
  { value: 'p95' as const, label: 'p95 latency', testId: 'leaderboard-latency-p95' },
  { value: 'p50' as const, label: 'p50 latency', testId: 'leaderboard-latency-p50' },
];

/**
 * A scope's board: the scope picker (datasets and backtest sets with completed runs), the
 * score/cost and score/latency charts with their frontiers, the sortable table and the board's
 * history. With no scope in the address it shows the one most recently run.
 */
export function BoardPanel({ view }: { view: LeaderboardView }) {
  const scopes = useChannelQuery('leaderboards.scopes', {});
  const list = scopes.data?.scopes ?? [];
  const newest = list[0];
  const scope: BoardScopeInput | null =
    view.scope ??
    (newest
      ? newest.kind === 'dataset'
        ? { kind: 'dataset', dataset: newest.name }
        : { kind: 'backtest_set', setId: newest.id }
      : null);
  const board = useChannelQuery('leaderboards.get', scope ? { scope, sort: view.sort } : null);
  const history = useChannelQuery('leaderboards.history', scope ? { scope } : null);
  const go = (next: Partial<LeaderboardView>) => openLeaderboard({ ...view, scope, ...next });
  const options = list.map((s) => ({
    value: scopeValue(s),
    label: `${s.kind === 'dataset' ? 'Dataset' : 'Backtest set'} · ${s.name} (${fmtCount(s.entries)} runs)`,
    testId: `leaderboard-scope-${s.name}`,
  }));
  // A scope the address names that has no runs yet still shows (its board is empty).
  if (scope && !options.some((o) => o.value === inputValue(scope)))
    options.push({
      value: inputValue(scope),
      label:
        scope.kind === 'dataset' ? `Dataset · ${scope.dataset}` : `Backtest set · ${scope.setId}`,
      testId: 'leaderboard-scope-current',
    });

  if (scopes.isSuccess && list.length === 0 && !scope)
    return (
      <p className="px-8 py-6 text-sm text-muted-foreground" data-testid="leaderboard-empty">
        Nothing to rank yet. Run a dataset against prompt versions and models on the Evals page;
        each completed run becomes a row here.
      </p>
    );
  const rows = board.data?.rows ?? [];
  return (
    <div className="flex flex-col gap-4 px-8 py-5">
      <div className="flex flex-wrap items-center gap-3">
        <OptionSelect
          className="h-8 w-80"
          aria-label="Scope"
          placeholder="Choose a dataset or backtest set"
          value={scope ? inputValue(scope) : ''}
          onValueChange={(value) => {
            const [kind, ...rest] = value.split(':');
            const id = rest.join(':');
            go({
              scope:
                kind === 'dataset'
                  ? { kind: 'dataset', dataset: id }
                  : { kind: 'backtest_set', setId: id },
            });
          }}
          options={options}
          data-testid="leaderboard-scope"
        />
        <OptionSelect
          className="h-8 w-36"
          aria-label="Latency percentile"
          value={view.latency}
          onValueChange={(latency) => go({ latency })}
          options={LATENCY_OPTIONS}
          data-testid="leaderboard-latency"
        />
        {board.data ? (
          <span className="text-xs text-muted-foreground" data-testid="leaderboard-counts">
            {fmtCount(rows.length)} prompt version x model pairs
            {board.data.unscoredResults > 0
              ? ` · ${fmtCount(board.data.unscoredResults)} unscored results (not counted)`
              : ''}
            {board.data.unpricedResults > 0
              ? ` · ${fmtCount(board.data.unpricedResults)} unpriced calls (not counted as free)`
              : ''}
          </span>
        ) : null}
      </div>
      {board.error ? (
        <p className="text-sm text-destructive" data-testid="leaderboard-error">
          {board.error.message}
        </p>
      ) : null}
      {board.data ? (
        <>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <FrontierChart rows={rows} axis="cost" latency={view.latency} />
            <FrontierChart rows={rows} axis="latency" latency={view.latency} />
          </div>
          <BoardTable
            rows={rows}
            sort={view.sort}
            onSort={(sort) => go({ sort })}
            runHref={(r) => (r.source === 'eval_run' ? evalHref.run(r.runId) : null)}
          />
          {history.data && history.data.points.length > 0 ? (
            <HistoryChart points={history.data.points} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
