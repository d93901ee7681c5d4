import type { Kysely } from 'kysely';
import type { CalibrationFlag } from '../../../shared/contract/quality-insights';
import type { DB } from '../../store/schema';
import { GraderRepository } from '../grader-repository';
import { graderCalibration } from './grader-calibration';

/**
 * Every live LLM judge's agreement with people's scores under it (the default reference), for
 * the badges shown wherever a judge's scores appear. Judges with no human scores come back
 * with n 0, kappa null and not flagged: nothing says they are wrong yet.
 */
export async function calibrationFlags(db: Kysely<DB>): Promise<CalibrationFlag[]> {
  const judges = (await new GraderRepository(db).list(false)).filter(
    (g) => g.grader.kind === 'llm_judge',
  );
  const flags: CalibrationFlag[] = [];
  for (const { grader } of judges) {
    const c = await graderCalibration(db, { id: grader.id }, { links: false });
    flags.push({ graderId: grader.id, n: c.n, kappa: c.kappa, flagged: c.flagged });
  }
  return flags;
}
