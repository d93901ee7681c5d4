import { Redirect, Route, Switch } from 'wouter';
import { PAGES, type PageName } from '../navigation/pages';
import { DatasetsPage } from '../pages/datasets/datasets-page';
import { EvalsPage } from '../pages/evals/evals-page';
import { ModelsPage } from '../pages/models/models-page';
import { NotBuiltPage } from '../pages/not-built-page';
import { NotFoundPage } from '../pages/not-found-page';
import { PlaygroundPage } from '../pages/playground/playground-page';
import { PromptsPage } from '../pages/prompts/prompts-page';
import { SettingsPage } from '../pages/settings/settings-page';

/** Pages with their own component above; every other page shows the not-built notice. */
const BUILT: ReadonlySet<PageName> = new Set([
  'settings',
  'models',
  'playground',
  'prompts',
  'datasets',
  'evals',
]);

export function Routes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/prompts" replace />
      </Route>
      <Route path="/prompts">
        <PromptsPage />
      </Route>
      <Route path="/settings">
        <SettingsPage />
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
      {PAGES.filter((page) => !BUILT.has(page.name)).map((page) => (
        <Route key={page.name} path={page.path}>
          <NotBuiltPage page={page} />
        </Route>
      ))}
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
