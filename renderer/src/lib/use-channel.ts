import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { useClient } from '../app/client-context';
import { toClientError, type ClientError } from '../client';

export interface ChannelState<C extends Channel> {
  /** The last answer. It stays while the next one loads, so a reload does not blank the page. */
  readonly data: ChannelOutput<C> | null;
  /** Whether `data` answers the current input (not an earlier one still showing). */
  readonly isCurrent: boolean;
  readonly error: ClientError | null;
  /** Asks again with the same input (the error clears meanwhile). */
  readonly reload: () => void;
  /** Changes the answer in place without asking (a saved row upserted, a new run prepended). */
  readonly update: (next: (current: ChannelOutput<C> | null) => ChannelOutput<C> | null) => void;
}

export interface ChannelOptions {
  /** Anything whose change asks again (an event count, a parent's refresh key). */
  readonly refresh?: unknown;
  /** Waits this long after the input last changed before asking: a search typed key by key. */
  readonly delayMs?: number;
}

interface Answer<C extends Channel> {
  readonly key: string | null;
  readonly data: ChannelOutput<C> | null;
}

/**
 * One channel's answer to `input`, asked again whenever the input (compared as JSON, so callers
 * may build it inline) or `refresh` changes; a null input asks nothing. An answer that arrives
 * after the input moved on, or after the component left, is dropped: a slow old answer never
 * overwrites a newer one.
 */
export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  { refresh, delayMs = 0 }: ChannelOptions = {},
): ChannelState<C> {
  const client = useClient();
  const [answer, setAnswer] = useState<Answer<C>>({ key: null, data: null });
  const [error, setError] = useState<ClientError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const ask = () =>
      client.invoke(channel, JSON.parse(key) as ChannelInput<C>).then(
        (data) => {
          if (!live) return;
          setAnswer({ key, data });
          setError(null);
        },
        (err: unknown) => live && setError(toClientError(err)),
      );
    const timer = delayMs > 0 ? setTimeout(ask, delayMs) : (void ask(), undefined);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, channel, key, refresh, attempt, delayMs]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  const update = useCallback<ChannelState<C>['update']>(
    (next) => setAnswer((current) => ({ key: current.key, data: next(current.data) })),
    [],
  );
  return {
    data: answer.data,
    isCurrent: key !== null && answer.key === key,
    error,
    reload,
    update,
  };
}
