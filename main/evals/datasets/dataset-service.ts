import type { BlobStore } from '../../blobs/blob-store';
import { DatasetFiles } from './dataset-files';
import type {
  CaseInput,
  ChannelOutput,
  DatasetFile,
  DatasetFormat,
  DatasetSummary,
  SpanCaseDraft,
  TestCaseView,
} from '../../../shared/contract';
import type { Store } from '../../store/store';
import { syncSuiteDataset, type SyncedDataset, type SyncSuiteInput } from './sync-suite';
import { caseView } from './case-draft';
import { checkDrafts, deleteCase, insertDrafts, updateCase, type CaseEdit } from './cases';
import { DatasetRepository } from './dataset-repository';
import type { CaseRecord, DatasetRecord } from './dataset-rows';
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

export type { CaseRecord, DatasetRecord } from './dataset-rows';
export type { SpanSource, SpanVariables } from './from-span';

/** A case as the contract hands it over, defaults applied. */
type ParsedCaseInput = Required<Pick<CaseInput, 'vars' | 'matchers' | 'tags' | 'description'>> &
  Pick<CaseInput, 'expected'>;

/** The file name an export is recorded under, by format. */
const EXTENSION: Record<DatasetFormat, string> = {
  yaml: 'yaml',
  csv: 'csv',
  jsonl: 'jsonl',
  'assay-py': 'yaml',
};

const noVariables: SpanVariables = () => Promise.resolve(null);

/**
 * Datasets and test cases as the rest of Assay uses them: every write goes through the domain
 * functions (checked, all or nothing), every answer is a contract view or a domain record.
 */
export class DatasetService {
  private readonly repo: DatasetRepository;
  private readonly files: DatasetFiles | undefined;

  /** `blobs`: the team server's object storage, where imported and exported files are kept. */
  constructor(
    store: Store,
    private readonly spans: SpanSource,
    private readonly spanVariables: SpanVariables = noVariables,
    blobs?: BlobStore,
  ) {
    this.repo = new DatasetRepository(store.db, store.dialect);
    this.files = blobs ? new DatasetFiles(blobs) : undefined;
  }

  async create(input: CreateDatasetInput): Promise<DatasetSummary> {
    const created = await insertDataset(this.repo, input, 'datasets.create');
    return currentSummary(this.repo, created.id);
  }

  list(filter: DatasetFilter): Promise<DatasetSummary[]> {
    return listDatasets(this.repo, filter);
  }

  /** Deleted datasets stay readable, so they can be inspected before a restore. */
  async get(name: string, page: CasePageQuery): Promise<ChannelOutput<'datasets.get'>> {
    const found = await findDataset(this.repo, name, 'datasets.get');
    const cases = await listCases(this.repo, found.id, page);
    return { dataset: await currentSummary(this.repo, found.id), ...cases };
  }

  async update(input: UpdateDatasetInput): Promise<DatasetSummary> {
    return currentSummary(this.repo, (await updateDataset(this.repo, input)).id);
  }

  delete(name: string): Promise<boolean> {
    return softDeleteDataset(this.repo, name);
  }

  async restore(name: string): Promise<DatasetSummary> {
    return currentSummary(this.repo, (await restoreDataset(this.repo, name)).id);
  }

  import(input: ImportInput): Promise<ChannelOutput<'datasets.import'>> {
    return importDataset(this.repo, input, this.files);
  }

  /**
   * `format` absent: the shape the dataset was imported in (assay-py), else YAML. On the team
   * server the text is kept as a blob too, recorded on the dataset (datasets.files).
   */
  async export(name: string, format?: DatasetFormat): Promise<ChannelOutput<'datasets.export'>> {
    const out = await exportDataset(this.repo, name, format);
    if (!this.files) return out;
    const file = await this.files.keep(out.content);
    const dataset = await findDataset(this.repo, name, 'datasets.export');
    await this.repo.recordFile({
      datasetId: dataset.id,
      kind: 'export',
      file,
      fileName: `${dataset.name.replaceAll('/', '-')}.${EXTENSION[out.format]}`,
      format: out.format,
    });
    return { ...out, file };
  }

  /** The files kept for a dataset on the team server, newest first (none in local mode). */
  async filesOf(name: string): Promise<DatasetFile[]> {
    const found = await findDataset(this.repo, name, 'datasets.files');
    return this.repo.files(found.id);
  }

  /** Appends cases, all or nothing; a bad one is named by its index (`cases[3].matchers[0]`). */
  async addCases(dataset: string, cases: readonly ParsedCaseInput[]): Promise<TestCaseView[]> {
    const where = 'cases.add';
    const drafts = checkDrafts(
      cases.map((c, i) => ({
        draft: { ...c, expected: c.expected ?? undefined },
        at: { base: ['cases', i] },
      })),
      where,
    );
    const added = await this.repo.transaction(async (trx) => {
      const found = await liveDataset(trx, dataset, where);
      return insertDrafts(trx, found, drafts, where);
    });
    return added.map(caseView);
  }

  async updateCase(edit: CaseEdit): Promise<TestCaseView> {
    return caseView(await updateCase(this.repo, edit));
  }

  deleteCase(id: string, dataset?: string): Promise<boolean> {
    return deleteCase(this.repo, id, dataset);
  }

  async listCases(dataset: string, query: CasePageQuery): Promise<CasePage> {
    const found = await findDataset(this.repo, dataset, 'cases.list');
    return listCases(this.repo, found.id, query);
  }

  draftFromSpan(spanId: string): Promise<SpanCaseDraft> {
    return spanCaseDraft(this.spans, this.spanVariables, spanId);
  }

  async fromSpan(input: FromSpanInput): Promise<TestCaseView> {
    return caseView(await caseFromSpan(this.repo, this.spans, this.spanVariables, input));
  }

  /** A dataset by name, deleted or not; NOT_FOUND (prefixed by `where`) when there is none. */
  find(ref: string, where: string): Promise<DatasetRecord> {
    return findDataset(this.repo, ref, where);
  }

  /** A dataset's name by id (runs show it), null when there is no such dataset. */
  async nameOf(id: string): Promise<string | null> {
    return (await this.repo.byId(id))?.name ?? null;
  }

  /** Every live case of a dataset in position order (a run snapshots them). */
  async liveCases(datasetId: string): Promise<CaseRecord[]> {
    const cases: CaseRecord[] = [];
    for await (const found of this.repo.iterateCases(datasetId)) cases.push(found);
    return cases;
  }

  /** Makes a suite's own dataset (`suite/<name>`) hold exactly the suite file's cases. */
  syncSuite(input: SyncSuiteInput): Promise<SyncedDataset> {
    return syncSuiteDataset(this.repo, input);
  }
}
