import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

export function traceSearchHandlers(
  services: CoreServices,
): Pick<
  Handlers,
  | 'semantic.status'
  | 'semantic.configure'
  | 'traces.searchByMeaning'
  | 'traces.similar'
  | 'interactions.similar'
  | 'evals.similarFailures'
> {
  const { semantic } = services;
  return {
    'semantic.status': () => semantic.status(),
    'semantic.configure': (input) => semantic.configure(input),
    'traces.searchByMeaning': (input) => semantic.searchByMeaning(input),
    'traces.similar': (input) => semantic.similarTraces(input),
    'interactions.similar': (input) => semantic.similarInteractions(input),
    'evals.similarFailures': (input) => semantic.similarFailures(input),
  };
}
