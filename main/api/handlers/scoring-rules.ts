import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type ScoringRuleChannel =
  | 'scoringRules.list'
  | 'scoringRules.get'
  | 'scoringRules.create'
  | 'scoringRules.update'
  | 'scoringRules.archive'
  | 'scoringRules.rescore';

export function scoringRuleHandlers(services: CoreServices): Pick<Handlers, ScoringRuleChannel> {
  const rules = services.scoringRules;
  return {
    'scoringRules.list': (input) => rules.list(input),
    'scoringRules.get': ({ id }) => rules.get(id),
    'scoringRules.create': (input) => rules.create(input),
    'scoringRules.update': (input) => rules.update(input),
    'scoringRules.archive': (input) => rules.archive(input),
    'scoringRules.rescore': ({ id }) => rules.rescore(id),
  };
}
