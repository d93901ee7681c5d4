import type { Database } from 'better-sqlite3';

export interface LabelRow {
  readonly prompt_id: string;
  readonly label: string;
  readonly version_id: string;
  readonly updated_at: string;
}

export interface LabelEventRow {
  readonly id: string;
  readonly prompt_id: string;
  readonly label: string;
  readonly from_version_id: string | null;
  readonly to_version_id: string;
  readonly actor: string;
  readonly at: string;
}

/** SQL for label pointers and their append-only history. */
export class LabelStore {
  constructor(private readonly db: Database) {}

  labelsOf(promptId: string): LabelRow[] {
    return this.db
      .prepare('SELECT * FROM prompt_label WHERE prompt_id = ? ORDER BY label')
      .all(promptId) as LabelRow[];
  }

  /** Each label with the number of the version it points at. */
  labelVersions(
    promptId: string,
  ): { label: string; version_id: string; major: number; minor: number }[] {
    return this.db
      .prepare(
        `SELECT l.label, l.version_id, v.major, v.minor
         FROM prompt_label l JOIN prompt_version v ON v.id = l.version_id
         WHERE l.prompt_id = ? ORDER BY l.label`,
      )
      .all(promptId) as { label: string; version_id: string; major: number; minor: number }[];
  }

  label(promptId: string, label: string): LabelRow | undefined {
    return this.db
      .prepare('SELECT * FROM prompt_label WHERE prompt_id = ? AND label = ?')
      .get(promptId, label) as LabelRow | undefined;
  }

  /** Every prompt id carrying `label` (the list filter). */
  promptIdsWithLabel(label: string): Set<string> {
    const rows = this.db
      .prepare('SELECT prompt_id FROM prompt_label WHERE label = ?')
      .all(label) as { prompt_id: string }[];
    return new Set(rows.map((r) => r.prompt_id));
  }

  upsert(row: LabelRow): void {
    this.db
      .prepare(
        `INSERT INTO prompt_label (prompt_id, label, version_id, updated_at)
         VALUES (@prompt_id, @label, @version_id, @updated_at)
         ON CONFLICT (prompt_id, label)
         DO UPDATE SET version_id = excluded.version_id, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  insertEvent(row: LabelEventRow): void {
    this.db
      .prepare(
        `INSERT INTO prompt_label_event (id, prompt_id, label, from_version_id, to_version_id, actor, at)
         VALUES (@id, @prompt_id, @label, @from_version_id, @to_version_id, @actor, @at)`,
      )
      .run(row);
  }

  /** Newest first; ids are UUIDv7, so they break ties within one millisecond in order. */
  events(promptId: string): LabelEventRow[] {
    return this.db
      .prepare('SELECT * FROM prompt_label_event WHERE prompt_id = ? ORDER BY at DESC, id DESC')
      .all(promptId) as LabelEventRow[];
  }
}
