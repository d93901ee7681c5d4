import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { SystemInfo } from '../../../shared/contract';
import type { ClientError } from '../client';
import { useChannel } from '../lib/use-channel';

interface SystemInfoState {
  info: SystemInfo | null;
  error: ClientError | null;
}

const SystemInfoContext = createContext<SystemInfoState>({ info: null, error: null });

/** Loads `system.info` once for the sidebar footer and the About card. */
export function SystemInfoProvider({ children }: { children: ReactNode }) {
  const { data, error } = useChannel('system.info', {});
  const state = useMemo(() => ({ info: data, error }), [data, error]);
  return <SystemInfoContext.Provider value={state}>{children}</SystemInfoContext.Provider>;
}

export function useSystemInfo(): SystemInfoState {
  return useContext(SystemInfoContext);
}
