import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AuthGate } from '../auth/auth-gate';
import type { Client } from '../client';
import { TooltipProvider } from '../components/ui/tooltip';
import { EventInvalidation } from '../query/event-invalidation';
import { createQueryClient } from '../query/query-client';
import { QueryTransportProvider } from '../query/query-transport';
import { ThemeProvider } from '../theme/theme-context';
import { AppShell } from './app-shell';
import { ErrorBoundary } from './error-boundary';
import { ThemedToaster } from './themed-toaster';

/**
 * Server state goes through TanStack Query over the client (see query/): queries keyed by
 * channel and input, refreshed by the event stream, errors toasted by the query client unless a
 * form shows them. Routes live in the URL hash (`#/settings`): the page itself is always
 * `index.html`, which works the same under Electron's app:// protocol and `assay serve`. On a
 * team server the gate puts the login (or first-run setup) page up until someone is signed in.
 */
export function App({ client }: { client: Client }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <QueryTransportProvider client={client}>
          <ThemeProvider>
            <TooltipProvider delayDuration={300}>
              <Router hook={useHashLocation}>
                <AuthGate>
                  {/* Inside the gate: a team server streams events to signed-in users only. */}
                  <EventInvalidation transport={client} />
                  <AppShell />
                </AuthGate>
              </Router>
            </TooltipProvider>
            <ThemedToaster />
          </ThemeProvider>
        </QueryTransportProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
