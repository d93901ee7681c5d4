import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { OptionSelect } from '../../components/ui/option-select';
import { fmtCount } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { openLeaderboard, type LeaderboardView } from './leaderboard-route';

const delta = (v: number | null) =>
  v === null ? 'no scored pairs' : `${v >= 0 ? '+' : ''}${v.toFixed(3)}`;

/**
 * Authors of prompt versions ranked by the mean score change their versions brought on the
 * team's backtest sets (all sets, or one). Authors with no scored pair come last, unranked.
 */
export function ContributorsPanel({ view }: { view: LeaderboardView }) {
  const scopes = useChannelQuery('leaderboards.scopes', {});
  const sets = (scopes.data?.scopes ?? []).filter((s) => s.kind === 'backtest_set');
  const answer = useChannelQuery('leaderboards.contributors', view.set ? { setId: view.set } : {});
  const contributors = answer.data?.contributors ?? [];
  const setName = new Map(sets.map((s) => [s.id, s.name]));
  return (
    <div className="flex flex-col gap-4 px-8 py-5">
      <div className="flex items-center gap-3">
        <OptionSelect
          className="h-8 w-72"
          aria-label="Backtest set"
          value={view.set ?? ''}
          onValueChange={(set) => openLeaderboard({ tab: 'contributors', set: set || null })}
          options={[
            { value: '', label: 'All backtest sets' },
            ...sets.map((s) => ({ value: s.id, label: s.name })),
          ]}
          data-testid="contributors-set"
        />
      </div>
      {answer.error ? (
        <p className="text-sm text-destructive">{answer.error.message}</p>
      ) : answer.data && contributors.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="contributors-empty">
          No backtests yet. When a prompt version is backtested against its baseline on a backtest
          set, its author is ranked here by the score change it brought.
        </p>
      ) : (
        <Table data-testid="contributors-table">
          <TableHeader>
            <TableRow>
              <TableHead className="w-12">Rank</TableHead>
              <TableHead>Author</TableHead>
              <TableHead className="text-right">Mean score change</TableHead>
              <TableHead className="text-right">Versions</TableHead>
              <TableHead className="text-right">Scored pairs</TableHead>
              <TableHead>Versions measured</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {contributors.map((c) => (
              <TableRow key={c.author ?? '\u0000'} data-testid="contributor-row">
                <TableCell className="tabular-nums">{c.rank ?? '-'}</TableCell>
                <TableCell>{c.author ?? 'unknown author'}</TableCell>
                <TableCell className="text-right tabular-nums">{delta(c.meanDelta)}</TableCell>
                <TableCell className="text-right tabular-nums">{fmtCount(c.versions)}</TableCell>
                <TableCell className="text-right tabular-nums">{fmtCount(c.scoredPairs)}</TableCell>
                <TableCell className="text-xs text-muted-foreground">
                  {c.contributions
                    .map(
                      (x) =>
                        `${x.promptName}@${x.promptVersion} on ${setName.get(x.setId) ?? x.setId}: ${delta(x.meanDelta)}`,
                    )
                    .join('; ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
