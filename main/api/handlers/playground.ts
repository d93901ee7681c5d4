import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

export function playgroundHandlers(
  services: CoreServices,
): Pick<Handlers, 'playground.run' | 'playground.history'> {
  const { playground } = services;
  return {
    'playground.run': (input) => playground.run(input),
    'playground.history': async ({ limit }) => ({ runs: await playground.history(limit) }),
  };
}
