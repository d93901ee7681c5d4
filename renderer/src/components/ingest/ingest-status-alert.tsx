import { TriangleAlert } from 'lucide-react';
import { Link } from 'wouter';
import type { IngestStatus } from '../../../../shared/contract';
import { Alert, AlertDescription, AlertTitle } from '../ui/alert';

type Unavailable = Extract<IngestStatus, { state: 'unavailable' }>;

/**
 * The desktop app's ingest server is off: the user's apps' calls and spans go nowhere (or to
 * whichever program holds the port), so say so wherever the ingest URLs would be. `inSettings`:
 * shown next to the port field, so no link to Settings.
 */
export function IngestStatusAlert({
  status,
  inSettings = false,
}: {
  status: IngestStatus | null;
  inSettings?: boolean;
}) {
  if (status?.state !== 'unavailable') return null;
  const settings = inSettings ? (
    'below'
  ) : (
    <>
      in{' '}
      <Link href="/settings" className="underline underline-offset-2" data-testid="ingest-settings">
        Settings
      </Link>
    </>
  );
  return (
    <Alert variant="destructive" data-testid="ingest-unavailable">
      <TriangleAlert />
      <AlertTitle data-testid="ingest-unavailable-title">{title(status)}</AlertTitle>
      <AlertDescription>
        <p>
          Your apps&apos; calls and spans are not captured by this app. Change the ingest port{' '}
          {settings}
          {status.inUse ? ' or stop the other program' : ''}, then restart Assay.
        </p>
      </AlertDescription>
    </Alert>
  );
}

function title(status: Unavailable): string {
  return status.inUse
    ? `Capture is off: port ${status.port} is in use (${status.reason}).`
    : `Capture is off: the ingest server could not start on port ${status.port} (${status.reason}).`;
}
