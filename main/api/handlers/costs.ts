import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type CostChannel = 'costs.whatIf' | 'costs.recompute' | 'costs.history';

export function costHandlers(services: CoreServices): Pick<Handlers, CostChannel> {
  const costs = services.costs;
  return {
    'costs.whatIf': (input) => costs.whatIf(input),
    'costs.recompute': (input) => costs.recompute(input),
    'costs.history': (input) => costs.history(input),
  };
}
