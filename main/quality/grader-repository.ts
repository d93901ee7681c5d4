import type { Kysely, Selectable } from 'kysely';
import type {
  GraderDefinition,
  GraderKind,
  GraderVersionView,
  ScoreConfig,
} from '../../shared/contract/quality';
import { readJson, writeJson } from '../store/json-column';
import type { DB, GraderTable, GraderVersionTable } from '../store/schema';

export interface GraderRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: GraderKind;
  readonly builtIn: boolean;
  readonly archived: boolean;
  readonly createdAt: string;
}

export type GraderVersionRecord = GraderVersionView;

function toGrader(row: Selectable<GraderTable>): GraderRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind as GraderKind,
    builtIn: row.built_in === 1,
    archived: row.archived === 1,
    createdAt: row.created_at,
  };
}

function toVersion(row: Selectable<GraderVersionTable>): GraderVersionRecord {
  return {
    id: row.id,
    graderId: row.grader_id,
    version: row.version,
    definition: readJson<GraderDefinition>(row.definition_json),
    scoreConfig: readJson<ScoreConfig>(row.score_config_json),
    rubric: row.rubric,
    createdAt: row.created_at,
  };
}

const graderRow = (g: GraderRecord) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  kind: g.kind,
  built_in: g.builtIn ? 1 : 0,
  archived: g.archived ? 1 : 0,
  created_at: g.createdAt,
});

const versionRow = (v: GraderVersionRecord) => ({
  id: v.id,
  grader_id: v.graderId,
  version: v.version,
  definition_json: writeJson(v.definition),
  score_config_json: writeJson(v.scoreConfig),
  rubric: v.rubric,
  created_at: v.createdAt,
});

/** Graders and their immutable versions. */
export class GraderRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertGrader(grader: GraderRecord): Promise<void> {
    await this.db.insertInto('grader').values(graderRow(grader)).execute();
  }

  async insertVersion(version: GraderVersionRecord): Promise<void> {
    await this.db.insertInto('grader_version').values(versionRow(version)).execute();
  }

  /**
   * Inserts a shipped grader unless its id is stored (or a live grader has its name: the
   * user's one stands). Returns whether the grader row exists afterwards.
   */
  async insertBuiltIn(grader: GraderRecord, first: GraderVersionRecord): Promise<boolean> {
    await this.db
      .insertInto('grader')
      .values(graderRow(grader))
      .onConflict((oc) => oc.doNothing())
      .execute();
    if (!(await this.grader(grader.id))) return false;
    await this.db
      .insertInto('grader_version')
      .values(versionRow(first))
      .onConflict((oc) => oc.doNothing())
      .execute();
    return true;
  }

  async grader(id: string): Promise<GraderRecord | null> {
    const row = await this.db
      .selectFrom('grader')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toGrader(row) : null;
  }

  async liveByName(name: string): Promise<GraderRecord | null> {
    const row = await this.db
      .selectFrom('grader')
      .selectAll()
      .where('name', '=', name)
      .where('archived', '=', 0)
      .executeTakeFirst();
    return row ? toGrader(row) : null;
  }

  /** How many of these ids are stored (the built-in seed skips its work when all are). */
  async countIds(ids: readonly string[]): Promise<number> {
    const row = await this.db
      .selectFrom('grader')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Graders newest first, each with its latest version. */
  async list(
    includeArchived: boolean,
  ): Promise<{ grader: GraderRecord; latest: GraderVersionRecord }[]> {
    let q = this.db
      .selectFrom('grader')
      .innerJoin('grader_version as v', 'v.grader_id', 'grader.id')
      .selectAll('grader')
      .select([
        'v.id as v_id',
        'v.version as v_version',
        'v.definition_json as v_definition_json',
        'v.score_config_json as v_score_config_json',
        'v.rubric as v_rubric',
        'v.created_at as v_created_at',
      ])
      .where((eb) =>
        eb(
          'v.version',
          '=',
          eb
            .selectFrom('grader_version as m')
            .select((m) => m.fn.max('m.version').as('max'))
            .whereRef('m.grader_id', '=', 'grader.id'),
        ),
      );
    if (!includeArchived) q = q.where('grader.archived', '=', 0);
    // Ties (the built-ins, seeded in one instant) read in id order: the order they are documented in.
    const rows = await q.orderBy('grader.created_at', 'desc').orderBy('grader.id', 'asc').execute();
    return rows.map((row) => ({
      grader: toGrader(row),
      latest: toVersion({
        id: row.v_id,
        grader_id: row.id,
        version: row.v_version,
        definition_json: row.v_definition_json,
        score_config_json: row.v_score_config_json,
        rubric: row.v_rubric,
        created_at: row.v_created_at,
      }),
    }));
  }

  async latestVersion(graderId: string): Promise<GraderVersionRecord | null> {
    const row = await this.db
      .selectFrom('grader_version')
      .selectAll()
      .where('grader_id', '=', graderId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async versionByNumber(graderId: string, version: number): Promise<GraderVersionRecord | null> {
    const row = await this.db
      .selectFrom('grader_version')
      .selectAll()
      .where('grader_id', '=', graderId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async versionById(id: string): Promise<GraderVersionRecord | null> {
    const row = await this.db
      .selectFrom('grader_version')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  /** Every version, oldest first. */
  async versionsOf(graderId: string): Promise<GraderVersionRecord[]> {
    const rows = await this.db
      .selectFrom('grader_version')
      .selectAll()
      .where('grader_id', '=', graderId)
      .orderBy('version', 'asc')
      .execute();
    return rows.map(toVersion);
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db
      .updateTable('grader')
      .set({ archived: archived ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async setDescription(id: string, description: string): Promise<void> {
    await this.db.updateTable('grader').set({ description }).where('id', '=', id).execute();
  }
}
