import { useCallback, useState } from 'react';
import { CommandPalette, useCommandPaletteShortcut } from '../navigation/command-palette';
import { FirstRunBanner } from '../navigation/first-run-banner';
import { useShellNavigation } from '../navigation/shell-navigation';
import { Sidebar } from '../navigation/sidebar';
import { PulseAlertToasts } from '../pages/pulse/pulse-alert-toasts';
import { Routes } from './routes';

export function AppShell() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const togglePalette = useCallback(() => setPaletteOpen((open) => !open), []);
  useCommandPaletteShortcut(togglePalette);
  useShellNavigation();

  return (
    <div className="flex h-screen min-w-[900px] overflow-hidden">
      <Sidebar onOpenPalette={() => setPaletteOpen(true)} />
      <main className="min-w-0 flex-1 overflow-y-auto">
        <FirstRunBanner />
        <Routes />
      </main>
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
      <PulseAlertToasts />
    </div>
  );
}
