import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type BacktestChannel = Extract<keyof Handlers, `backtests.${string}`>;

export function backtestHandlers(services: CoreServices): Pick<Handlers, BacktestChannel> {
  const backtests = services.backtests;
  return {
    'backtests.sets.create': (input) => backtests.createSet(input),
    'backtests.sets.list': async ({ includeArchived }) => ({
      sets: await backtests.listSets(includeArchived),
    }),
    'backtests.sets.get': (input) => backtests.getSet(input),
    'backtests.sets.archive': ({ id, archived }) => backtests.archiveSet(id, archived),
    'backtests.estimate': (input) => backtests.estimate(input),
    'backtests.runs.create': (input) => backtests.createRun(input),
    'backtests.runs.list': async ({ set, limit }) => ({
      runs: await backtests.listRuns(set, limit),
    }),
    'backtests.runs.get': ({ id }) => backtests.getRun(id),
    'backtests.runs.resume': ({ id }) => backtests.resume(id),
    'backtests.runs.cancel': ({ id }) => backtests.cancel(id),
    'backtests.runs.pairs': (input) => backtests.pairs(input),
    'backtests.runs.exportCases': (input) => backtests.exportCases(input),
    'backtests.schedules.create': (input) => backtests.schedules.create(input),
    'backtests.schedules.list': async () => ({ schedules: await backtests.schedules.list() }),
    'backtests.schedules.delete': async ({ id }) => ({
      deleted: await backtests.schedules.delete(id),
    }),
  };
}
