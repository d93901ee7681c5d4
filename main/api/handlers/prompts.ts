import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type PromptChannels =
  | 'prompts.create'
  | 'prompts.list'
  | 'prompts.get'
  | 'prompts.update'
  | 'prompts.delete'
  | 'prompts.restore'
  | 'prompts.setLabel'
  | 'prompts.versions'
  | 'prompts.labelHistory'
  | 'prompts.render'
  | 'prompts.diff'
  | 'prompts.exportFiles'
  | 'prompts.importFiles';

export function promptHandlers(services: CoreServices): Pick<Handlers, PromptChannels> {
  const { prompts } = services;
  return {
    'prompts.create': (input) => prompts.create(input),
    'prompts.list': async (input) => ({ prompts: await prompts.list(input) }),
    'prompts.get': ({ name, ...selector }) => prompts.get(name, selector),
    'prompts.update': (input) => prompts.update(input),
    'prompts.delete': async ({ name }) => ({ deleted: await prompts.delete(name) }),
    'prompts.restore': ({ name }) => prompts.restore(name),
    'prompts.setLabel': (input) => prompts.setLabel(input),
    'prompts.versions': async ({ name }) => ({ versions: await prompts.versions(name) }),
    'prompts.labelHistory': async ({ name }) => ({ events: await prompts.labelHistory(name) }),
    'prompts.render': ({ name, version, label, variables, placeholders }) =>
      prompts.render(name, { version, label }, { variables, placeholders }),
    'prompts.diff': ({ name, from, to }) => prompts.diff(name, from, to),
    'prompts.exportFiles': () => prompts.exportFiles(),
    'prompts.importFiles': (input) => prompts.importFiles(input),
  };
}
