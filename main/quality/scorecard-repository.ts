import type { Kysely, Selectable } from 'kysely';
import type { ScorecardBody, ScorecardView } from '../../shared/contract/quality';
import { readJson, writeJson } from '../store/json-column';
import type { DB, ScorecardTable, ScorecardVersionTable } from '../store/schema';

export interface ScorecardRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly archived: boolean;
  readonly createdAt: string;
}

export interface ScorecardVersionRecord {
  readonly id: string;
  readonly scorecardId: string;
  readonly version: number;
  readonly body: ScorecardBody;
  readonly createdAt: string;
}

function toScorecard(row: Selectable<ScorecardTable>): ScorecardRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    archived: row.archived === 1,
    createdAt: row.created_at,
  };
}

function toVersion(row: Selectable<ScorecardVersionTable>): ScorecardVersionRecord {
  return {
    id: row.id,
    scorecardId: row.scorecard_id,
    version: row.version,
    body: readJson<ScorecardBody>(row.body_json),
    createdAt: row.created_at,
  };
}

/** The contract's view: the scorecard at one of its versions. */
export function scorecardView(
  card: ScorecardRecord,
  version: ScorecardVersionRecord,
): ScorecardView {
  return {
    id: card.id,
    name: card.name,
    description: card.description,
    version: version.version,
    versionId: version.id,
    body: version.body,
    archived: card.archived,
    createdAt: card.createdAt,
  };
}

/** Scorecards and their immutable versions. */
export class ScorecardRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertScorecard(card: ScorecardRecord): Promise<void> {
    await this.db
      .insertInto('scorecard')
      .values({
        id: card.id,
        name: card.name,
        description: card.description,
        archived: card.archived ? 1 : 0,
        created_at: card.createdAt,
      })
      .execute();
  }

  async insertVersion(version: ScorecardVersionRecord): Promise<void> {
    await this.db
      .insertInto('scorecard_version')
      .values({
        id: version.id,
        scorecard_id: version.scorecardId,
        version: version.version,
        body_json: writeJson(version.body),
        created_at: version.createdAt,
      })
      .execute();
  }

  async scorecard(id: string): Promise<ScorecardRecord | null> {
    const row = await this.db
      .selectFrom('scorecard')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toScorecard(row) : null;
  }

  async liveByName(name: string): Promise<ScorecardRecord | null> {
    const row = await this.db
      .selectFrom('scorecard')
      .selectAll()
      .where('name', '=', name)
      .where('archived', '=', 0)
      .executeTakeFirst();
    return row ? toScorecard(row) : null;
  }

  /** The newest archived scorecard of this name (names are unique among live ones only). */
  async archivedByName(name: string): Promise<ScorecardRecord | null> {
    const row = await this.db
      .selectFrom('scorecard')
      .selectAll()
      .where('name', '=', name)
      .where('archived', '=', 1)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? toScorecard(row) : null;
  }

  /** Scorecards newest first, each at its latest version. */
  async list(includeArchived: boolean): Promise<ScorecardView[]> {
    let q = this.db
      .selectFrom('scorecard')
      .innerJoin('scorecard_version as v', 'v.scorecard_id', 'scorecard.id')
      .selectAll('scorecard')
      .select([
        'v.id as v_id',
        'v.version as v_version',
        'v.body_json',
        'v.created_at as v_created_at',
      ])
      .where((eb) =>
        eb(
          'v.version',
          '=',
          eb
            .selectFrom('scorecard_version as m')
            .select((m) => m.fn.max('m.version').as('max'))
            .whereRef('m.scorecard_id', '=', 'scorecard.id'),
        ),
      );
    if (!includeArchived) q = q.where('scorecard.archived', '=', 0);
    const rows = await q
      .orderBy('scorecard.created_at', 'desc')
      .orderBy('scorecard.id', 'desc')
      .execute();
    return rows.map((row) =>
      scorecardView(
        toScorecard(row),
        toVersion({
          id: row.v_id,
          scorecard_id: row.id,
          version: row.v_version,
          body_json: row.body_json,
          created_at: row.v_created_at,
        }),
      ),
    );
  }

  /** The version numbered `version`, or the latest when it is undefined. */
  async version(scorecardId: string, version?: number): Promise<ScorecardVersionRecord | null> {
    let q = this.db
      .selectFrom('scorecard_version')
      .selectAll()
      .where('scorecard_id', '=', scorecardId);
    q =
      version === undefined
        ? q.orderBy('version', 'desc').limit(1)
        : q.where('version', '=', version);
    const row = await q.executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db
      .updateTable('scorecard')
      .set({ archived: archived ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async setDescription(id: string, description: string): Promise<void> {
    await this.db.updateTable('scorecard').set({ description }).where('id', '=', id).execute();
  }
}
