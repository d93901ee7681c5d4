import fs from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import type { DatasetFormat, ImportFormat } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { describeProblems, type CaseProblem } from '../../evals/datasets/problems';
import { importTooLarge, MAX_IMPORT_BYTES } from '../../evals/datasets/limits';
import { writeFileAtomic } from '../../fs/atomic-write';
import { readUtf8File } from '../../fs/read-utf8-file';
import { invoke, withCore } from '../with-core';

interface DataDirOption {
  readonly dataDir?: string;
}

export interface DatasetsImportOptions extends DataDirOption {
  readonly name?: string;
  readonly format?: string;
  readonly append?: boolean;
  readonly skipUnmapped?: boolean;
}

export interface DatasetsExportOptions extends DataDirOption {
  readonly format?: string;
  readonly output?: string;
}

export interface DatasetsListOptions extends DataDirOption {
  readonly json?: boolean;
}

const usage = (message: string): AssayError => new AssayError('VALIDATION_FAILED', message);

/** The format a file name implies; a promptfoo config is known by its conventional name. */
export function formatOfFile(file: string): ImportFormat | undefined {
  const base = path.basename(file).toLowerCase();
  if (/^promptfooconfig\.ya?ml$/.test(base)) return 'promptfoo';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (base.endsWith('.csv')) return 'csv';
  if (/\.(jsonl|ndjson)$/.test(base)) return 'jsonl';
  return undefined;
}

function chooseFormat<F extends string>(
  given: string | undefined,
  allowed: readonly F[],
  file: string | undefined,
): F {
  const format = given ?? (file ? formatOfFile(file) : undefined) ?? (file ? undefined : 'yaml');
  if (format === undefined)
    throw usage(`cannot tell the format of ${file}; pass --format ${allowed.join('|')}`);
  if (!(allowed as readonly string[]).includes(format))
    throw usage(`--format must be one of ${allowed.join(', ')} (got "${format}")`);
  return format as F;
}

/** Reads an import file, refusing one over the limit before reading it, or not UTF-8. */
function readImportFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AssayError('NOT_FOUND', `no file at ${file}`);
  }
  if (size > MAX_IMPORT_BYTES) throw importTooLarge('datasets import', size);
  return readUtf8File(file, file, 'VALIDATION_FAILED');
}

/** Every problem of a rejected file as `file:line: field: reason`, before the coded error. */
function printProblems(err: unknown, fileName: string): void {
  if (!(err instanceof AssayError) || err.code !== 'VALIDATION_FAILED') return;
  const problems = (err.details as { problems?: CaseProblem[] } | undefined)?.problems;
  if (!problems || problems.length < 2) return;
  const lines = describeProblems(problems, fileName);
  const shown = lines.slice(0, 50);
  const more = lines.length > shown.length ? `… and ${lines.length - shown.length} more\n` : '';
  process.stderr.write(`${shown.join('\n')}\n${more}`);
}

/**
 * `assay datasets import FILE`: all or nothing. Exit 2 when the file is invalid (every problem
 * printed as file:line: field: reason) or too large, 1 when the name is taken (or, with
 * --append, missing).
 */
export async function datasetsImportCommand(
  file: string,
  options: DatasetsImportOptions,
): Promise<void> {
  const format = chooseFormat<ImportFormat>(
    options.format,
    ['yaml', 'csv', 'jsonl', 'promptfoo', 'assay-py'],
    file,
  );
  const content = readImportFile(file);
  const fileName = path.relative(process.cwd(), path.resolve(file)) || file;
  await withCore(options.dataDir, async (core) => {
    let result;
    try {
      result = await invoke(core, 'datasets.import', {
        ...(options.name === undefined ? {} : { name: options.name }),
        fileName,
        format,
        content,
        mode: options.append ? 'append' : 'create',
        ...(options.skipUnmapped ? { skipUnmapped: true } : {}),
      });
    } catch (err) {
      printProblems(err, fileName);
      throw err;
    }
    for (const w of result.warnings)
      process.stderr.write(
        `${w.line === undefined ? fileName : `${fileName}:${w.line}`}: warning: ${w.message}\n`,
      );
    const { dataset, added, suggested } = result;
    process.stdout.write(
      `Imported ${added} cases into "${dataset.name}" (${dataset.caseCount} cases, ${dataset.interactionType})\n`,
    );
    if (suggested.prompts.length > 0)
      process.stdout.write(`Prompts in the config: ${suggested.prompts.join(' | ')}\n`);
    if (suggested.providers.length > 0)
      process.stdout.write(`Providers in the config: ${suggested.providers.join(', ')}\n`);
  });
}

/**
 * The export format asked for: `--format`, else a .csv or .jsonl `--output`; else none, and
 * the dataset's own shape is written (assay-py for a dataset imported from it, else YAML).
 */
function exportFormat(options: DatasetsExportOptions): DatasetFormat | undefined {
  const allowed: DatasetFormat[] = ['yaml', 'csv', 'jsonl', 'assay-py'];
  if (options.format === undefined && options.output === undefined) return undefined;
  const format = chooseFormat(options.format, allowed, options.output);
  // A .yaml file name says YAML, not which YAML: the dataset's own shape.
  return options.format === undefined && format === 'yaml' ? undefined : format;
}

/** `assay datasets export NAME`: to stdout, or atomically to --output. */
export async function datasetsExportCommand(
  name: string,
  options: DatasetsExportOptions,
): Promise<void> {
  const format = exportFormat(options);
  await withCore(options.dataDir, async (core) => {
    const { content, cases, warnings } = await invoke(core, 'datasets.export', {
      name,
      ...(format === undefined ? {} : { format }),
    });
    for (const w of warnings) process.stderr.write(`warning: ${w.message}\n`);
    if (options.output === undefined) {
      process.stdout.write(content);
      return;
    }
    writeFileAtomic(path.resolve(options.output), content, 0o644);
    process.stderr.write(`Exported ${cases} cases of "${name}" to ${options.output}\n`);
  });
}

/** `assay datasets list`: name, type, case count, tags. */
export async function datasetsListCommand(options: DatasetsListOptions): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const { datasets } = await invoke(core, 'datasets.list', {});
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ datasets }, null, 2)}\n`);
      return;
    }
    if (datasets.length === 0) {
      process.stdout.write('No datasets yet (assay datasets import FILE adds one).\n');
      return;
    }
    const table = new Table({
      head: ['name', 'type', 'cases', 'tags', 'updated'],
      style: { head: [], border: [] },
    });
    for (const d of datasets)
      table.push([d.name, d.interactionType, d.caseCount, d.tags.join(', '), d.updatedAt]);
    process.stdout.write(`${table.toString()}\n`);
  });
}
