import type { Handlers } from '../dispatcher';
import type { CoreServices } from '../core-services';

export function ingestHandlers(
  services: Pick<CoreServices, 'ingestStatus'>,
): Pick<Handlers, 'ingest.status'> {
  return {
    'ingest.status': () => services.ingestStatus(),
  };
}
