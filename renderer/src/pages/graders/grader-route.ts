import { itemPath, readItemPath, versionParam } from '../quality-shared/item-address';

/** The tabs of a grader's page. */
export const GRADER_TABS = ['overview', 'versions', 'calibration'] as const;
export type GraderTab = (typeof GRADER_TABS)[number];

/**
 * What the address says about the Graders page: `#/graders/<id>?tab=versions&version=2`,
 * `#/graders?archived=1`, `#/graders?new=1` (the create dialog), `#/graders/<id>?edit=1`,
 * `#/graders/<id>?tab=calibration&reference=<grader id>`.
 */
export interface GraderView {
  readonly id: string | null;
  readonly tab: GraderTab;
  /** A version to show (versions tab, calibration); null: the latest. */
  readonly version: number | null;
  readonly archived: boolean;
  readonly creating: boolean;
  readonly editing: boolean;
  /** Calibration's reference grader; null: people's scores under this grader. */
  readonly reference: string | null;
}

export function graderHref(view: Partial<GraderView>): string {
  const params = new URLSearchParams();
  if (view.tab && view.tab !== 'overview') params.set('tab', view.tab);
  if (view.version) params.set('version', String(view.version));
  if (view.reference) params.set('reference', view.reference);
  if (view.archived) params.set('archived', '1');
  if (view.creating) params.set('new', '1');
  if (view.editing) params.set('edit', '1');
  return itemPath('graders', view.id, params.toString());
}

/** The view of a hash location; the query is read inside the hash, else the page's own. */
export function graderViewOf(location: string, search = ''): GraderView {
  const { id, params } = readItemPath('graders', location, search);
  const tab = params.get('tab');
  return {
    id,
    tab: (GRADER_TABS as readonly (string | null)[]).includes(tab)
      ? (tab as GraderTab)
      : 'overview',
    version: versionParam(params),
    archived: params.get('archived') === '1',
    creating: params.get('new') === '1',
    editing: params.get('edit') === '1',
    reference: params.get('reference') || null,
  };
}

/**
 * Opens a Graders address: a history entry, so Back returns. The query stays inside the hash,
 * where links put it (wouter's navigate would move it before the hash).
 */
export function openGraders(view: Partial<GraderView>): void {
  window.location.hash = `#${graderHref(view)}`;
}
