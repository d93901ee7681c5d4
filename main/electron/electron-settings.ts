import { app } from 'electron';
import Store from 'electron-store';
import { AssayError } from '../../shared/errors';
import type { SettingsBackend } from '../settings/settings-backend';

/**
 * Non-secret settings in `<userData>/settings.json` through electron-store (atomic writes).
 * API keys never go here; they go through the safeStorage cipher.
 */
export function createElectronSettingsBackend(): SettingsBackend {
  const dir = app.getPath('userData');
  try {
    return new Store<Record<string, unknown>>({
      name: 'settings',
      cwd: dir,
      // A corrupt file is reported, never silently replaced with defaults.
      clearInvalidConfig: false,
    });
  } catch (err) {
    throw new AssayError(
      'CONFIG_INVALID',
      `Cannot read ${dir}/settings.json: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
