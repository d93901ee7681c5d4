import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { PAGES, type PageName } from '../navigation/pages';
import { NotBuiltPage } from '../pages/not-built-page';
import { NotFoundPage } from '../pages/not-found-page';

// One chunk per page: the first paint loads only the page it opens on.
const DatasetsPage = lazy(() =>
  import('../pages/datasets/datasets-page').then((m) => ({ default: m.DatasetsPage })),
);
const EvalsPage = lazy(() =>
  import('../pages/evals/evals-page').then((m) => ({ default: m.EvalsPage })),
);
const ModelsPage = lazy(() =>
  import('../pages/models/models-page').then((m) => ({ default: m.ModelsPage })),
);
const PlaygroundPage = lazy(() =>
  import('../pages/playground/playground-page').then((m) => ({ default: m.PlaygroundPage })),
);
const PromptsPage = lazy(() =>
  import('../pages/prompts/prompts-page').then((m) => ({ default: m.PromptsPage })),
);
const WelcomePage = lazy(() =>
  import('../pages/welcome/welcome-page').then((m) => ({ default: m.WelcomePage })),
);
const TracesPage = lazy(() =>
  import('../pages/traces/traces-page').then((m) => ({ default: m.TracesPage })),
);
const InteractionsPage = lazy(() =>
  import('../pages/interactions/interactions-page').then((m) => ({ default: m.InteractionsPage })),
);
const CostDashboardPage = lazy(() =>
  import('../pages/cost-dashboard/cost-dashboard-page').then((m) => ({
    default: m.CostDashboardPage,
  })),
);
const PulsePage = lazy(() =>
  import('../pages/pulse/pulse-page').then((m) => ({ default: m.PulsePage })),
);
const ReviewPage = lazy(() =>
  import('../pages/review/review-page').then((m) => ({ default: m.ReviewPage })),
);
const GradersPage = lazy(() =>
  import('../pages/graders/graders-page').then((m) => ({ default: m.GradersPage })),
);
const ScorecardsPage = lazy(() =>
  import('../pages/scorecards/scorecards-page').then((m) => ({ default: m.ScorecardsPage })),
);
const OnlineScoringPage = lazy(() =>
  import('../pages/online-scoring/online-scoring-page').then((m) => ({
    default: m.OnlineScoringPage,
  })),
);
const LeaderboardPage = lazy(() =>
  import('../pages/leaderboard/leaderboard-page').then((m) => ({ default: m.LeaderboardPage })),
);
const BacktestsPage = lazy(() =>
  import('../pages/backtests/backtests-page').then((m) => ({ default: m.BacktestsPage })),
);
const TeamSettingsPage = lazy(() =>
  import('../pages/settings/team/team-page').then((m) => ({ default: m.TeamSettingsPage })),
);
const SettingsPage = lazy(() =>
  import('../pages/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
);

/** Shown while a page's chunk loads (a local file or server: rarely long enough to see). */
function PageLoading() {
  return (
    <div role="status" className="p-6 text-xs text-muted-foreground">
      Loading…
    </div>
  );
}

/** Pages with their own component above; every other page shows the not-built notice. */
const BUILT: ReadonlySet<PageName> = new Set([
  'settings',
  'models',
  'playground',
  'prompts',
  'datasets',
  'evals',
  'traces',
  'interactions',
  'pulse',
  'review',
  'graders',
  'scorecards',
  'online-scoring',
  'leaderboard',
  'backtests',
]);

export function Routes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/">
          <Redirect to="/prompts" replace />
        </Route>
        {/* `#/prompts/<name>?version=…&tab=…` (names hold "/", the query rides in the hash); `#/prompts?new=1` opens New prompt (the command palette). */}
        <Route path={/^\/prompts(?:[/?].*)?$/}>
          <PromptsPage />
        </Route>
        <Route path={/^\/welcome(?:\?.*)?$/}>
          <WelcomePage />
        </Route>
        <Route path="/settings">
          <SettingsPage />
        </Route>
        {/* `#/settings/team?tab=tokens|members|audit|password&offset=…` (a team server's accounts). */}
        <Route path={/^\/settings\/team(?:\?.*)?$/}>
          <TeamSettingsPage />
        </Route>
        <Route path="/models">
          <ModelsPage />
        </Route>
        {/* Links carry `?prompt=…&version=…` inside the hash, so the query must match too. */}
        <Route path={/^\/playground(?:\?.*)?$/}>
          <PlaygroundPage />
        </Route>
        {/* `#/datasets/<name>`; `#/evals/{runs/<id>,list?dataset=…,compare?…,matrix?…}`. */}
        <Route path={/^\/datasets(?:[/?].*)?$/}>
          <DatasetsPage />
        </Route>
        <Route path={/^\/evals(?:[/?].*)?$/}>
          <EvalsPage />
        </Route>
        {/* `#/traces/dashboard?from=…` before `#/traces/<id>?…` (a trace id is never "dashboard"). */}
        <Route path={/^\/traces\/dashboard(?:\?.*)?$/}>
          <CostDashboardPage />
        </Route>
        <Route path={/^\/traces(?:[/?].*)?$/}>
          <TracesPage />
        </Route>
        {/* `#/interactions/<id>`, `#/interactions/sessions/<id>`. */}
        <Route path={/^\/interactions(?:[/?].*)?$/}>
          <InteractionsPage />
        </Route>
        {/* `#/pulse?alert=<id>`, `#/pulse/rules`, `#/pulse/webhooks`. */}
        <Route path={/^\/pulse(?:[/?].*)?$/}>
          <PulsePage />
        </Route>
        {/* `#/review/<queue>?reviewer=…&item=…`: a queue under review, the item in view. */}
        <Route path={/^\/review(?:[/?].*)?$/}>
          <ReviewPage />
        </Route>
        {/* `#/graders/<id>?tab=…&version=…`, `#/scorecards/<id>?tab=dashboard&from=…&day=…`. */}
        <Route path={/^\/graders(?:[/?].*)?$/}>
          <GradersPage />
        </Route>
        <Route path={/^\/scorecards(?:[/?].*)?$/}>
          <ScorecardsPage />
        </Route>
        {/* `#/leaderboard?dataset=…&sort=…&dir=…&latency=p50`, `#/leaderboard/contributors?set=…`. */}
        <Route path={/^\/leaderboard(?:[/?].*)?$/}>
          <LeaderboardPage />
        </Route>
        <Route path={/^\/online-scoring(?:\?.*)?$/}>
          <OnlineScoringPage />
        </Route>
        {/* `#/backtests?new=1&type=…`, `#/backtests/sets/<id>`, `#/backtests/runs/<id>?side=…`. */}
        <Route path={/^\/backtests(?:[/?].*)?$/}>
          <BacktestsPage />
        </Route>
        {PAGES.filter((page) => !BUILT.has(page.name)).map((page) => (
          <Route key={page.name} path={page.path}>
            <NotBuiltPage page={page} />
          </Route>
        ))}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
