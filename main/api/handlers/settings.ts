import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

export function settingsHandlers(
  services: CoreServices,
): Pick<Handlers, 'settings.get' | 'settings.updateProvider' | 'settings.updatePreferences'> {
  const { settings } = services;
  return {
    'settings.get': () => settings.view(),
    'settings.updateProvider': (input) => settings.updateProvider(input),
    'settings.updatePreferences': (input) => settings.updatePreferences(input),
  };
}
