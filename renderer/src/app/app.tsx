import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Client } from '../client';
import { ThemeProvider } from '../theme/theme-context';
import { AppShell } from './app-shell';
import { ClientProvider } from './client-context';
import { ErrorBoundary } from './error-boundary';
import { SettingsProvider } from './settings-context';
import { SystemInfoProvider } from './system-info-context';
import { ThemedToaster } from './themed-toaster';

/**
 * Routes live in the URL hash (`#/settings`): the page itself is always `index.html`, which
 * works the same under Electron's app:// protocol and `assay serve`.
 */
export function App({ client }: { client: Client }) {
  return (
    <ErrorBoundary>
      <ClientProvider client={client}>
        <SystemInfoProvider>
          <SettingsProvider>
            <ThemeProvider>
              <Router hook={useHashLocation}>
                <AppShell />
              </Router>
              <ThemedToaster />
            </ThemeProvider>
          </SettingsProvider>
        </SystemInfoProvider>
      </ClientProvider>
    </ErrorBoundary>
  );
}
