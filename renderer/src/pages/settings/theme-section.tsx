import { Card, CardContent } from '../../components/ui/card';
import { cn } from '../../lib/utils';
import { useTheme } from '../../theme/theme-context';
import { THEMES } from '../../theme/theme-dom';
import { THEME_ICONS } from '../../theme/theme-toggle';

const LABELS = { system: 'System', light: 'Light', dark: 'Dark' } as const;

export function ThemeSection() {
  const { theme, setTheme } = useTheme();
  return (
    <Card data-testid="theme-section">
      <CardContent className="flex-row flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">Theme</p>
          <p className="text-xs text-muted-foreground">
            System follows your operating system&apos;s light or dark setting.
          </p>
        </div>
        <div
          role="radiogroup"
          aria-label="Theme"
          className="flex rounded-md border bg-muted/40 p-0.5"
        >
          {THEMES.map((option) => {
            const Icon = THEME_ICONS[option];
            const selected = option === theme;
            return (
              <button
                key={option}
                type="button"
                role="radio"
                aria-checked={selected}
                data-testid={`theme-option-${option}`}
                onClick={() => setTheme(option)}
                className={cn(
                  'flex h-7 items-center gap-1.5 rounded-[5px] px-3 text-xs font-medium text-muted-foreground transition-colors',
                  'hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
                  selected && 'bg-background text-foreground shadow-xs dark:bg-input/40',
                )}
              >
                <Icon className="size-3.5" />
                {LABELS[option]}
              </button>
            );
          })}
        </div>
      </CardContent>
    </Card>
  );
}
