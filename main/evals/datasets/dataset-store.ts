import type { Database } from 'better-sqlite3';
import type { ImportFormat, InteractionType } from '../../../shared/contract';

export interface DatasetRow {
  readonly id: string;
  readonly name: string;
  readonly interaction_type: InteractionType;
  readonly description: string;
  readonly tags_json: string;
  /** The file shape it was first imported from; null when made in Assay (migration 0007). */
  readonly source_format: ImportFormat | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
}

export interface CaseRow {
  readonly id: string;
  readonly dataset_id: string;
  readonly position: number;
  readonly description: string;
  readonly vars_json: string;
  readonly expected_json: string | null;
  readonly matchers_json: string;
  readonly tags_json: string;
  readonly source_span_id: string | null;
  readonly revision: number;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at: string | null;
}

/** The fields of a case an edit may change. */
export type CaseContent = Pick<
  CaseRow,
  'description' | 'vars_json' | 'expected_json' | 'matchers_json' | 'tags_json'
>;

/** Live cases of a dataset that carry `tag` (any case when tag is null), in order. */
const LIVE_CASES = `FROM test_case
  WHERE dataset_id = @datasetId AND deleted_at IS NULL
    AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(tags_json) WHERE value = @tag))`;

/**
 * SQL for datasets and test cases. Both are small mutable registers with soft delete; the
 * history a run needs is the run's own snapshot, so nothing here keeps old revisions.
 */
export class DatasetStore {
  constructor(readonly db: Database) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  byName(name: string): DatasetRow | undefined {
    return this.db.prepare('SELECT * FROM dataset WHERE name = ?').get(name) as
      DatasetRow | undefined;
  }

  byId(id: string): DatasetRow | undefined {
    return this.db.prepare('SELECT * FROM dataset WHERE id = ?').get(id) as DatasetRow | undefined;
  }

  datasets(options: { includeDeleted: boolean; interactionType?: InteractionType }): DatasetRow[] {
    return this.db
      .prepare(
        `SELECT * FROM dataset
         WHERE (@includeDeleted = 1 OR deleted_at IS NULL)
           AND (@type IS NULL OR interaction_type = @type)
         ORDER BY name`,
      )
      .all({
        includeDeleted: options.includeDeleted ? 1 : 0,
        type: options.interactionType ?? null,
      }) as DatasetRow[];
  }

  insertDataset(row: DatasetRow): void {
    this.db
      .prepare(
        `INSERT INTO dataset (id, name, interaction_type, description, tags_json, source_format,
           created_at, updated_at, deleted_at)
         VALUES (@id, @name, @interaction_type, @description, @tags_json, @source_format,
           @created_at, @updated_at, @deleted_at)`,
      )
      .run(row);
  }

  updateDataset(row: DatasetRow): void {
    this.db
      .prepare(
        `UPDATE dataset SET name = @name, interaction_type = @interaction_type,
           description = @description, tags_json = @tags_json, updated_at = @updated_at,
           deleted_at = @deleted_at
         WHERE id = @id`,
      )
      .run(row);
  }

  /** Live case counts for every dataset at once (lists show them). */
  caseCounts(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT dataset_id, COUNT(*) AS n FROM test_case WHERE deleted_at IS NULL
         GROUP BY dataset_id`,
      )
      .all() as { dataset_id: string; n: number }[];
    return new Map(rows.map((r) => [r.dataset_id, r.n]));
  }

  countCases(datasetId: string, tag: string | null = null): number {
    const row = this.db.prepare(`SELECT COUNT(*) AS n ${LIVE_CASES}`).get({ datasetId, tag }) as {
      n: number;
    };
    return row.n;
  }

  casePage(datasetId: string, tag: string | null, offset: number, limit: number): CaseRow[] {
    return this.db
      .prepare(`SELECT * ${LIVE_CASES} ORDER BY position LIMIT @limit OFFSET @offset`)
      .all({ datasetId, tag, offset, limit }) as CaseRow[];
  }

  /** Every live case in order, one row at a time (search and export scan large datasets). */
  iterateCases(datasetId: string, tag: string | null = null): IterableIterator<CaseRow> {
    return this.db
      .prepare(`SELECT * ${LIVE_CASES} ORDER BY position`)
      .iterate({ datasetId, tag }) as IterableIterator<CaseRow>;
  }

  caseById(id: string): CaseRow | undefined {
    return this.db.prepare('SELECT * FROM test_case WHERE id = ?').get(id) as CaseRow | undefined;
  }

  /** The next free position: deleted cases keep theirs, so positions are never reused. */
  nextPosition(datasetId: string): number {
    const row = this.db
      .prepare('SELECT MAX(position) AS p FROM test_case WHERE dataset_id = ?')
      .get(datasetId) as { p: number | null };
    return row.p === null ? 0 : row.p + 1;
  }

  /** One prepared statement for the lot: imports insert up to 100,000 rows. */
  insertCases(rows: readonly CaseRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO test_case (id, dataset_id, position, description, vars_json, expected_json,
           matchers_json, tags_json, source_span_id, revision, created_at, updated_at, deleted_at)
         VALUES (@id, @dataset_id, @position, @description, @vars_json, @expected_json,
           @matchers_json, @tags_json, @source_span_id, @revision, @created_at, @updated_at,
           @deleted_at)`,
    );
    for (const row of rows) insert.run(row);
  }

  /** A content edit: the revision goes up by one in the same statement. */
  editCase(id: string, content: CaseContent, at: string): void {
    this.db
      .prepare(
        `UPDATE test_case SET description = @description, vars_json = @vars_json,
           expected_json = @expected_json, matchers_json = @matchers_json, tags_json = @tags_json,
           revision = revision + 1, updated_at = @at
         WHERE id = @id`,
      )
      .run({ id, at, ...content });
  }

  softDeleteCase(id: string, at: string): void {
    this.db
      .prepare('UPDATE test_case SET deleted_at = @at, updated_at = @at WHERE id = @id')
      .run({ id, at });
  }

  /** Touches the dataset so lists sorted by activity see case changes. */
  touchDataset(id: string, at: string): void {
    this.db.prepare('UPDATE dataset SET updated_at = ? WHERE id = ?').run(at, id);
  }
}
