import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import type { Theme } from '../../../shared/contract';
import { Button } from '../components/ui/button';
import { THEMES } from './theme-dom';
import { useTheme } from './theme-context';

export const THEME_ICONS: Record<Theme, LucideIcon> = {
  system: Monitor,
  light: Sun,
  dark: Moon,
};

/** Cycles system → light → dark; the icon shows the current choice. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system';
  const Icon = THEME_ICONS[theme];
  return (
    <Button
      variant="ghost"
      size="icon"
      className="size-7 text-muted-foreground"
      data-testid="theme-toggle"
      data-theme={theme}
      title={`Theme: ${theme} (click for ${next})`}
      aria-label={`Theme: ${theme}. Switch to ${next}`}
      onClick={() => setTheme(next)}
    >
      <Icon />
    </Button>
  );
}
