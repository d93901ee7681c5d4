/**
 * A run to set up from somewhere else (a promptfoo config's prompt and providers): the runs list
 * opens the new-run dialog filled in with it.
 */
export interface RunSetup {
  /** An inline template, `{{variables}}` and all; null leaves the prompt to pick. */
  readonly template: string | null;
  /** Provider ids as written (`openai:gpt-4o-mini`, promptfoo's `openai:chat:gpt-4o-mini`). */
  readonly models: readonly string[];
}

/** Which part of the Evals page the hash names. */
export type EvalView =
  | { kind: 'list'; dataset: string | null; setup: RunSetup | null }
  | { kind: 'run'; runId: string }
  | {
      kind: 'compare';
      baseline: string;
      /** The first candidate (what a two-run link names). */
      candidate: string;
      /** Every candidate, at most MAX_CANDIDATES, in the order picked. */
      candidates: readonly string[];
      /** The candidate the count cards and the row filter are about; null: the first. */
      focus: string | null;
      /** Rows shown: only those with this change against the focused candidate; null: all. */
      filter: string | null;
    }
  | {
      kind: 'matrix';
      groupId: string | null;
      dataset: string | null;
      /** Runs chosen by hand (`runs=a,b`), instead of a group or a dataset's runs. */
      runIds: readonly string[];
      filter: MatrixFilter;
    };

/** Which case rows the matrix shows: every one, those with a failure, those whose cells differ. */
export const MATRIX_FILTERS = ['all', 'failures', 'different'] as const;
export type MatrixFilter = (typeof MATRIX_FILTERS)[number];

export interface MatrixTarget {
  readonly groupId?: string | null;
  readonly dataset?: string | null;
  readonly runIds?: readonly string[];
  readonly filter?: MatrixFilter;
}

function matrixHref({ groupId, dataset, runIds, filter }: MatrixTarget): string {
  const params = new URLSearchParams();
  if (groupId) params.set('group', groupId);
  if (dataset) params.set('dataset', dataset);
  if (runIds && runIds.length > 0) params.set('runs', runIds.join(','));
  if (filter && filter !== 'all') params.set('filter', filter);
  return `/evals/matrix?${params.toString()}`;
}

const q = encodeURIComponent;

/** A baseline and at most this many candidates side by side. */
export const MAX_CANDIDATES = 4;

export interface CompareOptions {
  readonly focus?: string | null;
  readonly filter?: string | null;
}

export const evalHref = {
  list: (dataset?: string | null) => (dataset ? `/evals/list?dataset=${q(dataset)}` : '/evals'),
  run: (id: string) => `/evals/runs/${q(id)}`,
  compare: (
    baseline: string,
    candidates: string | readonly string[],
    { focus = null, filter = null }: CompareOptions = {},
  ) => {
    const list = typeof candidates === 'string' ? [candidates] : candidates;
    return (
      `/evals/compare?baseline=${q(baseline)}&candidates=${list.map(q).join(',')}` +
      (focus ? `&focus=${q(focus)}` : '') +
      (filter ? `&filter=${q(filter)}` : '')
    );
  },
  group: (groupId: string) => matrixHref({ groupId }),
  datasetMatrix: (dataset: string) => matrixHref({ dataset }),
  matrix: matrixHref,
  setup: (dataset: string, setup: RunSetup) =>
    `/evals/list?dataset=${q(dataset)}&setup=1&models=${q(setup.models.join(','))}` +
    (setup.template === null ? '' : `&template=${q(setup.template)}`),
};

/**
 * The view of a hash location (`/evals/runs/<id>`, `/evals/compare?baseline=…`). The query is
 * read inside the hash, where links put it, else from the page's own query string.
 */
export function evalViewOf(location: string, search: string): EvalView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const inHash = at < 0 ? '' : location.slice(at + 1);
  const params = new URLSearchParams(inHash || search);
  const get = (name: string) => params.get(name) || null;
  const run = /^\/evals\/runs\/([^/]+)$/.exec(path);
  if (run?.[1]) return { kind: 'run', runId: decodeURIComponent(run[1]) };
  if (path === '/evals/compare') {
    const baseline = get('baseline');
    // `candidate=` is what two-run links wrote before several candidates could be compared.
    const candidates = [
      ...new Set((get('candidates') ?? get('candidate') ?? '').split(',').filter(Boolean)),
    ]
      .filter((id) => id !== baseline)
      .slice(0, MAX_CANDIDATES);
    const [candidate] = candidates;
    const focus = get('focus');
    if (baseline && candidate)
      return {
        kind: 'compare',
        baseline,
        candidate,
        candidates,
        focus: focus && candidates.includes(focus) ? focus : null,
        filter: get('filter'),
      };
  }
  if (path === '/evals/matrix') {
    const filter = MATRIX_FILTERS.find((f) => f === get('filter')) ?? 'all';
    const runIds = (get('runs') ?? '').split(',').filter(Boolean);
    return { kind: 'matrix', groupId: get('group'), dataset: get('dataset'), runIds, filter };
  }
  const setup = get('setup')
    ? { template: get('template'), models: (get('models') ?? '').split(',').filter(Boolean) }
    : null;
  return { kind: 'list', dataset: get('dataset'), setup };
}

/** Opens a view: the hash changes (a history entry) and wouter re-renders the page. */
export function goTo(href: string): void {
  window.location.hash = href;
}
