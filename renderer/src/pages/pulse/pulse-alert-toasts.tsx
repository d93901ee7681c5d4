import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { toast } from 'sonner';
import { invalidateChannels } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';
import { pulseHref } from './pulse-route';

/**
 * Mounted once in the shell: each `pulse.alert` event refreshes the inbox (and its badge) and
 * shows a toast that opens the alert.
 */
export function PulseAlertToasts() {
  const transport = useQueryTransport();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transport.subscribe('pulse.alert', ({ alert }) => {
        void invalidateChannels(queryClient, ['pulse']);
        toast.warning(`Alert: ${alert.ruleName}`, {
          description: alert.summary,
          action: {
            label: 'Open',
            onClick: () => {
              window.location.hash = pulseHref.alert(alert.id);
            },
          },
        });
      }),
    [transport, queryClient],
  );
  return null;
}
