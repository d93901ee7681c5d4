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
  { id: 'time', label: 'Time', width: '9.5rem', sort: 'time' },
  { id: 'name', label: 'Name', width: '14rem' },
  { id: 'user', label: 'User', width: '7rem' },
  { id: 'session', label: 'Session', width: '7rem' },
  { id: 'model', label: 'Model', width: '10rem' },
  { id: 'tokens', label: 'Tokens in/out', width: '8rem', numeric: true, sort: 'tokens' },
  { id: 'cost', label: 'Cost', width: '6.5rem', numeric: true, sort: 'cost' },
  { id: 'latency', label: 'Latency', width: '5.5rem', numeric: true, sort: 'latency' },
  { id: 'status', label: 'Status', width: '4.5rem' },
  { id: 'tags', label: 'Tags', width: '8rem' },
  { id: 'source', label: 'Source', width: '5rem' },
];

/** A header click: a new column sorts descending (biggest, newest first), the same one flips. */
export function nextSortOf(
  current: { sort: TraceSort; order: 'asc' | 'desc' },
  column: TraceSort,
): { sort: TraceSort; order: 'asc' | 'desc' } {
  if (current.sort !== column) return { sort: column, order: 'desc' };
  return { sort: column, order: current.order === 'desc' ? 'asc' : 'desc' };
}
