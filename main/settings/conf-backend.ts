import Conf from 'conf';
import { AssayError } from '../../shared/errors';
import type { SettingsBackend } from './settings-backend';

/** Headless settings: `<dataDir>/settings.json` through conf (atomic writes, no electron). */
export function createConfBackend(dataDir: string): SettingsBackend {
  try {
    return new Conf<Record<string, unknown>>({
      projectName: 'assay',
      cwd: dataDir,
      configName: 'settings',
      // A corrupt file is reported, never silently replaced with defaults.
      clearInvalidConfig: false,
    });
  } catch (err) {
    throw new AssayError(
      'CONFIG_INVALID',
      `Cannot read ${dataDir}/settings.json: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
