import { Redirect, Route, Switch } from 'wouter';
import { PAGES } from '../navigation/pages';
import { NotBuiltPage } from '../pages/not-built-page';
import { NotFoundPage } from '../pages/not-found-page';
import { SettingsPage } from '../pages/settings/settings-page';

export function Routes() {
  return (
    <Switch>
      <Route path="/">
        <Redirect to="/prompts" replace />
      </Route>
      <Route path="/settings">
        <SettingsPage />
      </Route>
      {PAGES.filter((page) => page.name !== 'settings').map((page) => (
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
