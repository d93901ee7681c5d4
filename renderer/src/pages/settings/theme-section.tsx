import type { Theme } from '../../../../shared/contract';
import { Card, CardContent } from '../../components/ui/card';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
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
        <ToggleGroup
          type="single"
          aria-label="Theme"
          value={theme}
          // Radix reports '' when the chosen item is clicked again: a theme stays chosen.
          onValueChange={(next) => next && setTheme(next as Theme)}
        >
          {THEMES.map((option) => {
            const Icon = THEME_ICONS[option];
            return (
              <ToggleGroupItem
                key={option}
                value={option}
                data-testid={`theme-option-${option}`}
                className="h-7 px-3"
              >
                <Icon className="size-3.5" />
                {LABELS[option]}
              </ToggleGroupItem>
            );
          })}
        </ToggleGroup>
      </CardContent>
    </Card>
  );
}
