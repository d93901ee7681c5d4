import type { Database } from 'better-sqlite3';
import type {
  CaseInput,
  ChannelOutput,
  DatasetFormat,
  DatasetSummary,
  SpanCaseDraft,
  TestCaseView,
} from '../../../shared/contract';
import { caseView } from './case-draft';
import { checkDrafts, deleteCase, insertDrafts, updateCase, type CaseEdit } from './cases';
import { DatasetStore } from './dataset-store';
import { exportDataset } from './export-dataset';
import {
  caseFromSpan,
  spanCaseDraft,
  type FromSpanInput,
  type SpanSource,
  type SpanVariables,
} from './from-span';
import { importDataset, type ImportInput } from './import-dataset';
import {
  findDataset,
  insertDataset,
  listDatasets,
  liveDataset,
  restoreDataset,
  softDeleteDataset,
  updateDataset,
  type CreateDatasetInput,
  type DatasetFilter,
  type UpdateDatasetInput,
} from './lifecycle';
import { listCases, type CasePage, type CasePageQuery } from './list-cases';
import { currentSummary } from './views';

/** A case as the contract hands it over, defaults applied. */
type ParsedCaseInput = Required<Pick<CaseInput, 'vars' | 'matchers' | 'tags' | 'description'>> &
  Pick<CaseInput, 'expected'>;

/**
 * Datasets and test cases as the rest of Assay uses them: every write goes through the domain
 * functions (checked, all or nothing), every answer is a contract view.
 */
export class DatasetService {
  readonly store: DatasetStore;

  constructor(
    db: Database,
    private readonly spans: SpanSource,
    private readonly spanVariables: SpanVariables = () => null,
  ) {
    this.store = new DatasetStore(db);
  }

  create(input: CreateDatasetInput): DatasetSummary {
    const row = this.store.transaction(() => insertDataset(this.store, input, 'datasets.create'));
    return currentSummary(this.store, row.id);
  }

  list(filter: DatasetFilter): DatasetSummary[] {
    return listDatasets(this.store, filter);
  }

  /** Deleted datasets stay readable, so they can be inspected before a restore. */
  get(name: string, page: CasePageQuery): ChannelOutput<'datasets.get'> {
    const row = findDataset(this.store, name, 'datasets.get');
    return { dataset: currentSummary(this.store, row.id), ...listCases(this.store, row.id, page) };
  }

  update(input: UpdateDatasetInput): DatasetSummary {
    return currentSummary(this.store, updateDataset(this.store, input).id);
  }

  delete(name: string): boolean {
    return softDeleteDataset(this.store, name);
  }

  restore(name: string): DatasetSummary {
    return currentSummary(this.store, restoreDataset(this.store, name).id);
  }

  import(input: ImportInput): ChannelOutput<'datasets.import'> {
    return importDataset(this.store, input);
  }

  /** `format` absent: the shape the dataset was imported in (assay-py), else YAML. */
  export(name: string, format?: DatasetFormat): ChannelOutput<'datasets.export'> {
    return exportDataset(this.store, name, format);
  }

  /** Appends cases, all or nothing; a bad one is named by its index (`cases[3].matchers[0]`). */
  addCases(dataset: string, cases: readonly ParsedCaseInput[]): TestCaseView[] {
    const where = 'cases.add';
    const drafts = checkDrafts(
      cases.map((c, i) => ({
        draft: { ...c, expected: c.expected ?? undefined },
        at: { base: ['cases', i] },
      })),
      where,
    );
    return this.store.transaction(() => {
      const row = liveDataset(this.store, dataset, where);
      return insertDrafts(this.store, row, drafts, where).map(caseView);
    });
  }

  updateCase(edit: CaseEdit): TestCaseView {
    return caseView(updateCase(this.store, edit));
  }

  deleteCase(id: string, dataset?: string): boolean {
    return deleteCase(this.store, id, dataset);
  }

  listCases(dataset: string, query: CasePageQuery): CasePage {
    return listCases(this.store, findDataset(this.store, dataset, 'cases.list').id, query);
  }

  draftFromSpan(spanId: string): SpanCaseDraft {
    return spanCaseDraft(this.spans, this.spanVariables, spanId);
  }

  fromSpan(input: FromSpanInput): TestCaseView {
    return caseView(caseFromSpan(this.store, this.spans, this.spanVariables, input));
  }
}
