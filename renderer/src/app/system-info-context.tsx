import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SystemInfo } from '../../../shared/contract';
import { toClientError, type ClientError } from '../client';
import { useClient } from './client-context';

interface SystemInfoState {
  info: SystemInfo | null;
  error: ClientError | null;
}

const SystemInfoContext = createContext<SystemInfoState>({ info: null, error: null });

/** Loads `system.info` once for the sidebar footer and the About card. */
export function SystemInfoProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, setState] = useState<SystemInfoState>({ info: null, error: null });

  useEffect(() => {
    let live = true;
    client.invoke('system.info', {}).then(
      (info) => live && setState({ info, error: null }),
      (err: unknown) => live && setState({ info: null, error: toClientError(err) }),
    );
    return () => {
      live = false;
    };
  }, [client]);

  return <SystemInfoContext.Provider value={state}>{children}</SystemInfoContext.Provider>;
}

export function useSystemInfo(): SystemInfoState {
  return useContext(SystemInfoContext);
}
