import { CsvError, parse } from 'csv-parse/sync';
import type { ImportWarning } from '../../../shared/contract';
import { varNameSchema } from '../../../shared/contract';
import { findJsonTooDeep, TOO_DEEP } from '../../kit/nesting-depth';
import type { CaseDraft, JsonValue } from './case-draft';
import type { CaseLocator } from './check-cases';
import { MAX_CASES, tooManyCases } from './limits';
import { failed, type ParseOutcome, type ParsedCase } from './parsed-dataset';
import type { CaseProblem } from './problems';

/**
 * CSV: a header row, then one case per row.
 *   input / vars.NAME / any other name  → variables (`vars.` lets a variable be called `tags`)
 *   expected       → expected output as text;  expected_json → expected output as JSON
 *   matchers       → a JSON list of matchers (or one matcher object)
 *   tags           → a comma-separated list;   description → text
 * An empty cell leaves the field out (a variable is then absent, so the prompt's default
 * applies); a quoted empty cell ("") is an empty string. The exporter writes them that way, so
 * round trips are exact.
 */
type Cell = string | null;
type Column =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'expected' | 'expected_json' | 'matchers' | 'tags' | 'description' };

const FIELDS = new Set(['expected', 'expected_json', 'matchers', 'tags', 'description']);

function readHeader(cells: readonly Cell[]): {
  columns: Column[];
  problems: string[];
  warnings: string[];
} {
  const problems: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const columns = cells.map((cell, i): Column => {
    const title = (cell ?? '').trim();
    const column: Column = FIELDS.has(title)
      ? { kind: title as 'expected' }
      : { kind: 'var', name: title.startsWith('vars.') ? title.slice(5) : title };
    const key = column.kind === 'var' ? `vars.${column.name}` : column.kind;
    if (title === '') problems.push(`column ${i + 1} has no name`);
    else if (seen.has(key)) problems.push(`column "${title}" appears twice (as ${key})`);
    else if (column.kind === 'var') {
      const checked = varNameSchema.safeParse(column.name);
      if (!checked.success) problems.push(`column "${title}": ${checked.error.issues[0]!.message}`);
    }
    if (column.kind === 'var' && column.name.startsWith('__'))
      warnings.push(
        `column "${title}" looks like promptfoo's CSV convention; it was imported as a variable`,
      );
    seen.add(key);
    return column;
  });
  return { columns, problems, warnings };
}

type RowProblem = { path: string; message: string };

function jsonCell(text: string, path: string, problems: RowProblem[]): JsonValue | undefined {
  const deep = findJsonTooDeep(text);
  if (deep) {
    const inner = deep.path === '' || deep.path.startsWith('[') ? deep.path : `.${deep.path}`;
    problems.push({ path: `${path}${inner}`, message: TOO_DEEP });
    return undefined;
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems.push({ path, message: `not valid JSON: ${reason}` });
    return undefined;
  }
}

function matchersCell(text: string, problems: RowProblem[]): unknown[] {
  const value = jsonCell(text, 'matchers', problems);
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return [value];
  if (value !== undefined)
    problems.push({
      path: 'matchers',
      message: 'must be a JSON list of matchers (or one matcher)',
    });
  return [];
}

function rowDraft(
  columns: readonly Column[],
  cells: readonly Cell[],
): { draft?: CaseDraft; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const draft = {
    description: '',
    vars: {} as Record<string, string>,
    expected: undefined as JsonValue | undefined,
    matchers: [] as unknown[],
    tags: [] as string[],
  };
  const setExpected = (value: JsonValue | undefined, path: string): void => {
    if (draft.expected !== undefined)
      problems.push({ path, message: 'give expected or expected_json, not both' });
    // JSON null in expected_json means "none", as everywhere else.
    draft.expected = value ?? undefined;
  };
  columns.forEach((column, i) => {
    const cell = cells[i] ?? null;
    if (cell === null) return;
    switch (column.kind) {
      case 'var':
        draft.vars[column.name] = cell;
        break;
      case 'description':
        draft.description = cell;
        break;
      case 'tags':
        draft.tags = cell
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== '');
        break;
      case 'expected':
        setExpected(cell, 'expected');
        break;
      case 'expected_json': {
        const value = jsonCell(cell, 'expected_json', problems);
        if (value !== undefined) setExpected(value, 'expected_json');
        break;
      }
      case 'matchers':
        draft.matchers = matchersCell(cell, problems);
        break;
    }
  });
  return problems.length > 0 ? { problems } : { draft, problems };
}

function csvProblem(err: unknown): CaseProblem | null {
  if (!(err instanceof CsvError)) return null;
  const { lines } = err as CsvError & { lines?: number };
  return { ...(typeof lines === 'number' ? { line: lines } : {}), path: '', message: err.message };
}

export function parseCsvDataset(text: string, where: string): ParseOutcome {
  let columns: Column[] | null = null;
  let firstLine = 1;
  const cases: ParsedCase[] = [];
  const problems: CaseProblem[] = [];
  const warnings: ImportWarning[] = [];
  try {
    // Records are handled as they are parsed (on_record returns null), so no array of every
    // row is built next to the cases.
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      cast: (value, ctx) => {
        if (ctx.index === 0) firstLine = ctx.lines;
        return value === '' && !ctx.quoting ? null : value;
      },
      on_record: (record: Cell[], ctx) => {
        if (columns === null) {
          const header = readHeader(record);
          columns = header.columns;
          problems.push(
            ...header.problems.map((message) => ({ line: firstLine, path: '', message })),
          );
          warnings.push(...header.warnings.map((message) => ({ line: firstLine, message })));
          return null;
        }
        const row = ctx.records - 1;
        if (row > MAX_CASES) throw tooManyCases(where);
        if (problems.length >= 1000) return null;
        const line = firstLine;
        const result = rowDraft(columns, record);
        for (const p of result.problems) problems.push({ line, row, ...p });
        if (result.draft) {
          const at: CaseLocator = { base: [], row, lineOf: () => line };
          cases.push({ draft: result.draft, at });
        }
        return null;
      },
    });
  } catch (err) {
    const problem = csvProblem(err);
    if (problem === null) throw err;
    problems.push(problem);
  }
  if (columns === null)
    problems.push({ line: 1, path: '', message: 'no header row (the file is empty)' });
  if (problems.length > 0) return failed(problems);
  return { ok: true, dataset: { meta: {}, cases, warnings } };
}

/** One CSV field: empty for "absent", quoted when it must be (or is an empty string). */
function field(value: string | undefined): string {
  if (value === undefined) return '';
  return value === '' || /[",\r\n]/.test(value) || value.trim() !== value
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

type Getter = (d: CaseDraft) => string | undefined;

export function serializeCsvDataset(drafts: readonly CaseDraft[]): string {
  const columns: [string, Getter][] = [];
  // A column is written only when some case has a value for it.
  const add = (title: string, get: Getter): void => {
    if (drafts.some((d) => get(d) !== undefined)) columns.push([title, get]);
  };
  for (const name of new Set(drafts.flatMap((d) => Object.keys(d.vars)))) {
    const title = FIELDS.has(name) || name.startsWith('vars.') ? `vars.${name}` : name;
    add(title, (d) => (Object.hasOwn(d.vars, name) ? d.vars[name] : undefined));
  }
  add('expected', (d) => (typeof d.expected === 'string' ? d.expected : undefined));
  add('expected_json', (d) =>
    d.expected === undefined || typeof d.expected === 'string'
      ? undefined
      : JSON.stringify(d.expected),
  );
  add('matchers', (d) => (d.matchers.length > 0 ? JSON.stringify(d.matchers) : undefined));
  add('tags', (d) => (d.tags.length > 0 ? d.tags.join(',') : undefined));
  // A case with nothing in any column would be a blank line, which readers skip; its
  // description is written as "" (the same as none) to keep the row.
  const others = [...columns];
  const blank = (d: CaseDraft) => others.every(([, get]) => get(d) === undefined);
  const description: Getter = (d) =>
    d.description !== '' ? d.description : blank(d) ? '' : undefined;
  if (drafts.some((d) => description(d) !== undefined))
    columns.unshift(['description', description]);
  if (columns.length === 0) columns.push(['input', () => undefined]);
  const lines = [columns.map(([title]) => field(title)).join(',')];
  for (const d of drafts) lines.push(columns.map(([, get]) => field(get(d))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
