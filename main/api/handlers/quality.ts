import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type QualityChannel =
  | 'graders.list'
  | 'graders.get'
  | 'graders.create'
  | 'graders.update'
  | 'graders.archive'
  | 'scorecards.list'
  | 'scorecards.get'
  | 'scorecards.create'
  | 'scorecards.update'
  | 'scorecards.archive'
  | 'scores.create'
  | 'scores.list';

export function qualityHandlers(services: CoreServices): Pick<Handlers, QualityChannel> {
  const quality = services.quality;
  return {
    'graders.list': async (input) => ({ graders: await quality.listGraders(input) }),
    'graders.get': ({ id }) => quality.getGrader(id),
    'graders.create': (input) => quality.createGrader(input),
    'graders.update': (input) => quality.updateGrader(input),
    'graders.archive': (input) => quality.archiveGrader(input),
    'scorecards.list': async (input) => ({ scorecards: await quality.listScorecards(input) }),
    'scorecards.get': (input) => quality.getScorecard(input),
    'scorecards.create': (input) => quality.createScorecard(input),
    'scorecards.update': (input) => quality.updateScorecard(input),
    'scorecards.archive': (input) => quality.archiveScorecard(input),
    'scores.create': (input) => quality.createScore(input),
    'scores.list': (input) => quality.listScores(input),
  };
}
