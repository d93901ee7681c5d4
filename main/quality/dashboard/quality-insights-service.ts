import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import type {
  Calibration,
  CalibrationFlag,
  ScorecardDashboard,
} from '../../../shared/contract/quality-insights';
import type { ScorecardView } from '../../../shared/contract/quality';
import type { Store } from '../../store/store';
import { calibrationFlags } from '../calibration/calibration-flags';
import { graderCalibration } from '../calibration/grader-calibration';
import { dashboardTargets } from './dashboard-targets';
import { scorecardDashboard } from './scorecard-dashboard';
import { scorecardVersions } from './scorecard-versions';

/**
 * The read side of quality: judge calibration against people, and scorecard dashboards with
 * their drill-down. It only reads; graders, scorecards and scores are written through
 * QualityService.
 */
export class QualityInsightsService {
  constructor(private readonly store: Store) {}

  calibration(input: ParsedInput<'graders.calibration'>): Promise<Calibration> {
    return graderCalibration(this.store.db, input);
  }

  calibrationFlags(): Promise<CalibrationFlag[]> {
    return calibrationFlags(this.store.db);
  }

  scorecardVersions(id: string): Promise<ScorecardView[]> {
    return scorecardVersions(this.store.db, id);
  }

  dashboard(input: ParsedInput<'scorecards.dashboard'>, now?: number): Promise<ScorecardDashboard> {
    return scorecardDashboard(this.store, input, now);
  }

  dashboardTargets(
    input: ParsedInput<'scorecards.dashboardTargets'>,
  ): Promise<ChannelOutput<'scorecards.dashboardTargets'>> {
    return dashboardTargets(this.store.db, input);
  }
}
