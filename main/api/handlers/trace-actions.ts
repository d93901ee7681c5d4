import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

export function traceActionHandlers(_services: CoreServices): Pick<Handlers, never> {
  return {};
}
