import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { channelKey, useChannelQuery } from '../query/channel-query';

/**
 * The settings, one cached copy for the whole workbench (the theme and the Settings page share
 * it). EventInvalidation replaces it on `settings.changed`, so a save in another window shows up
 * here; `replace` adopts the view a save returned without waiting for that event.
 */
export function useSettings() {
  const queryClient = useQueryClient();
  const query = useChannelQuery('settings.get', {});
  const replace = useCallback(
    (view: SettingsView) => queryClient.setQueryData(channelKey('settings.get', {}), view),
    [queryClient],
  );
  return {
    view: query.data ?? null,
    error: query.error,
    replace,
    retry: () => void query.refetch(),
  };
}
