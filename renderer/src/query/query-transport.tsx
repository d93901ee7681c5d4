import { createContext, useContext, type ReactNode } from 'react';
import type { Client } from '../client';

/**
 * The client queries and mutations call: the plain one, without toasts, because the query
 * client's caches decide when an error deserves a toast (a form's errors do not).
 */
const TransportContext = createContext<Client | null>(null);

export function QueryTransportProvider({
  client,
  children,
}: {
  client: Client;
  children: ReactNode;
}) {
  return <TransportContext.Provider value={client}>{children}</TransportContext.Provider>;
}

export function useQueryTransport(): Client {
  const client = useContext(TransportContext);
  if (!client) throw new Error('useQueryTransport() needs a <QueryTransportProvider> above it');
  return client;
}
