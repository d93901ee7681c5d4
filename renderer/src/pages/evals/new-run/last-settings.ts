import { DATASET_SCORERS, emptyForm, type RunForm } from '../run-form';

const KEY = 'assay.evals.lastRun';

/** What is remembered: everything but the run's name, which names one run only. */
type Remembered = Omit<RunForm, 'name'>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Remembers a started run's settings for the next new-run dialog. */
export function rememberSettings(form: RunForm): void {
  const kept: Remembered & { name?: string } = { ...form };
  delete kept.name;
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage full or off: the next dialog starts empty, which is only less convenient.
  }
}

/**
 * The last started run's settings as a new form, or null when there are none. What was stored
 * by an older build, or edited by hand, is checked field by field and falls back to the empty
 * form's value, so a bad entry never breaks the dialog.
 */
export function lastSettings(): RunForm | null {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!isObject(raw)) return null;
  const base = emptyForm(null);
  const text = (key: keyof RunForm) =>
    typeof raw[key] === 'string' ? (raw[key] as string) : (base[key] as string);
  const targets = Array.isArray(raw.targets)
    ? raw.targets.filter(
        (t): t is RunForm['targets'][number] =>
          isObject(t) && typeof t.provider === 'string' && typeof t.model === 'string',
      )
    : [];
  const ref = (key: 'judge' | 'embedding') => {
    const v = raw[key];
    return isObject(v) && typeof v.provider === 'string' && typeof v.model === 'string'
      ? (v as unknown as RunForm['judge'])
      : base[key];
  };
  const s = raw.scorers;
  const scorers =
    isObject(s) && Array.isArray(s.skip) && Array.isArray(s.add)
      ? {
          useDatasetMatchers: s.useDatasetMatchers !== false,
          skip: s.skip.filter((k): k is string => typeof k === 'string'),
          add: s.add.filter(
            (m): m is RunForm['scorers']['add'][number] =>
              isObject(m) && typeof m.type === 'string',
          ),
        }
      : DATASET_SCORERS;
  return {
    ...base,
    dataset: text('dataset'),
    prompt: text('prompt'),
    selector: text('selector'),
    template: text('template'),
    system: text('system'),
    targets: targets.length > 0 ? targets : base.targets,
    concurrency: text('concurrency'),
    repeat: text('repeat'),
    bypassCache: raw.bypassCache === true,
    judge: ref('judge'),
    embedding: ref('embedding'),
    scorers,
    // An id that no longer names a live scorecard is dropped by the picker once the list loads.
    scorecard: text('scorecard'),
  };
}
