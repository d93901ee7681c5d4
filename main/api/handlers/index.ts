import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';
import { authHandlers } from './auth';
import { backtestHandlers } from './backtests';
import { costHandlers } from './costs';
import { datasetHandlers } from './datasets';
import { evalHandlers } from './evals';
import { ingestHandlers } from './ingest';
import { leaderboardHandlers } from './leaderboards';
import { llmHandlers } from './llm';
import { playgroundHandlers } from './playground';
import { promptHandlers } from './prompts';
import { pulseHandlers } from './pulse';
import { qualityHandlers } from './quality';
import { reviewHandlers } from './review';
import { qualityInsightHandlers } from './quality-insights';
import { scoringRuleHandlers } from './scoring-rules';
import { secondJudgeHandlers } from './second-judge';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import { traceActionHandlers } from './trace-actions';
import { traceInsightHandlers } from './trace-insights';
import { traceSearchHandlers } from './trace-search';
import { traceHandlers } from './traces';

/** Composes every domain's handlers into the one map the dispatcher serves. */
export function createHandlers(services: CoreServices): Handlers {
  return {
    ...systemHandlers(services),
    ...authHandlers(services),
    ...ingestHandlers(services),
    ...settingsHandlers(services),
    ...llmHandlers(services),
    ...promptHandlers(services),
    ...playgroundHandlers(services),
    ...datasetHandlers(services),
    ...evalHandlers(services),
    ...traceHandlers(services),
    ...traceActionHandlers(services),
    ...traceInsightHandlers(services),
    ...traceSearchHandlers(services),
    ...costHandlers(services),
    ...qualityHandlers(services),
    ...pulseHandlers(services),
    ...reviewHandlers(services),
    ...qualityInsightHandlers(services),
    ...scoringRuleHandlers(services),
    ...secondJudgeHandlers(services),
    ...backtestHandlers(services),
    ...leaderboardHandlers(services),
  };
}
