import { useState } from 'react';
import { toast } from 'sonner';
import type { ProviderId } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';

export interface ConnectionOutcome {
  ok: boolean;
  /** `N models · M ms` when ok, otherwise the error message. */
  text: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Runs `models.testConnection` for one provider (with its saved settings) and keeps the last
 * outcome for the card to show inline, next to a toast.
 */
export function useConnectionTest(provider: ProviderId, title: string) {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ConnectionOutcome | null>(null);

  const run = async () => {
    setRunning(true);
    try {
      const result = await client.invoke('models.testConnection', { provider });
      if (result.ok) {
        const text = `${plural(result.modelCount, 'model')} · ${result.latencyMs} ms`;
        setOutcome({ ok: true, text });
        toast.success(`${title}: connected`, { description: text });
      } else {
        setOutcome({ ok: false, text: result.message });
        toast.error(`${title}: connection failed`, { description: result.message });
      }
    } catch (err) {
      // The toasting client already reported the failed call itself.
      setOutcome({ ok: false, text: toClientError(err).toString() });
    } finally {
      setRunning(false);
    }
  };

  return { running, outcome, run };
}
