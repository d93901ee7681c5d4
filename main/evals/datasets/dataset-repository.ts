import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DatasetFile, InteractionType } from '../../../shared/contract';
import { datasetFiles, recordDatasetFile, type DatasetFileRow } from './dataset-files';
import type { DB } from '../../store/schema';
import { jsonArrayHas } from '../../store/sql-fragments';
import type { Dialect } from '../../store/store';
import type { CaseDraft } from './case-draft';
import {
  caseContentColumns,
  caseRow,
  datasetRow,
  toCase,
  toDataset,
  type CaseRecord,
  type DatasetRecord,
} from './dataset-rows';

/** Rows a keyset page of `iterateCases` reads at once. */
const PAGE_ROWS = 500;
/**
 * Rows one INSERT carries: 13 parameters a row stays far below SQLite's 32,766 and Postgres's
 * 65,535 bound parameters, and a 100,000-case import is 200 statements.
 */
const INSERT_ROWS = 500;

export interface DatasetListQuery {
  readonly includeDeleted: boolean;
  readonly interactionType?: InteractionType;
  readonly tag?: string;
}

/**
 * Datasets and test cases on either dialect. Both are small mutable registers with soft delete;
 * the history a run needs is the run's own snapshot, so nothing here keeps old revisions.
 */
export class DatasetRepository {
  constructor(
    private readonly db: Kysely<DB>,
    readonly dialect: Dialect,
  ) {}

  /**
   * Runs `work` in one transaction with a repository bound to it. Inside, use only that
   * repository: SQLite's single connection is held by the transaction.
   */
  transaction<T>(work: (repo: DatasetRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new DatasetRepository(trx, this.dialect)));
  }

  /** Records a file kept as a blob (dataset-files.ts); the blob is already stored. */
  recordFile(row: DatasetFileRow): Promise<void> {
    return recordDatasetFile(this.db, row);
  }

  files(datasetId: string): Promise<DatasetFile[]> {
    return datasetFiles(this.db, datasetId);
  }

  async byName(name: string): Promise<DatasetRecord | null> {
    const row = await this.db
      .selectFrom('dataset')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toDataset(row) : null;
  }

  async byId(id: string): Promise<DatasetRecord | null> {
    const row = await this.db
      .selectFrom('dataset')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDataset(row) : null;
  }

  /**
   * Holds the dataset's row until the transaction ends, so appends from other processes wait
   * their turn instead of computing the same next position. SQLite transactions already
   * exclude every other writer.
   */
  async lock(id: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await this.db.selectFrom('dataset').select('id').where('id', '=', id).forUpdate().execute();
  }

  async datasets(query: DatasetListQuery): Promise<DatasetRecord[]> {
    let q = this.db.selectFrom('dataset').selectAll();
    if (!query.includeDeleted) q = q.where('deleted_at', 'is', null);
    if (query.interactionType !== undefined)
      q = q.where('interaction_type', '=', query.interactionType);
    if (query.tag !== undefined) q = q.where(jsonArrayHas(this.dialect, 'tags_json', query.tag));
    const rows = await q.orderBy('name').execute();
    return rows.map(toDataset);
  }

  async insertDataset(dataset: DatasetRecord): Promise<void> {
    await this.db.insertInto('dataset').values(datasetRow(dataset)).execute();
  }

  /** Writes every field but id and created_at (the source format is fixed at creation). */
  async updateDataset(d: DatasetRecord): Promise<void> {
    const { name, interaction_type, description, tags_json, updated_at, deleted_at } =
      datasetRow(d);
    await this.db
      .updateTable('dataset')
      .set({ name, interaction_type, description, tags_json, updated_at, deleted_at })
      .where('id', '=', d.id)
      .execute();
  }

  /** Sets or clears deleted_at; false when it already was in that state. */
  async setDatasetDeleted(id: string, deletedAt: string | null, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('dataset')
      .set({ deleted_at: deletedAt, updated_at: at })
      .where('id', '=', id)
      .where('deleted_at', deletedAt === null ? 'is not' : 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Touches the dataset so lists sorted by activity see case changes. */
  async touchDataset(id: string, at: string): Promise<void> {
    await this.db.updateTable('dataset').set({ updated_at: at }).where('id', '=', id).execute();
  }

  /** Live case counts for every dataset at once (lists show them). */
  async caseCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('test_case')
      .select(['dataset_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .groupBy('dataset_id')
      .execute();
    return new Map(rows.map((r) => [r.dataset_id, Number(r.n)]));
  }

  async countCases(datasetId: string, tag: string | null = null): Promise<number> {
    const row = await this.liveCases(datasetId, tag)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async casePage(
    datasetId: string,
    tag: string | null,
    offset: number,
    limit: number,
  ): Promise<CaseRecord[]> {
    const rows = await this.liveCases(datasetId, tag)
      .selectAll()
      .orderBy('position')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toCase);
  }

  /**
   * Every live case in order, a page of rows at a time (search, export and runs scan datasets
   * of up to 100,000 cases). Pages follow the position, so a case edited meanwhile is seen once.
   */
  async *iterateCases(datasetId: string, tag: string | null = null): AsyncGenerator<CaseRecord> {
    let after = -1;
    for (;;) {
      const rows = await this.liveCases(datasetId, tag)
        .selectAll()
        .where('position', '>', after)
        .orderBy('position')
        .limit(PAGE_ROWS)
        .execute();
      for (const row of rows) yield toCase(row);
      if (rows.length < PAGE_ROWS) return;
      after = rows[rows.length - 1]!.position;
    }
  }

  async caseById(id: string): Promise<CaseRecord | null> {
    const row = await this.db
      .selectFrom('test_case')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toCase(row) : null;
  }

  /**
   * The next free position: deleted cases keep theirs, so positions are never reused. Callers
   * appending hold `lock(datasetId)` in the same transaction.
   */
  async nextPosition(datasetId: string): Promise<number> {
    const row = await this.db
      .selectFrom('test_case')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('dataset_id', '=', datasetId)
      .executeTakeFirst();
    const max = row?.p;
    return max === null || max === undefined ? 0 : Number(max) + 1;
  }

  /** Multi-row INSERTs of INSERT_ROWS each; the caller's transaction makes the lot atomic. */
  async insertCases(cases: readonly CaseRecord[]): Promise<void> {
    for (let i = 0; i < cases.length; i += INSERT_ROWS) {
      const rows = cases.slice(i, i + INSERT_ROWS).map(caseRow);
      await this.db.insertInto('test_case').values(rows).execute();
    }
  }

  /**
   * A content edit, only if the case is still at `revision` (compare-and-set: a concurrent
   * edit makes this a no-op). The revision goes up by one. False when it was not applied.
   */
  async editCase(id: string, revision: number, content: CaseDraft, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('test_case')
      .set((eb) => ({
        ...caseContentColumns(content),
        revision: eb('revision', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', id)
      .where('revision', '=', revision)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** False when it was already deleted. */
  async softDeleteCase(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('test_case')
      .set({ deleted_at: at, updated_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Soft-deletes every live case of a dataset (a suite's cases being replaced). */
  async softDeleteLiveCases(datasetId: string, at: string): Promise<void> {
    await this.db
      .updateTable('test_case')
      .set({ deleted_at: at, updated_at: at })
      .where('dataset_id', '=', datasetId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  /** Live cases of a dataset that carry `tag` (any case when tag is null). */
  private liveCases(
    datasetId: string,
    tag: string | null,
  ): SelectQueryBuilder<DB, 'test_case', object> {
    let q = this.db
      .selectFrom('test_case')
      .where('dataset_id', '=', datasetId)
      .where('deleted_at', 'is', null);
    if (tag !== null) q = q.where(jsonArrayHas(this.dialect, 'tags_json', tag));
    return q;
  }
}
