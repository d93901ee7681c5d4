import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

export type LabelEvent = ChannelOutput<'prompts.labelHistory'>['events'][number];

/** Every label move of a prompt, newest first; reloads with `refreshKey`. */
export function useLabelHistory(name: string, refreshKey: number) {
  const client = useClient();
  const [events, setEvents] = useState<LabelEvent[] | null>(null);

  useEffect(() => {
    let live = true;
    client.invoke('prompts.labelHistory', { name }).then(
      (result) => live && setEvents(result.events),
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [client, name, refreshKey]);

  return events;
}
