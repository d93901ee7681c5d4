import type { IngestStatus } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { useChannelQuery } from '../../query/channel-query';

/**
 * Where the user's apps send calls and spans, or null when nothing takes them (the desktop
 * app's ingest port is taken): `assay serve` takes them on this page's own origin, the desktop
 * app on its local ingest server.
 */
export function ingestOrigin(
  status: IngestStatus,
  location: Pick<Location, 'origin'> = window.location,
): string | null {
  switch (status.state) {
    case 'server':
      return location.origin;
    case 'listening':
      return status.url;
    case 'unavailable':
      return null;
  }
}

/**
 * The saved ingest port waiting for a restart, or null: the desktop app binds the port once, at
 * start (`assay serve` has no such setting in effect: its own port serves).
 */
export function pendingIngestPort(status: IngestStatus, savedPort: number): number | null {
  if (status.state === 'server' || status.port === savedPort) return null;
  return savedPort;
}

/**
 * `ingest.status`: fixed for the life of the app (the port is bound once at start), so asked
 * once and cached.
 */
export function useIngestStatus(): { status: IngestStatus | null; error: ClientError | null } {
  const { data, error } = useChannelQuery('ingest.status', {}, { staleTime: Infinity });
  return { status: data ?? null, error };
}
