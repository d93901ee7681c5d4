import { AssayError } from '../../../shared/errors';
import type { CoreServices } from '../core-services';
import { spanView } from '../../tracing/views';
import type { Handlers } from '../dispatcher';

type TraceChannel =
  | 'spans.get'
  | 'traces.list'
  | 'traces.get'
  | 'interactions.create'
  | 'interactions.feedback'
  | 'interactions.list'
  | 'interactions.get'
  | 'traces.facets'
  | 'traces.promptVersion';

export function traceHandlers(services: CoreServices): Pick<Handlers, TraceChannel> {
  const tracing = services.tracing;
  return {
    'spans.get': async ({ id }) => {
      const span = await tracing.span(id);
      if (!span) throw new AssayError('NOT_FOUND', `spans.get: no span with id "${id}"`);
      return spanView(span);
    },
    'traces.list': (input) => tracing.list(input),
    'traces.get': ({ id }) => tracing.get(id),
    'interactions.create': (input) => tracing.createInteraction(input),
    'interactions.feedback': (input) => tracing.feedback(input),
    'interactions.list': (input) => tracing.listInteractions(input),
    'interactions.get': ({ id }) => tracing.interaction(id),
    'traces.facets': () => tracing.facets(),
    'traces.promptVersion': ({ id }) => services.prompts.resolveRef(id),
  };
}
