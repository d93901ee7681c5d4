import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type QualityInsightChannel =
  | 'graders.calibration'
  | 'graders.calibrationFlags'
  | 'scorecards.versions'
  | 'scorecards.dashboard'
  | 'scorecards.dashboardTargets';

export function qualityInsightHandlers(
  services: CoreServices,
): Pick<Handlers, QualityInsightChannel> {
  const insights = services.qualityInsights;
  return {
    'graders.calibration': (input) => insights.calibration(input),
    'graders.calibrationFlags': async () => ({ graders: await insights.calibrationFlags() }),
    'scorecards.versions': async ({ id }) => ({ versions: await insights.scorecardVersions(id) }),
    'scorecards.dashboard': (input) => insights.dashboard(input),
    'scorecards.dashboardTargets': (input) => insights.dashboardTargets(input),
  };
}
