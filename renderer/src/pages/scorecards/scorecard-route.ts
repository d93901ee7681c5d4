import {
  DASHBOARD_SPLITS,
  SCORE_SOURCES,
  type DashboardSplit,
  type ScoreSource,
} from '../../../../shared/contract';
import { itemPath, readItemPath, versionParam } from '../quality-shared/item-address';

export const SCORECARD_TABS = ['dashboard', 'items', 'versions'] as const;
export type ScorecardTab = (typeof SCORECARD_TABS)[number];

/** A dashboard point opened for its targets: one grader's day, maybe one bucket and split value. */
export interface Drill {
  readonly grader: string;
  readonly day: string;
  readonly bucket: string | null;
  /** Undefined: any split value; null: targets without one. */
  readonly key: string | null | undefined;
}

/**
 * What the address says about the Scorecards page: `#/scorecards/<id>?tab=dashboard&from=…&to=…
 * &split=model&grader=<id>&day=2026-03-01&bucket=Wrong&key=openai:gpt-4o`, `?version=2` (the
 * version shown and charted), `?new=1`, `?edit=1`, `?archived=1`.
 */
export interface ScorecardView {
  readonly id: string | null;
  readonly tab: ScorecardTab;
  readonly version: number | null;
  readonly archived: boolean;
  readonly creating: boolean;
  readonly editing: boolean;
  /** UTC days; null: the server's default (the last 30 days). */
  readonly from: string | null;
  readonly to: string | null;
  readonly split: DashboardSplit;
  readonly source: ScoreSource | null;
  readonly drill: Drill | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function scorecardHref(view: Partial<ScorecardView>): string {
  const p = new URLSearchParams();
  if (view.tab && view.tab !== 'dashboard') p.set('tab', view.tab);
  if (view.version) p.set('version', String(view.version));
  if (view.archived) p.set('archived', '1');
  if (view.creating) p.set('new', '1');
  if (view.editing) p.set('edit', '1');
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.split && view.split !== 'none') p.set('split', view.split);
  if (view.source) p.set('source', view.source);
  if (view.drill) {
    p.set('grader', view.drill.grader);
    p.set('day', view.drill.day);
    if (view.drill.bucket !== null) p.set('bucket', view.drill.bucket);
    // `key=` (empty) asks for the targets without a split value.
    if (view.drill.key !== undefined) p.set('key', view.drill.key ?? '');
  }
  return itemPath('scorecards', view.id, p.toString());
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  (list as readonly (string | null)[]).includes(value) ? (value as T) : null;

/** The view of a hash location; the query is read inside the hash, else the page's own. */
export function scorecardViewOf(location: string, search = ''): ScorecardView {
  const { id, params: p } = readItemPath('scorecards', location, search);
  const day = (name: string) => {
    const value = p.get(name);
    return value && DAY.test(value) ? value : null;
  };
  const grader = p.get('grader');
  const drillDay = day('day');
  return {
    id,
    tab: oneOf(SCORECARD_TABS, p.get('tab')) ?? 'dashboard',
    version: versionParam(p),
    archived: p.get('archived') === '1',
    creating: p.get('new') === '1',
    editing: p.get('edit') === '1',
    from: day('from'),
    to: day('to'),
    split: oneOf(DASHBOARD_SPLITS, p.get('split')) ?? 'none',
    source: oneOf(SCORE_SOURCES, p.get('source')),
    drill:
      grader && drillDay
        ? {
            grader,
            day: drillDay,
            bucket: p.get('bucket'),
            key: p.has('key') ? p.get('key') || null : undefined,
          }
        : null,
  };
}

/** Opens a Scorecards address (a history entry; the query stays inside the hash). */
export function openScorecards(view: Partial<ScorecardView>): void {
  window.location.hash = `#${scorecardHref(view)}`;
}
