import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { SettingsView } from '../../../shared/contract';
import { toClientError, type ClientError } from '../client';
import { useClient } from './client-context';

interface SettingsState {
  /** The latest view: from `settings.get`, a save's reply, or a `settings.changed` event. */
  view: SettingsView | null;
  error: ClientError | null;
  /** Adopts the view a save returned, without waiting for the change event. */
  replace: (view: SettingsView) => void;
  retry: () => void;
}

const SettingsContext = createContext<SettingsState | null>(null);

/**
 * One copy of the settings for the whole workbench (the theme and the Settings page share it),
 * kept current by the `settings.changed` topic so a save in another window shows up here.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const unsubscribe = client.subscribe('settings.changed', (next) => {
      setView(next);
      setError(null);
    });
    client.invoke('settings.get', {}).then(
      // A change event may have landed while the request was in flight; it is newer.
      (loaded) => live && setView((current) => current ?? loaded),
      (err: unknown) => live && setError(toClientError(err)),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ view, error, replace: setView, retry }), [view, error, retry]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings() needs a <SettingsProvider> above it');
  return state;
}
