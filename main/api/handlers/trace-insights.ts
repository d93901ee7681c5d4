import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type InsightChannel = 'traces.stats' | 'sessions.list' | 'sessions.get';

export function traceInsightHandlers(services: CoreServices): Pick<Handlers, InsightChannel> {
  const insights = services.tracing.insights;
  return {
    'traces.stats': (input) => insights.stats(input),
    'sessions.list': (input) => insights.sessions(input),
    'sessions.get': ({ id }) => insights.session(id),
  };
}
