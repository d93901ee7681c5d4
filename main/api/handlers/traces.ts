import { AssayError } from '../../../shared/errors';
import type { CoreServices } from '../core-services';
import { spanView } from '../../tracing/views';
import type { Handlers } from '../dispatcher';

export function traceHandlers(services: CoreServices): Pick<Handlers, 'spans.get'> {
  return {
    'spans.get': async ({ id }) => {
      const span = await services.llm.span(id);
      if (!span) throw new AssayError('NOT_FOUND', `spans.get: no span with id "${id}"`);
      return spanView(span);
    },
  };
}
