import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

export function traceSearchHandlers(_services: CoreServices): Pick<Handlers, never> {
  return {};
}
