import { picoToUsd } from '../../../shared/money';
import { AssayError } from '../../../shared/errors';
import type { CoreServices } from '../../core/services';
import type { Handlers } from '../dispatcher';

export function traceHandlers(services: CoreServices): Pick<Handlers, 'spans.get'> {
  return {
    'spans.get': async ({ id }) => {
      const span = await services.llm.span(id);
      if (!span) throw new AssayError('NOT_FOUND', `spans.get: no span with id "${id}"`);
      // Stored as redacted JSON text; parsed here so clients get structure, not strings.
      return {
        ...span,
        request: JSON.parse(span.requestJson) as unknown,
        response: span.responseJson === null ? null : (JSON.parse(span.responseJson) as unknown),
        costUsd: span.costPicoUsd === null ? null : picoToUsd(span.costPicoUsd),
      };
    },
  };
}
