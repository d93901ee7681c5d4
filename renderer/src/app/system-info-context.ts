import type { SystemInfo } from '../../../shared/contract';
import type { ClientError } from '../client';
import { useChannelQuery } from '../query/channel-query';

/** `system.info` for the sidebar footer and the About card: asked once, then cached. */
export function useSystemInfo(): { info: SystemInfo | null; error: ClientError | null } {
  const { data, error } = useChannelQuery('system.info', {}, { staleTime: Infinity });
  return { info: data ?? null, error };
}
