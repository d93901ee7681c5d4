import type { TraceSort } from './trace-route';

export interface TraceColumn {
  readonly id: string;
  readonly label: string;
  readonly width: string;
  readonly numeric?: boolean;
  /** The list can be sorted by this column (server side). */
  readonly sort?: TraceSort;
}

/** The Traces list's columns, in order; the name column takes what width is left. */
export const TRACE_COLUMNS: readonly TraceColumn[] = [
  { id: 'time', label: 'Time', width: '8rem', sort: 'time' },
  { id: 'name', label: 'Name', width: '11rem' },
  { id: 'user', label: 'User', width: '5.5rem' },
  { id: 'session', label: 'Session', width: '5.5rem' },
  { id: 'model', label: 'Model', width: '8.5rem' },
  { id: 'tokens', label: 'Tokens', width: '6.5rem', numeric: true, sort: 'tokens' },
  { id: 'cost', label: 'Cost', width: '6rem', numeric: true, sort: 'cost' },
  { id: 'latency', label: 'Latency', width: '5rem', numeric: true, sort: 'latency' },
  { id: 'status', label: 'Status', width: '4rem' },
  { id: 'tags', label: 'Tags', width: '5.5rem' },
  { id: 'source', label: 'Source', width: '4.5rem' },
];

/** A header click: a new column sorts descending (biggest, newest first), the same one flips. */
export function nextSortOf(
  current: { sort: TraceSort; order: 'asc' | 'desc' },
  column: TraceSort,
): { sort: TraceSort; order: 'asc' | 'desc' } {
  if (current.sort !== column) return { sort: column, order: 'desc' };
  return { sort: column, order: current.order === 'desc' ? 'asc' : 'desc' };
}
