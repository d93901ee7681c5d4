import { useLocation, useSearch } from 'wouter';
import { cn } from '../../lib/utils';
import { PageHeader } from '../page-header';
import { BoardPanel } from './board-panel';
import { ContributorsPanel } from './contributors-panel';
import { leaderboardHref, leaderboardViewOf, type LeaderboardTab } from './leaderboard-route';

const DESCRIPTION =
  'Prompt versions and models ranked by score, pass rate, cost and latency over a dataset or a backtest set, with the Pareto frontier of what is worth its cost.';

const TABS: readonly { tab: LeaderboardTab; title: string; href: string }[] = [
  { tab: 'board', title: 'Board', href: leaderboardHref({}) },
  { tab: 'contributors', title: 'Contributors', href: leaderboardHref({ tab: 'contributors' }) },
];

/** Leaderboard: a scope's board (charts, table, history) or the contributors, as the hash says. */
export function LeaderboardPage() {
  const [location] = useLocation();
  const view = leaderboardViewOf(location, useSearch());
  return (
    <div className="flex min-h-full flex-col" data-testid="page-leaderboard">
      <PageHeader title="Leaderboard" description={DESCRIPTION} />
      <nav className="flex gap-4 border-b px-8 pt-3" aria-label="Leaderboard views">
        {TABS.map(({ tab, title, href }) => (
          <a
            key={tab}
            href={`#${href}`}
            data-testid={`leaderboard-tab-${tab}`}
            aria-current={view.tab === tab ? 'page' : undefined}
            className={cn(
              'border-b-2 px-1 pb-2 text-sm',
              view.tab === tab
                ? 'border-primary font-medium'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {title}
          </a>
        ))}
      </nav>
      {view.tab === 'board' ? <BoardPanel view={view} /> : <ContributorsPanel view={view} />}
    </div>
  );
}
