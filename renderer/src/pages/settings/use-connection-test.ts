import { toast } from 'sonner';
import type { ChannelOutput, ProviderId } from '../../../../shared/contract';
import { useChannelMutation } from '../../query/channel-query';

export interface ConnectionOutcome {
  ok: boolean;
  /** `N models · M ms` when ok, otherwise the error message. */
  text: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function textOf(result: ChannelOutput<'models.testConnection'>): string {
  return result.ok
    ? `${plural(result.modelCount, 'model')} · ${result.latencyMs} ms`
    : result.message;
}

/**
 * Runs `models.testConnection` for one provider (with its saved settings); the card shows the
 * last outcome inline, next to a toast. A failed call itself is toasted by the query client.
 */
export function useConnectionTest(provider: ProviderId, title: string) {
  const test = useChannelMutation('models.testConnection', {
    // Testing changes nothing: no cached answer is stale afterwards.
    invalidates: [],
    onSuccess: (result) => {
      if (result.ok) toast.success(`${title}: connected`, { description: textOf(result) });
      else toast.error(`${title}: connection failed`, { description: result.message });
    },
  });

  let outcome: ConnectionOutcome | null = null;
  if (test.data) outcome = { ok: test.data.ok, text: textOf(test.data) };
  else if (test.error) outcome = { ok: false, text: test.error.toString() };

  return { running: test.isPending, outcome, run: () => test.mutate({ provider }) };
}
