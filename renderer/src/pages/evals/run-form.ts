import type { ChannelInput, MatcherInput, ProviderId, RunView } from '../../../../shared/contract';
import { parseTargetId } from '../../../../shared/target-id';
import type { RunSetup } from './eval-route';

export const INLINE = '__inline__';

export interface TargetDraft {
  readonly provider: ProviderId;
  readonly model: string;
}

/** A model named for a role (judge, embeddings); no provider: none named. */
export interface ModelRefDraft {
  readonly provider: ProviderId | '';
  readonly model: string;
}

const NO_MODEL: ModelRefDraft = { provider: '', model: '' };

/** Which matchers score the run (evals.start `scorers`). */
export interface ScorersDraft {
  /** Off: the cases' own matchers are not run. */
  readonly useDatasetMatchers: boolean;
  /** Dataset matchers switched off, by the key evals.preflight lists them with. */
  readonly skip: readonly string[];
  /** Added for this run, applied to every case. */
  readonly add: readonly MatcherInput[];
}

export const DATASET_SCORERS: ScorersDraft = { useDatasetMatchers: true, skip: [], add: [] };

export interface RunForm {
  readonly name: string;
  readonly dataset: string;
  /** A saved prompt's name, INLINE for a template typed here, '' for none yet. */
  readonly prompt: string;
  /** '' (production, else latest), `label:<name>` or `version:<v1.2>`. */
  readonly selector: string;
  readonly template: string;
  readonly system: string;
  readonly targets: readonly TargetDraft[];
  readonly concurrency: string;
  readonly repeat: string;
  readonly bypassCache: boolean;
  /** The judge of llm-judge matchers that name none, and the model similarity embeds with. */
  readonly judge: ModelRefDraft;
  readonly embedding: ModelRefDraft;
  readonly scorers: ScorersDraft;
  /** The scorecard (by id) every case is also graded with, at its latest version; '' for none. */
  readonly scorecard: string;
}

export const MAX_TARGETS = 12;

/** A new form, filled in from a setup (a config's prompt and models) when there is one. */
export function emptyForm(dataset: string | null, setup: RunSetup | null = null): RunForm {
  const targets = (setup?.models ?? [])
    .map(parseTargetId)
    .filter((t) => t !== null)
    .slice(0, MAX_TARGETS);
  return {
    name: '',
    dataset: dataset ?? '',
    prompt: setup?.template ? INLINE : '',
    selector: '',
    template: setup?.template ?? '{{input}}',
    system: '',
    targets: targets.length > 0 ? targets : [{ provider: 'openai', model: '' }],
    concurrency: '20',
    repeat: '1',
    // The cache is on by default here as in the playground: an unchanged case is not paid twice.
    bypassCache: false,
    judge: NO_MODEL,
    embedding: NO_MODEL,
    scorers: DATASET_SCORERS,
    scorecard: '',
  };
}

/**
 * A form that runs again what a run ran: its dataset, prompt version (or its inline template,
 * which the run does not keep: the prompt is left to pick), model, models and settings.
 */
export function formOfRun(run: RunView): RunForm {
  const saved = run.promptVersion !== null;
  const name = saved ? run.prompt.slice(0, run.prompt.lastIndexOf('@')) : '';
  const ref = (m: RunView['judgeModel']): ModelRefDraft => m ?? NO_MODEL;
  return {
    ...emptyForm(run.dataset),
    prompt: name,
    selector: saved ? `version:${run.promptVersion}` : '',
    targets: [{ provider: run.provider, model: run.model }],
    concurrency: String(run.concurrency),
    repeat: String(run.repeat),
    bypassCache: !run.useCache,
    judge: ref(run.judgeModel),
    embedding: ref(run.embeddingModel),
    scorers: run.scorers
      ? {
          useDatasetMatchers: run.scorers.useDatasetMatchers,
          skip: run.scorers.skip,
          add: run.scorers.add,
        }
      : DATASET_SCORERS,
    scorecard: run.scorers?.scorecard?.id ?? '',
  };
}

/**
 * The scorers to send: none when the run keeps every dataset matcher, adds nothing and names no
 * scorecard.
 */
function scorersOf(form: RunForm): Pick<StartInput, 'scorers'> {
  const s = form.scorers;
  const scorecard = form.scorecard === '' ? {} : { scorecard: { id: form.scorecard } };
  if (s.useDatasetMatchers && s.skip.length === 0 && s.add.length === 0)
    return form.scorecard === '' ? {} : { scorers: scorecard };
  return {
    scorers: {
      useDatasetMatchers: s.useDatasetMatchers,
      skip: [...s.skip],
      add: [...s.add],
      ...scorecard,
    },
  };
}

type StartInput = ChannelInput<'evals.start'>;

function intIn(text: string, min: number, max: number): number | null {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function promptOf(form: RunForm): StartInput['prompt'] | string {
  if (form.prompt === INLINE) {
    if (form.template.trim() === '') return 'Write the template';
    return { template: form.template, ...(form.system.trim() ? { system: form.system } : {}) };
  }
  if (form.prompt === '') return 'Pick a prompt';
  const [kind, value] = form.selector.split(':', 2);
  if (kind === 'label' && value) return { name: form.prompt, label: value };
  if (kind === 'version' && value) return { name: form.prompt, version: value };
  return { name: form.prompt };
}

type ModelRef = NonNullable<StartInput['judgeModel']>;

/** The model a role names: none (null), or why it cannot be used yet. */
function modelRefOf(draft: ModelRefDraft, role: string): ModelRef | null | string {
  if (draft.provider === '') return null;
  const model = draft.model.trim();
  return model === '' ? `${role} has no model id` : { provider: draft.provider, model };
}

/**
 * The judge and embedding models of the input (only those named), or the first thing to fix.
 * `lenient`: a model whose id is still being typed counts as none (for the pre-flight).
 */
function modelsOf(
  form: RunForm,
  lenient = false,
): Pick<StartInput, 'judgeModel' | 'embeddingModel'> | string {
  const settled = (ref: ModelRef | null | string) =>
    lenient && typeof ref === 'string' ? null : ref;
  const judge = settled(modelRefOf(form.judge, 'The judge model'));
  if (typeof judge === 'string') return judge;
  const embedding = settled(modelRefOf(form.embedding, 'The embedding model'));
  if (typeof embedding === 'string') return embedding;
  return {
    ...(judge ? { judgeModel: judge } : {}),
    ...(embedding ? { embeddingModel: embedding } : {}),
  };
}

/**
 * What evals.preflight checks, as soon as a dataset and a prompt are picked: the cases against
 * the prompt and the matchers against the judge and embedding models. The targets are not
 * checked there, so a model still being typed stands in as a placeholder rather than holding
 * the check back. Null: nothing to check yet.
 */
export function preflightInputOf(form: RunForm): StartInput | null {
  if (form.dataset === '') return null;
  const prompt = promptOf(form);
  const models = modelsOf(form, true);
  if (typeof prompt === 'string' || typeof models === 'string') return null;
  const typed = form.targets.filter((t) => t.model.trim() !== '');
  const placeholder: TargetDraft = { provider: 'openai', model: 'any' };
  return {
    dataset: form.dataset,
    prompt,
    targets: (typed.length > 0 ? typed : [placeholder]).map((t) => ({
      provider: t.provider,
      model: t.model.trim(),
    })),
    ...models,
    ...scorersOf(form),
  };
}

/** The evals.start input, or the first thing to fix (shown next to Start). */
export function startInputOf(form: RunForm): StartInput | string {
  if (form.dataset === '') return 'Pick a dataset';
  const prompt = promptOf(form);
  if (typeof prompt === 'string') return prompt;
  const models = modelsOf(form);
  if (typeof models === 'string') return models;
  const missing = form.targets.findIndex((t) => t.model.trim() === '');
  if (missing >= 0) return `Model ${missing + 1} has no model id`;
  const concurrency = intIn(form.concurrency, 1, 256);
  if (concurrency === null) return 'Concurrency is a whole number from 1 to 256';
  const repeat = intIn(form.repeat, 1, 20);
  if (repeat === null) return 'Repeats is a whole number from 1 to 20';
  return {
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
    dataset: form.dataset,
    prompt,
    targets: form.targets.map((t) => ({ provider: t.provider, model: t.model.trim() })),
    concurrency,
    repeat,
    ...(form.bypassCache ? { bypassCache: true } : {}),
    ...models,
    ...scorersOf(form),
  };
}
