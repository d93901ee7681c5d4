import Table from 'cli-table3';
import type { CaseInput, ChannelInput, TestCaseView } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { describeProblems, type CaseProblem } from '../../evals/datasets/problems';
import { intOption } from '../int-option';
import { readJsonInput, type JsonInputOptions } from '../json-input';
import { invoke, withCore } from '../with-core';

/**
 * `assay cases …`: a dataset's test cases as JSON in and out, so a script or a coding agent can
 * turn a failure into a case and edit it without the workbench. Every write goes through the
 * `cases.*` channels; what is wrong with an input is named by its field (`cases[2].matchers[0]
 * .pattern: …`), exit 2; an unknown dataset or case, or a stale --base-revision, exit 1.
 */

interface DataDirOption {
  readonly dataDir?: string;
}

export interface CasesListOptions extends DataDirOption {
  readonly json?: boolean;
  readonly tag?: string;
  readonly search?: string;
  readonly limit?: string;
  readonly offset?: string;
}

export interface CasesWriteOptions extends DataDirOption, Omit<JsonInputOptions, 'stdin'> {}

export interface CasesUpdateOptions extends CasesWriteOptions {
  readonly baseRevision?: string;
}

/** The fields of a case an edit may change (cases.update), as `--json` spells them. */
const EDITABLE = ['vars', 'expected', 'matchers', 'tags', 'description'] as const;

const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** `['cases', 2, 'matchers']` or `cases.2.matchers` → `cases[2].matchers`. */
function bracketPath(path: string): string {
  return path
    .split('.')
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

/**
 * A refused input, with every problem named by its field: the core reports matcher settings
 * as `cases[2].matchers[0].pattern` and the contract reports shapes as `cases.2.vars`; both
 * print in the first form, one per line on stderr, the first in the coded error.
 */
function withFieldNames(err: unknown, where: string): unknown {
  if (!(err instanceof AssayError) || err.code !== 'VALIDATION_FAILED') return err;
  const details = err.details as
    { problems?: CaseProblem[]; issues?: { path: string; message: string }[] } | undefined;
  const lines = details?.problems
    ? describeProblems(details.problems)
    : details?.issues?.map((i) => `${bracketPath(i.path)}: ${i.message}`);
  if (!lines || lines.length === 0) return err;
  if (lines.length > 1) {
    const shown = lines.slice(0, 50);
    const more = lines.length > shown.length ? `… and ${lines.length - shown.length} more\n` : '';
    process.stderr.write(`${shown.join('\n')}\n${more}`);
  }
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
  return new AssayError('VALIDATION_FAILED', `${where}: ${lines[0]}${more}`, err.details);
}

/** The optional positional after the ids: only `-` (stdin) is one. */
function readsStdin(arg: string | undefined, where: string): boolean {
  if (arg === undefined) return false;
  if (arg === '-') return true;
  throw new AssayError(
    'VALIDATION_FAILED',
    `${where}: unexpected argument "${arg}" (pass the JSON with --json, --file or - for stdin)`,
  );
}

/** One case or a list of them, as `cases.add` takes them. */
function casesOf(value: unknown): CaseInput[] {
  if (Array.isArray(value)) return value as CaseInput[];
  if (value !== null && typeof value === 'object') return [value as CaseInput];
  throw new AssayError(
    'VALIDATION_FAILED',
    'cases add: the JSON must be a case object or a list of them, like {"vars": {"q": "…"}, "matchers": [...]}',
  );
}

/** The partial edit of `cases update`, refusing what is not a case field. */
function editOf(value: unknown): Partial<Pick<CaseInput, (typeof EDITABLE)[number]>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AssayError(
      'VALIDATION_FAILED',
      'cases update: the JSON must be an object of the fields to change, like {"expected": "…"}',
    );
  const unknown = Object.keys(value).filter((k) => !(EDITABLE as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new AssayError(
      'VALIDATION_FAILED',
      `cases update: ${unknown[0]}: not a field an edit can change (${EDITABLE.join(', ')})`,
    );
  return value as Partial<Pick<CaseInput, (typeof EDITABLE)[number]>>;
}

const short = (value: unknown, max = 60): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function casesTable(cases: readonly TestCaseView[]): string {
  const table = new Table({
    head: ['id', '#', 'vars', 'expected', 'matchers', 'tags', 'rev'],
    style: { head: [], border: [] },
  });
  for (const c of cases)
    table.push([
      c.id,
      c.position,
      short(c.vars),
      c.expected === undefined ? '-' : short(c.expected, 40),
      c.matchers.map((m) => m.type).join(', '),
      c.tags.join(', '),
      c.revision,
    ]);
  return table.toString();
}

/** `assay cases list DATASET`: a page of cases (every field with --json). */
export async function casesListCommand(dataset: string, options: CasesListOptions): Promise<void> {
  const limit = intOption('--limit', options.limit, 1, 1000);
  const offset = intOption('--offset', options.offset, 0, 10_000_000);
  await withCore(options.dataDir, async (core) => {
    const page = await invoke(core, 'cases.list', {
      dataset,
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
      ...(options.tag === undefined ? {} : { tag: options.tag }),
      ...(options.search === undefined ? {} : { search: options.search }),
    });
    if (options.json) return printJson(page);
    if (page.cases.length === 0) {
      process.stdout.write(`No cases${page.total > 0 ? ' on this page' : ''}.\n`);
      return;
    }
    process.stdout.write(`${casesTable(page.cases)}\n`);
    const last = page.offset + page.cases.length;
    if (page.offset > 0 || last < page.total)
      process.stdout.write(
        `Cases ${page.offset + 1}–${last} of ${page.total} (--offset and --limit page).\n`,
      );
  });
}

/** `assay cases add DATASET`: appends the given case(s), all or nothing; prints them as JSON. */
export async function casesAddCommand(
  dataset: string,
  stdin: string | undefined,
  options: CasesWriteOptions,
): Promise<void> {
  const where = 'cases add';
  const cases = casesOf(
    await readJsonInput({ ...options, stdin: readsStdin(stdin, where) }, where),
  );
  await withCore(options.dataDir, async (core) => {
    try {
      printJson(await invoke(core, 'cases.add', { dataset, cases }));
    } catch (err) {
      throw withFieldNames(err, 'cases add');
    }
  });
}

/**
 * `assay cases update DATASET CASE_ID`: changes the given fields (`"expected": null` removes
 * the expected output); `--base-revision N` refuses the edit (CONFLICT) if the case moved on.
 */
export async function casesUpdateCommand(
  dataset: string,
  id: string,
  stdin: string | undefined,
  options: CasesUpdateOptions,
): Promise<void> {
  const baseRevision = intOption('--base-revision', options.baseRevision, 1, 2 ** 31 - 1);
  const where = 'cases update';
  const edit = editOf(await readJsonInput({ ...options, stdin: readsStdin(stdin, where) }, where));
  const input: ChannelInput<'cases.update'> = {
    ...edit,
    id,
    dataset,
    ...(baseRevision === undefined ? {} : { baseRevision }),
  };
  await withCore(options.dataDir, async (core) => {
    try {
      printJson(await invoke(core, 'cases.update', input));
    } catch (err) {
      throw withFieldNames(err, 'cases update');
    }
  });
}

/** `assay cases delete DATASET CASE_ID`: runs that used the case keep their snapshot of it. */
export async function casesDeleteCommand(
  dataset: string,
  id: string,
  options: DataDirOption,
): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const { deleted } = await invoke(core, 'cases.delete', { id, dataset });
    process.stdout.write(
      deleted ? `Deleted case ${id} from "${dataset}".\n` : `Case ${id} was already deleted.\n`,
    );
  });
}
