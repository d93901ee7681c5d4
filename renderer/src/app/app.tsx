import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Client } from '../client';
import { TooltipProvider } from '../components/ui/tooltip';
import { EventInvalidation } from '../query/event-invalidation';
import { createQueryClient } from '../query/query-client';
import { QueryTransportProvider } from '../query/query-transport';
import { ThemeProvider } from '../theme/theme-context';
import { AppShell } from './app-shell';
import { ClientProvider } from './client-context';
import { ErrorBoundary } from './error-boundary';
import { ThemedToaster } from './themed-toaster';
import { withErrorToasts } from './toasting-client';

/**
 * Queries and mutations call the plain client and decide about toasts themselves (see
 * query-client.ts); `useClient()` still hands out the toasting one to code not yet on queries.
 * Routes live in the URL hash (`#/settings`): the page itself is always `index.html`, which
 * works the same under Electron's app:// protocol and `assay serve`.
 */
export function App({ client }: { client: Client }) {
  const [queryClient] = useState(createQueryClient);
  const [toasting] = useState(() => withErrorToasts(client));
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <QueryTransportProvider client={client}>
          <EventInvalidation transport={client} />
          <ClientProvider client={toasting}>
            <ThemeProvider>
              <TooltipProvider delayDuration={300}>
                <Router hook={useHashLocation}>
                  <AppShell />
                </Router>
              </TooltipProvider>
              <ThemedToaster />
            </ThemeProvider>
          </ClientProvider>
        </QueryTransportProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
