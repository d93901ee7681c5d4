import type { Database } from 'better-sqlite3';
import type { PromptKind } from '../../shared/contract';

export interface PromptRow {
  readonly id: string;
  readonly name: string;
  readonly kind: PromptKind;
  readonly description: string;
  readonly tags_json: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
}

export interface VersionRow {
  readonly id: string;
  readonly prompt_id: string;
  readonly major: number;
  readonly minor: number;
  readonly parent_version_id: string | null;
  readonly content_json: string;
  readonly content_hash: string;
  readonly author: string;
  readonly message: string;
  readonly created_at: string;
}

/** A composition ref as the database enforces it (see migration 0003). */
export interface ComponentRefRow {
  readonly position: number;
  readonly component_prompt_id: string;
  readonly component_version_id: string | null;
  readonly component_label: string | null;
}

/** A version of another prompt that uses this prompt as a component. */
export interface ReferrerRow {
  readonly prompt_name: string;
  readonly major: number;
  readonly minor: number;
  readonly pinned_major: number | null;
  readonly pinned_minor: number | null;
}

/**
 * SQL for prompts and their versions. Versions are only ever inserted (a trigger refuses
 * updates); the prompt row is the one small mutable register (description, tags, deletion).
 */
export class PromptStore {
  constructor(readonly db: Database) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  promptByName(name: string): PromptRow | undefined {
    return this.db.prepare('SELECT * FROM prompt WHERE name = ?').get(name) as
      PromptRow | undefined;
  }

  promptById(id: string): PromptRow | undefined {
    return this.db.prepare('SELECT * FROM prompt WHERE id = ?').get(id) as PromptRow | undefined;
  }

  prompts(options: { includeDeleted: boolean; kind?: PromptKind }): PromptRow[] {
    return this.db
      .prepare(
        `SELECT * FROM prompt
         WHERE (@includeDeleted = 1 OR deleted_at IS NULL) AND (@kind IS NULL OR kind = @kind)
         ORDER BY name`,
      )
      .all({
        includeDeleted: options.includeDeleted ? 1 : 0,
        kind: options.kind ?? null,
      }) as PromptRow[];
  }

  insertPrompt(row: PromptRow): void {
    this.db
      .prepare(
        `INSERT INTO prompt (id, name, kind, description, tags_json, created_at, updated_at, deleted_at)
         VALUES (@id, @name, @kind, @description, @tags_json, @created_at, @updated_at, @deleted_at)`,
      )
      .run(row);
  }

  updatePrompt(
    id: string,
    fields: Pick<PromptRow, 'description' | 'tags_json' | 'updated_at' | 'deleted_at'>,
  ): void {
    this.db
      .prepare(
        `UPDATE prompt SET description = @description, tags_json = @tags_json,
           updated_at = @updated_at, deleted_at = @deleted_at WHERE id = @id`,
      )
      .run({
        id,
        description: fields.description,
        tags_json: fields.tags_json,
        updated_at: fields.updated_at,
        deleted_at: fields.deleted_at,
      });
  }

  /** Newest first. */
  versionsOf(promptId: string): VersionRow[] {
    return this.db
      .prepare('SELECT * FROM prompt_version WHERE prompt_id = ? ORDER BY major DESC, minor DESC')
      .all(promptId) as VersionRow[];
  }

  versionById(id: string): VersionRow | undefined {
    return this.db.prepare('SELECT * FROM prompt_version WHERE id = ?').get(id) as
      VersionRow | undefined;
  }

  versionByNumber(promptId: string, major: number, minor: number): VersionRow | undefined {
    return this.db
      .prepare('SELECT * FROM prompt_version WHERE prompt_id = ? AND major = ? AND minor = ?')
      .get(promptId, major, minor) as VersionRow | undefined;
  }

  /** The highest version number: what "latest" means, whatever order versions arrived in. */
  latestVersion(promptId: string): VersionRow | undefined {
    return this.db
      .prepare(
        'SELECT * FROM prompt_version WHERE prompt_id = ? ORDER BY major DESC, minor DESC LIMIT 1',
      )
      .get(promptId) as VersionRow | undefined;
  }

  /** Inserts a version and the refs its content makes, in the caller's transaction. */
  insertVersion(row: VersionRow, refs: readonly ComponentRefRow[]): void {
    this.db
      .prepare(
        `INSERT INTO prompt_version (id, prompt_id, major, minor, parent_version_id, content_json,
           content_hash, author, message, created_at)
         VALUES (@id, @prompt_id, @major, @minor, @parent_version_id, @content_json,
           @content_hash, @author, @message, @created_at)`,
      )
      .run(row);
    const insertRef = this.db.prepare(
      `INSERT INTO prompt_component_ref (version_id, position, component_prompt_id,
         component_version_id, component_label)
       VALUES (@version_id, @position, @component_prompt_id, @component_version_id, @component_label)`,
    );
    for (const ref of refs) insertRef.run({ version_id: row.id, ...ref });
  }

  /** Versions of other prompts whose content uses `promptId` as a component. */
  referrersOf(promptId: string): ReferrerRow[] {
    return this.db
      .prepare(
        `SELECT p.name AS prompt_name, v.major, v.minor,
           pv.major AS pinned_major, pv.minor AS pinned_minor
         FROM prompt_component_ref r
         JOIN prompt_version v ON v.id = r.version_id
         JOIN prompt p ON p.id = v.prompt_id
         LEFT JOIN prompt_version pv ON pv.id = r.component_version_id
         WHERE r.component_prompt_id = ? AND v.prompt_id <> r.component_prompt_id
         ORDER BY p.name, v.major, v.minor`,
      )
      .all(promptId) as ReferrerRow[];
  }

  /**
   * Removes a prompt with its versions, labels and label history. Foreign keys with
   * ON DELETE RESTRICT (refs from other prompts, later eval runs) make this throw instead.
   */
  deletePromptTree(promptId: string): void {
    this.db.prepare('DELETE FROM prompt_label_event WHERE prompt_id = ?').run(promptId);
    this.db.prepare('DELETE FROM prompt_label WHERE prompt_id = ?').run(promptId);
    // One statement, so parent links inside the tree are checked only once it is all gone.
    this.db.prepare('DELETE FROM prompt_version WHERE prompt_id = ?').run(promptId);
    this.db.prepare('DELETE FROM prompt WHERE id = ?').run(promptId);
  }
}
