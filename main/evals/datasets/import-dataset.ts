import path from 'node:path';
import { z } from 'zod';
import {
  datasetNameSchema,
  tagsSchema,
  type ImportFormat,
  type ImportWarning,
  type InteractionType,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { CaseDraft } from './case-draft';
import { checkDrafts, insertDrafts } from './cases';
import type { DatasetRepository } from './dataset-repository';
import type { DatasetRecord } from './dataset-rows';
import { ASSAY_PY, parseAssayPyDataset } from './format-assay-py';
import { parseCsvDataset } from './format-csv';
import { parseJsonlDataset } from './format-jsonl';
import { parsePromptfooConfig } from './format-promptfoo';
import { parseYamlDataset } from './format-yaml';
import { insertDataset, liveDataset } from './lifecycle';
import { checkImportSize } from './limits';
import type { ParseOutcome, ParsedDataset } from './parsed-dataset';
import { invalidCasesError, type CaseProblem } from './problems';
import { currentSummary } from './views';
import type { DatasetFiles } from './dataset-files';
import type { YamlSource } from './yaml-source';

export interface ImportInput {
  readonly name?: string;
  readonly fileName?: string;
  readonly format: ImportFormat;
  readonly content: string;
  readonly mode: 'create' | 'append';
  readonly interactionType?: InteractionType;
  /** promptfoo: keep assertions Assay cannot run as `unmapped` matchers (cases unscored). */
  readonly skipUnmapped?: boolean;
}

/** How a file is read, beyond its format. */
export interface ReadOptions {
  readonly skipUnmapped?: boolean;
}

const WHERE = 'datasets.import';

const PARSERS: Record<
  ImportFormat,
  (text: string, where: string, parsed?: YamlSource, options?: ReadOptions) => ParseOutcome
> = {
  yaml: parseYamlDataset,
  csv: parseCsvDataset,
  jsonl: parseJsonlDataset,
  promptfoo: parsePromptfooConfig,
  [ASSAY_PY]: parseAssayPyDataset,
};

const metaSchema = z.object({
  name: datasetNameSchema.optional(),
  description: z.string().max(2000).optional(),
  tags: tagsSchema.optional(),
});

/**
 * A dataset name from a file name: `Support FAQ.csv` → `support-faq`. A promptfoo config is
 * named for its folder (`evals/refunds/promptfooconfig.yaml` → `refunds`), as that is what
 * tells one config from another.
 */
export function nameFromFile(fileName: string): string | undefined {
  const parsed = path.parse(fileName.replaceAll('\\', '/'));
  const stem =
    parsed.name.toLowerCase() === 'promptfooconfig' && parsed.dir !== ''
      ? path.basename(parsed.dir)
      : parsed.name;
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 128);
  return datasetNameSchema.safeParse(slug).success ? slug : undefined;
}

function resolveName(input: ImportInput, parsed: ParsedDataset): string {
  const problems: CaseProblem[] = [];
  const meta = metaSchema.safeParse(parsed.meta);
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      const key = String(issue.path[0] ?? '');
      const line = parsed.metaLine?.(key);
      problems.push({
        ...(line === undefined ? {} : { line }),
        path: issue.path.map(String).join('.'),
        message: issue.message,
      });
    }
  }
  const name =
    input.name ?? (meta.success ? meta.data.name : undefined) ?? nameFromFile(input.fileName ?? '');
  if (name === undefined && problems.length === 0)
    problems.push({
      path: 'name',
      message: 'give the dataset a name (the file does not name it)',
    });
  if (problems.length > 0) throw invalidCasesError(WHERE, problems, input.fileName);
  return name!;
}

/**
 * Parses and checks a file without touching the database: the cases it holds, ready to store
 * (shared matchers expanded). Throws VALIDATION_FAILED naming every problem's line and field, or
 * PAYLOAD_TOO_LARGE. `source`: a YAML `content` already parsed, so it is not parsed again.
 */
export function readDatasetFile(
  format: ImportFormat,
  content: string,
  fileName?: string,
  source?: YamlSource,
  options: ReadOptions = {},
): { parsed: ParsedDataset; drafts: CaseDraft[] } {
  checkImportSize(WHERE, content);
  const outcome = PARSERS[format](content, WHERE, source, options);
  if (!outcome.ok) throw invalidCasesError(WHERE, outcome.problems, fileName);
  const parsed = outcome.dataset;
  const drafts = checkDrafts(parsed.cases, WHERE, {
    ...(fileName === undefined ? {} : { fileName }),
    ...(parsed.defaults === undefined ? {} : { shared: parsed.defaults }),
  });
  return { parsed, drafts };
}

/**
 * Imports a file's cases, all or nothing: the text is parsed and every case checked before the
 * first write, and the writes run in one transaction, so a bad file changes nothing. With
 * `files` (team server with S3), a good file is kept as a blob before the transaction and the
 * dataset records it in it.
 */
export async function importDataset(
  repo: DatasetRepository,
  input: ImportInput,
  files?: DatasetFiles,
) {
  const { parsed, drafts } = readDatasetFile(
    input.format,
    input.content,
    input.fileName,
    undefined,
    { skipUnmapped: input.skipUnmapped === true },
  );
  const name = resolveName(input, parsed);
  const warnings: ImportWarning[] = [...parsed.warnings];
  const kept = files ? await files.keep(input.content) : undefined;
  const dataset = await repo.transaction(async (trx) => {
    let row: DatasetRecord;
    if (input.mode === 'append') {
      row = await liveDataset(trx, name, WHERE);
      const wanted = parsed.meta.interactionType;
      if (wanted !== undefined && wanted !== row.interactionType)
        warnings.push({
          message: `the file says interaction_type ${wanted}; the dataset stays ${row.interactionType}`,
        });
    } else {
      const taken = await trx.byName(name);
      if (taken)
        throw new AssayError(
          'CONFLICT',
          `${WHERE}: a dataset named "${name}" exists${taken.deletedAt ? ' (deleted)' : ''}; import in append mode to add to it, or pick another name`,
        );
      row = await insertDataset(
        trx,
        {
          name,
          interactionType: input.interactionType ?? parsed.meta.interactionType ?? 'chat',
          description: parsed.meta.description ?? '',
          tags: parsed.meta.tags ?? [],
          // A `.yaml` asked for as yaml may be read as assay-py: the shape read is remembered.
          sourceFormat: parsed.format ?? input.format,
        },
        WHERE,
      );
    }
    await insertDrafts(trx, row, drafts, WHERE);
    if (kept)
      await trx.recordFile({
        datasetId: row.id,
        kind: 'import',
        file: kept,
        fileName: input.fileName ?? null,
        format: parsed.format ?? input.format,
      });
    return currentSummary(trx, row.id);
  });
  return {
    dataset,
    added: drafts.length,
    warnings,
    suggested: parsed.suggested ?? { prompts: [], providers: [] },
    ...(kept ? { source: kept } : {}),
  };
}
