import type { Kysely } from 'kysely';
import type { ScorecardView } from '../../../shared/contract/quality';
import type { DB } from '../../store/schema';
import { ScorecardRepository, scorecardView } from '../scorecard-repository';
import { scorecardAt } from './scorecard-scope';

/** Every version of a scorecard, newest first (a scorecard has a handful: one read each). */
export async function scorecardVersions(db: Kysely<DB>, id: string): Promise<ScorecardView[]> {
  const latest = await scorecardAt(db, 'scorecards.versions', id);
  const repo = new ScorecardRepository(db);
  const card = (await repo.scorecard(id))!;
  const out: ScorecardView[] = [latest];
  for (let n = latest.version - 1; n >= 1; n--) {
    const version = await repo.version(id, n);
    if (version) out.push(scorecardView(card, version));
  }
  return out;
}
