import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type DatasetChannels =
  | 'datasets.create'
  | 'datasets.list'
  | 'datasets.get'
  | 'datasets.update'
  | 'datasets.delete'
  | 'datasets.restore'
  | 'datasets.import'
  | 'datasets.export'
  | 'datasets.files'
  | 'datasets.syncSuite'
  | 'cases.add'
  | 'cases.update'
  | 'cases.delete'
  | 'cases.list'
  | 'cases.draftFromSpan'
  | 'cases.fromSpan';

export function datasetHandlers(services: CoreServices): Pick<Handlers, DatasetChannels> {
  const { datasets } = services;
  return {
    'datasets.create': (input) => datasets.create(input),
    'datasets.list': async (input) => ({ datasets: await datasets.list(input) }),
    'datasets.get': ({ name, ...page }) => datasets.get(name, page),
    'datasets.update': (input) => datasets.update(input),
    'datasets.delete': async ({ name }) => ({ deleted: await datasets.delete(name) }),
    'datasets.restore': ({ name }) => datasets.restore(name),
    'datasets.import': (input) => datasets.import(input),
    'datasets.export': ({ name, format }) => datasets.export(name, format),
    'datasets.files': async ({ name }) => ({ files: await datasets.filesOf(name) }),
    'datasets.syncSuite': (input) => datasets.syncSuite(input),
    'cases.add': async ({ dataset, cases }) => ({
      cases: await datasets.addCases(dataset, cases),
    }),
    'cases.update': (input) => datasets.updateCase(input),
    'cases.delete': async ({ id, dataset }) => ({
      deleted: await datasets.deleteCase(id, dataset),
    }),
    'cases.list': ({ dataset, ...query }) => datasets.listCases(dataset, query),
    'cases.draftFromSpan': ({ spanId }) => datasets.draftFromSpan(spanId),
    'cases.fromSpan': (input) => datasets.fromSpan(input),
  };
}
