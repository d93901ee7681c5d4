import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';
import { caseFromInteraction, interactionCaseDraft } from '../../tracing/actions/interaction-case';
import { redactionPreview } from '../../tracing/actions/redaction-preview';
import { RerunService } from '../../tracing/actions/rerun-service';

type TraceActionChannel =
  | 'spans.rerun'
  | 'spans.reruns'
  | 'traces.rerun'
  | 'interactions.rerun'
  | 'cases.redactionPreview'
  | 'cases.draftFromInteraction'
  | 'cases.fromInteraction';

export function traceActionHandlers(services: CoreServices): Pick<Handlers, TraceActionChannel> {
  const reruns = new RerunService({
    llm: services.llm,
    tracing: services.tracing,
    prompts: services.prompts,
    variables: services.spanVariables,
    events: services.events,
  });
  return {
    'spans.rerun': ({ spanId, ...overrides }) => reruns.rerunSpan(spanId, overrides),
    'spans.reruns': ({ spanId }) => reruns.reruns(spanId),
    'traces.rerun': ({ traceId, ...overrides }) => reruns.rerunTrace(traceId, overrides),
    'interactions.rerun': ({ interactionId, ...overrides }) =>
      reruns.rerunInteraction(interactionId, overrides),
    'cases.redactionPreview': async (draft) =>
      redactionPreview(draft, services.secrets.knownValues()),
    'cases.draftFromInteraction': ({ interactionId }) =>
      interactionCaseDraft(services, interactionId),
    'cases.fromInteraction': (input) => caseFromInteraction(services, input),
  };
}
