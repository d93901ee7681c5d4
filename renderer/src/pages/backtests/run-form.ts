import { z } from 'zod';
import { PROVIDER_IDS, type ChannelInput } from '../../../../shared/contract';

/** A prompt ref of the form: its name and, optionally, `label:<name>` or `version:<name>`. */
export function promptRef(name: string, selector: string): string | undefined {
  if (name === '') return undefined;
  const [kind, value] = [
    selector.slice(0, selector.indexOf(':')),
    selector.slice(selector.indexOf(':') + 1),
  ];
  return (kind === 'label' || kind === 'version') && value ? `${name}@${value}` : name;
}

/**
 * The Run backtest form: one candidate (a prompt version, a model, or both) against production
 * or a replayed prompt version, graded with a scorecard.
 */
export const runFormSchema = z
  .object({
    candidatePrompt: z.string(),
    candidateSelector: z.string(),
    candidateProvider: z.union([z.literal(''), z.enum(PROVIDER_IDS)]),
    candidateModel: z.string().trim().max(200),
    baselineKind: z.enum(['production', 'replay']),
    baselinePrompt: z.string(),
    baselineSelector: z.string(),
    scorecard: z.string().min(1, 'pick a scorecard'),
    concurrency: z
      .number({ error: 'a whole number from 1 to 64' })
      .int('a whole number from 1 to 64')
      .min(1, 'a whole number from 1 to 64')
      .max(64, 'a whole number from 1 to 64'),
    /** Once now, or on a schedule (UTC) that alerts on a regression. */
    repeat: z.enum(['once', 'daily', 'weekly']),
    scheduleName: z.string().trim().max(120),
    at: z.string(),
    weekday: z.enum(['0', '1', '2', '3', '4', '5', '6']),
    alertBelow: z
      .number({ error: 'a score change from 0 to 1' })
      .min(0, 'a score change from 0 to 1')
      .max(1, 'a score change from 0 to 1'),
  })
  .refine((v) => v.repeat === 'once' || v.scheduleName !== '', {
    message: 'name the schedule',
    path: ['scheduleName'],
  })
  .refine((v) => v.repeat === 'once' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v.at), {
    message: 'HH:MM, 24-hour, UTC',
    path: ['at'],
  })
  .refine((v) => v.candidatePrompt !== '' || v.candidateProvider !== '', {
    message: 'a candidate names a prompt version, a model, or both',
    path: ['candidatePrompt'],
  })
  .refine((v) => v.candidateProvider === '' || v.candidateModel !== '', {
    message: 'name the model (a model id)',
    path: ['candidateModel'],
  })
  .refine((v) => v.baselineKind === 'production' || v.baselinePrompt !== '', {
    message: 'a replayed baseline names a prompt',
    path: ['baselinePrompt'],
  });
export type RunFormValues = z.input<typeof runFormSchema>;
export type RunFormOutput = z.output<typeof runFormSchema>;

export const RUN_FORM_DEFAULTS: RunFormValues = {
  candidatePrompt: '',
  candidateSelector: '',
  candidateProvider: '',
  candidateModel: '',
  baselineKind: 'production',
  baselinePrompt: '',
  baselineSelector: '',
  scorecard: '',
  concurrency: 4,
  repeat: 'once',
  scheduleName: '',
  at: '06:00',
  weekday: '1',
  alertBelow: 0,
};

export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** The schedule's input: the run's spec, when it repeats, and the alert threshold. */
export function scheduleSpec(
  setId: string,
  v: RunFormOutput,
): ChannelInput<'backtests.schedules.create'> {
  const cadence = v.repeat === 'weekly' ? 'weekly' : 'daily';
  return {
    ...runSpec(setId, v),
    name: v.scheduleName,
    cadence,
    at: v.at,
    ...(cadence === 'weekly' ? { weekday: Number(v.weekday) } : {}),
    alertBelow: v.alertBelow,
    concurrency: v.concurrency,
  };
}

/** The run's spec (what `backtests.estimate` and `backtests.runs.create` share). */
export function runSpec(setId: string, v: RunFormOutput): ChannelInput<'backtests.estimate'> {
  const prompt = promptRef(v.candidatePrompt, v.candidateSelector);
  const candidate = {
    ...(prompt ? { prompt } : {}),
    ...(v.candidateProvider !== ''
      ? { model: { provider: v.candidateProvider, model: v.candidateModel } }
      : {}),
  };
  const baselinePrompt = promptRef(v.baselinePrompt, v.baselineSelector);
  return {
    set: setId,
    baseline:
      v.baselineKind === 'production' || !baselinePrompt
        ? { kind: 'production' }
        : { kind: 'replay', prompt: baselinePrompt },
    candidates: [candidate],
    scorecard: { id: v.scorecard },
  };
}

/** "~$0.12 for 2 sides, 200 calls" (the sides that replay; production costs nothing). */
export function estimateText(
  estimate: {
    sides: readonly { replays: boolean; cost: { calls: number } }[];
    totalUsd: number | null;
    judgeGraders: number;
  },
  usd: (n: number | null) => string,
): string {
  const replayed = estimate.sides.filter((s) => s.replays);
  const calls = replayed.reduce((n, s) => n + s.cost.calls, 0);
  const money =
    estimate.totalUsd === null
      ? 'cost unknown (a model has no price)'
      : `~${usd(estimate.totalUsd)}`;
  const sides = `${replayed.length} ${replayed.length === 1 ? 'side' : 'sides'}`;
  const judges =
    estimate.judgeGraders > 0
      ? `, plus ${estimate.judgeGraders} judge graders (not priced ahead)`
      : '';
  return `${money} for ${sides}, ${calls} calls${judges}`;
}
