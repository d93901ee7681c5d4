import { FilePlus2, FlaskConical, Rocket, SquareTerminal, type LucideIcon } from 'lucide-react';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { Theme } from '../../../shared/contract';
import {
  Command,
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
} from '../components/ui/command';
import { useTheme } from '../theme/theme-context';
import { THEMES } from '../theme/theme-dom';
import { THEME_ICONS } from '../theme/theme-toggle';
import { PAGES } from './pages';
import { openHash, paletteHref } from './palette-routes';
import { PaletteSearch } from './palette-search';

interface Action {
  readonly id: string;
  readonly label: string;
  readonly icon: LucideIcon;
  readonly href: string;
}

/** What the palette does besides going to a page; each is a URL, so the page opens as asked. */
const ACTIONS: readonly Action[] = [
  { id: 'new-prompt', label: 'New prompt', icon: FilePlus2, href: paletteHref.newPrompt },
  { id: 'new-run', label: 'New run', icon: FlaskConical, href: paletteHref.newRun },
  {
    id: 'playground',
    label: 'Open playground',
    icon: SquareTerminal,
    href: paletteHref.playground,
  },
  { id: 'welcome', label: 'Get started', icon: Rocket, href: paletteHref.welcome },
];

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Ctrl+K / Cmd+K toggles the palette from anywhere, even while typing in an input. */
export function useCommandPaletteShortcut(toggle: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle]);
}

export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  const [, navigate] = useLocation();
  const { theme, setTheme } = useTheme();

  const run = (action: () => void) => {
    onOpenChange(false);
    action();
  };

  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Command palette"
      description="Find a prompt, dataset or run, start something new, go to a page or change the theme. Arrow keys choose, Enter runs, Escape closes."
    >
      <Command data-testid="command-palette" loop>
        <CommandInput
          placeholder="Search prompts, datasets, runs or type a command…"
          data-testid="command-input"
        />
        <CommandList>
          <CommandEmpty>Nothing matches.</CommandEmpty>
          <CommandGroup heading="Actions">
            {ACTIONS.map(({ id, label, icon: Icon, href }) => (
              <CommandItem
                key={id}
                value={label}
                data-testid={`command-action-${id}`}
                onSelect={() => run(() => openHash(href))}
              >
                <Icon />
                {label}
              </CommandItem>
            ))}
          </CommandGroup>
          <PaletteSearch open={open} onOpen={(href) => run(() => openHash(href))} />
          <CommandGroup heading="Navigation">
            {PAGES.map(({ name, title, path, icon: Icon }) => (
              <CommandItem
                key={name}
                value={`Go to ${title}`}
                data-testid={`command-go-${name}`}
                onSelect={() => run(() => navigate(path))}
              >
                <Icon />
                {`Go to ${title}`}
              </CommandItem>
            ))}
          </CommandGroup>
          <CommandGroup heading="Appearance">
            {THEMES.map((option: Theme) => {
              const Icon = THEME_ICONS[option];
              return (
                <CommandItem
                  key={option}
                  value={`Theme: ${option}`}
                  data-testid={`command-theme-${option}`}
                  onSelect={() => run(() => setTheme(option))}
                >
                  <Icon />
                  {`Theme: ${option}`}
                  {option === theme ? (
                    <span className="ml-auto text-[11px] text-muted-foreground">current</span>
                  ) : null}
                </CommandItem>
              );
            })}
          </CommandGroup>
        </CommandList>
      </Command>
    </CommandDialog>
  );
}
