import type { ChannelInput, ProviderId } from '../../../../shared/contract';
import { parseTargetId } from '../../../../shared/target-id';
import type { RunSetup } from './eval-route';

export const INLINE = '__inline__';

export interface TargetDraft {
  readonly provider: ProviderId;
  readonly model: string;
}

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
    bypassCache: false,
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

/** The evals.start input, or the first thing to fix (shown next to Start). */
export function startInputOf(form: RunForm): StartInput | string {
  if (form.dataset === '') return 'Pick a dataset';
  const prompt = promptOf(form);
  if (typeof prompt === 'string') return prompt;
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
  };
}
