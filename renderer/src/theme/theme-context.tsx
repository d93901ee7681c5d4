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
import { useSettings } from '../app/settings-context';
import { useAuthStatus } from '../auth/use-auth-status';
import { useChannelMutation } from '../query/channel-query';
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
 * the cached settings (which follow other windows through `settings.changed`), then the local
 * cache. A failed save toasts (the query client's policy) and falls back to the saved theme.
 * A team server leaves the theme to each browser (see `personal`).
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const { view, replace } = useSettings();
  const save = useChannelMutation('settings.updatePreferences', {
    onSuccess: (saved, input) => {
      replace(saved);
      // One id, so clicking through the themes updates a single toast instead of stacking.
      toast.success(`Theme set to ${input.theme ?? saved.preferences.theme}`, {
        id: 'theme-saved',
      });
    },
  });
  const pending = save.isPending ? save.variables.theme : undefined;
  // On a team server the settings are the server's (an admin's to change), while the theme is
  // each person's: kept in this browser only, never saved for everyone.
  const personal = useAuthStatus().status?.mode === 'team';
  const [own, setOwn] = useState<Theme>(cachedAtStart);
  const theme = personal ? own : (pending ?? view?.preferences.theme ?? cachedAtStart);

  useEffect(() => {
    applyTheme(theme);
    cacheTheme(theme);
    if (theme !== 'system') return;
    return watchSystemTheme(() => applyTheme('system'));
  }, [theme]);

  const { mutate } = save;
  const setTheme = useCallback(
    (next: Theme) => (personal ? setOwn(next) : mutate({ theme: next })),
    [mutate, personal],
  );

  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme() needs a <ThemeProvider> above it');
  return state;
}
