import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type SecondJudgeChannel =
  'graders.secondJudge.start' | 'graders.secondJudge.jobs' | 'graders.secondJudge.cancel';

export function secondJudgeHandlers(services: CoreServices): Pick<Handlers, SecondJudgeChannel> {
  const secondJudge = services.secondJudge;
  return {
    'graders.secondJudge.start': (input) => secondJudge.start(input),
    'graders.secondJudge.jobs': ({ graderId }) =>
      Promise.resolve({ jobs: secondJudge.jobsOf(graderId) }),
    'graders.secondJudge.cancel': ({ jobId }) => secondJudge.cancel(jobId),
  };
}
