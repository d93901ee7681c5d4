import type { Kysely } from 'kysely';
import type { PromptKind } from '../../shared/contract';
import { writeJson } from '../store/json-column';
import type { DB } from '../store/schema';
import { chunks } from '../store/vectors/vector-checks';
import type { Dialect } from '../store/store';
import {
  promptRow,
  toPrompt,
  toVersion,
  versionRow,
  type ComponentRefRecord,
  type PromptRecord,
  type Referrer,
  type VersionRecord,
} from './prompt-rows';

/**
 * Prompts and their versions. Versions are only ever inserted (a trigger refuses updates on
 * both dialects); the prompt row is the one small mutable register (description, tags,
 * deletion), and on PostgreSQL also the lock that serializes writers of one prompt.
 */
export class PromptRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  async promptByName(name: string): Promise<PromptRecord | undefined> {
    const row = await this.db
      .selectFrom('prompt')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row && toPrompt(row);
  }

  async promptById(id: string): Promise<PromptRecord | undefined> {
    const row = await this.db
      .selectFrom('prompt')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toPrompt(row);
  }

  /**
   * The prompt row, re-read and locked until the transaction ends, so writers of one prompt in
   * other processes wait their turn (PostgreSQL; SQLite has one writer at a time anyway).
   * Call it first in a write transaction: every writer takes this lock before any label row.
   */
  async lockPrompt(id: string): Promise<PromptRecord | undefined> {
    const query = this.db.selectFrom('prompt').selectAll().where('id', '=', id);
    const row = await (this.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    return row && toPrompt(row);
  }

  async prompts(options: { includeDeleted: boolean; kind?: PromptKind }): Promise<PromptRecord[]> {
    let query = this.db.selectFrom('prompt').selectAll().orderBy('name');
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    if (options.kind) query = query.where('kind', '=', options.kind);
    return (await query.execute()).map(toPrompt);
  }

  async insertPrompt(prompt: PromptRecord): Promise<void> {
    await this.db.insertInto('prompt').values(promptRow(prompt)).execute();
  }

  async updatePrompt(
    id: string,
    fields: Pick<PromptRecord, 'description' | 'tags' | 'updatedAt' | 'deletedAt'>,
  ): Promise<void> {
    await this.db
      .updateTable('prompt')
      .set({
        description: fields.description,
        tags_json: writeJson(fields.tags),
        updated_at: fields.updatedAt,
        deleted_at: fields.deletedAt,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Newest first. */
  async versionsOf(promptId: string): Promise<VersionRecord[]> {
    const rows = await this.db
      .selectFrom('prompt_version')
      .selectAll()
      .where('prompt_id', '=', promptId)
      .orderBy('major', 'desc')
      .orderBy('minor', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  /** Name, number and author of each version id found (one query; a leaderboard names many). */
  async versionNames(
    ids: readonly string[],
  ): Promise<{ id: string; name: string; major: number; minor: number; author: string }[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('prompt_version as v')
      .innerJoin('prompt as p', 'p.id', 'v.prompt_id')
      .select(['v.id', 'p.name', 'v.major', 'v.minor', 'v.author'])
      .where('v.id', 'in', ids)
      .execute();
  }

  async versionById(id: string): Promise<VersionRecord | undefined> {
    const row = await this.db
      .selectFrom('prompt_version')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  async versionByNumber(
    promptId: string,
    major: number,
    minor: number,
  ): Promise<VersionRecord | undefined> {
    const row = await this.db
      .selectFrom('prompt_version')
      .selectAll()
      .where('prompt_id', '=', promptId)
      .where('major', '=', major)
      .where('minor', '=', minor)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  /** The highest version number: what "latest" means, whatever order versions arrived in. */
  async latestVersion(promptId: string): Promise<VersionRecord | undefined> {
    const row = await this.db
      .selectFrom('prompt_version')
      .selectAll()
      .where('prompt_id', '=', promptId)
      .orderBy('major', 'desc')
      .orderBy('minor', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  /**
   * The latest version of each of these prompts, read in a few queries however many prompts a
   * list shows (one query per prompt made a 50-prompt list take 100 round trips on Postgres).
   */
  async latestVersions(promptIds: readonly string[]): Promise<Map<string, VersionRecord>> {
    const latest = new Map<string, VersionRecord>();
    for (const ids of chunks(promptIds, ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('prompt_version as v')
        .selectAll('v')
        .where('v.prompt_id', 'in', ids)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('prompt_version as w')
                .select('w.id')
                .whereRef('w.prompt_id', '=', 'v.prompt_id')
                .where(({ or, and, eb }) =>
                  or([
                    eb('w.major', '>', eb.ref('v.major')),
                    and([
                      eb('w.major', '=', eb.ref('v.major')),
                      eb('w.minor', '>', eb.ref('v.minor')),
                    ]),
                  ]),
                ),
            ),
          ),
        )
        .execute();
      for (const row of rows) latest.set(row.prompt_id, toVersion(row));
    }
    return latest;
  }

  /**
   * Inserts a version and the refs its content makes, in the caller's transaction. A number
   * another writer took first fails with a unique violation (UNIQUE (prompt_id, major, minor)).
   */
  async insertVersion(version: VersionRecord, refs: readonly ComponentRefRecord[]): Promise<void> {
    await this.db.insertInto('prompt_version').values(versionRow(version)).execute();
    if (refs.length === 0) return;
    await this.db
      .insertInto('prompt_component_ref')
      .values(
        refs.map((ref) => ({
          version_id: version.id,
          position: ref.position,
          component_prompt_id: ref.componentPromptId,
          component_version_id: ref.componentVersionId,
          component_label: ref.componentLabel,
        })),
      )
      .execute();
  }

  /** Versions of other prompts whose content uses `promptId` as a component. */
  async referrersOf(promptId: string): Promise<Referrer[]> {
    const rows = await this.db
      .selectFrom('prompt_component_ref as r')
      .innerJoin('prompt_version as v', 'v.id', 'r.version_id')
      .innerJoin('prompt as p', 'p.id', 'v.prompt_id')
      .leftJoin('prompt_version as pv', 'pv.id', 'r.component_version_id')
      .select([
        'p.name as promptName',
        'v.major as major',
        'v.minor as minor',
        'pv.major as pinnedMajor',
        'pv.minor as pinnedMinor',
      ])
      .where('r.component_prompt_id', '=', promptId)
      .whereRef('v.prompt_id', '<>', 'r.component_prompt_id')
      .orderBy('p.name')
      .orderBy('v.major')
      .orderBy('v.minor')
      .execute();
    return rows;
  }

  /**
   * Removes a prompt with its versions, labels and label history. Foreign keys with
   * ON DELETE RESTRICT (refs from other prompts, eval runs) make this throw instead.
   */
  async deletePromptTree(promptId: string): Promise<void> {
    await this.db.deleteFrom('prompt_label_event').where('prompt_id', '=', promptId).execute();
    await this.db.deleteFrom('prompt_label').where('prompt_id', '=', promptId).execute();
    // One statement, so parent links inside the tree are checked only once it is all gone.
    await this.db.deleteFrom('prompt_version').where('prompt_id', '=', promptId).execute();
    await this.db.deleteFrom('prompt').where('id', '=', promptId).execute();
  }
}

/** Ids per IN list: far below SQLite's and Postgres's parameter limits. */
export const ID_CHUNK = 500;
