import type { ResultView } from '../../../../shared/contract';
import { fmtMs, fmtUsd } from './format';

/** A column of the results table: variables each get one (`var:country`), then the fixed ones. */
export interface ResultColumn {
  readonly id: string;
  readonly label: string;
  /** A CSS width for the fixed-layout table. */
  readonly width: string;
  /** Takes the room the fixed columns leave (at least `width`). */
  readonly grows?: boolean;
  readonly numeric?: boolean;
  /** What sorting compares; null sorts last. */
  readonly sortValue: (r: ResultView) => string | number | null;
}

/** Expected values are any JSON; shown and searched as text. */
export const expectedText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

export const outputText = (r: ResultView): string =>
  r.error ? `${r.error.code}: ${r.error.message}` : (r.output ?? '');

/** Fail, error and unscored results sort below every pass, whatever their score says. */
const STATUS_ORDER: Record<ResultView['status'], number> = {
  pass: 0,
  fail: 1,
  error: 2,
  unscored: 3,
};

const FIXED: readonly ResultColumn[] = [
  { id: 'expected', label: 'Expected', width: '8rem', sortValue: (r) => expectedText(r.expected) },
  { id: 'output', label: 'Output', width: '12rem', grows: true, sortValue: outputText },
  { id: 'status', label: 'Status', width: '5.5rem', sortValue: (r) => STATUS_ORDER[r.status] },
  {
    id: 'score',
    label: 'Score',
    width: '6rem',
    numeric: true,
    // Only a judged result has a score to sort by; the rest go last.
    sortValue: (r) => (r.status === 'pass' || r.status === 'fail' ? r.score : null),
  },
  {
    id: 'matchers',
    label: 'Matchers',
    width: '8rem',
    sortValue: (r) => r.matchers.filter((m) => !m.unscored && !m.pass).length,
  },
  { id: 'cost', label: 'Cost', width: '5rem', numeric: true, sortValue: (r) => r.costUsd },
  {
    id: 'latency',
    label: 'Latency',
    width: '5rem',
    numeric: true,
    sortValue: (r) => r.latencyMs,
  },
];

export const POSITION_COLUMN: ResultColumn = {
  id: 'position',
  label: '#',
  width: '4rem',
  numeric: true,
  sortValue: (r) => r.position * 1000 + r.repeatIndex,
};

/** Every variable any result sets, in order of first appearance. */
export function variableNames(results: readonly ResultView[]): string[] {
  const names = new Set<string>();
  for (const r of results) for (const name of Object.keys(r.vars)) names.add(name);
  return [...names];
}

/** The choosable columns: one per variable, then expected … latency. */
export function resultColumns(variables: readonly string[]): ResultColumn[] {
  return [
    ...variables.map((name) => ({
      id: `var:${name}`,
      label: name,
      width: '8rem',
      sortValue: (r: ResultView) => r.vars[name] ?? null,
    })),
    ...FIXED,
  ];
}

/** All a result says, lowercased, for the search box: vars, expected, output, matchers. */
export function searchText(r: ResultView): string {
  return [
    ...Object.values(r.vars),
    expectedText(r.expected),
    outputText(r),
    r.status,
    ...r.matchers.flatMap((m) => [m.type, m.reason]),
    fmtUsd(r.costUsd),
    fmtMs(r.latencyMs),
  ]
    .join('\n')
    .toLowerCase();
}

export type SortDirection = 'ascending' | 'descending';
export interface ResultSort {
  readonly column: string;
  readonly direction: SortDirection;
}

/** Results ordered by one column; ties and missing values keep the stored order. */
export function sortResults(
  results: readonly ResultView[],
  sort: ResultSort | null,
  columns: readonly ResultColumn[],
): readonly ResultView[] {
  const column = sort && [POSITION_COLUMN, ...columns].find((c) => c.id === sort.column);
  if (!sort || !column) return results;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return results
    .map((r, i) => ({ r, i, v: column.sortValue(r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const order =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
      return order === 0 ? a.i - b.i : order * sign;
    })
    .map(({ r }) => r);
}
