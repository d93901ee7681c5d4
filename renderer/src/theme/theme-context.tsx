import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { toast } from 'sonner';
import type { Theme } from '../../../shared/contract';
import { useClient } from '../app/client-context';
import { useSettings } from '../app/settings-context';
import { applyTheme, cacheTheme, readCachedTheme, watchSystemTheme } from './theme-dom';

interface ThemeState {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

const ThemeContext = createContext<ThemeState | null>(null);

/** Read once: it only stands in until the saved preference arrives. */
const cachedAtStart = readCachedTheme();

/**
 * The theme is derived, not copied: a choice being saved wins, then the saved preference from
 * the settings (which follows other windows through `settings.changed`), then the local cache.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const { view, replace } = useSettings();
  const [pending, setPending] = useState<Theme | null>(null);
  const theme = pending ?? view?.preferences.theme ?? cachedAtStart;

  useEffect(() => {
    applyTheme(theme);
    cacheTheme(theme);
    if (theme !== 'system') return;
    return watchSystemTheme(() => applyTheme('system'));
  }, [theme]);

  const setTheme = useCallback(
    (next: Theme) => {
      setPending(next);
      client.invoke('settings.updatePreferences', { theme: next }).then(
        (saved) => {
          replace(saved);
          setPending(null);
          // One id, so clicking through the themes updates a single toast instead of stacking.
          toast.success(`Theme set to ${next}`, { id: 'theme-saved' });
        },
        // The error toast is already shown; fall back to the saved theme.
        () => setPending(null),
      );
    },
    [client, replace],
  );

  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme() needs a <ThemeProvider> above it');
  return state;
}
