import type { z } from 'zod';
import {
  BULLSEYE_LEVELS,
  graderCreateSchema,
  type ChannelInput,
  type GraderKind,
  type GraderView,
} from '../../../../shared/contract';

/**
 * The grader form is the contract's create schema itself, so the browser refuses what the
 * core would, with the same message at the same field; an edit sends the same fields to
 * graders.update (a grader keeps its name and kind).
 */
export const graderFormSchema = graderCreateSchema;
export type GraderFormValues = z.input<typeof graderCreateSchema>;
export type GraderFormOutput = z.output<typeof graderCreateSchema>;
type Definition = GraderFormValues['definition'];
type Config = GraderFormValues['scoreConfig'];
export type ConfigType = Config['type'];

/** What a kind's fields start with when it is picked. */
export function definitionFor(kind: GraderKind): Definition {
  switch (kind) {
    case 'deterministic':
      return { kind, check: { type: 'metric', metric: 'output_chars' } };
    case 'llm_judge':
      return {
        kind,
        prompt: { name: '', label: 'production' },
        model: { provider: 'openai', model: '' },
      };
    case 'code':
      return { kind, source: 'return target.output ? 1 : 0;', timeoutMs: 1_000 };
    case 'human':
      return { kind, instructions: '' };
  }
}

export function configFor(type: ConfigType): Config {
  switch (type) {
    case 'numeric':
      return { type, min: 0, max: 10, higherIsBetter: true };
    case 'categorical':
      // Two levels to name; the Bullseye preset fills in the shipped scale instead.
      return {
        type,
        levels: [
          { name: '', value: 1 },
          { name: '', value: 0 },
        ],
      };
    case 'boolean':
      return { type };
  }
}

/** The Bullseye preset: incident.io's four levels, with their descriptions. */
export const bullseyeConfig = (): Config => ({
  type: 'categorical',
  levels: BULLSEYE_LEVELS.map((l) => ({ ...l })),
});

export function formValuesOf(grader: GraderView | null): GraderFormValues {
  if (!grader)
    return {
      name: '',
      description: '',
      rubric: '',
      definition: definitionFor('llm_judge'),
      scoreConfig: { type: 'boolean' },
    };
  return {
    name: grader.name,
    description: grader.description,
    rubric: grader.latest.rubric,
    definition: grader.latest.definition,
    scoreConfig: grader.latest.scoreConfig,
  };
}

export function updateInputOf(
  id: string,
  values: GraderFormOutput,
): ChannelInput<'graders.update'> {
  return {
    id,
    description: values.description,
    rubric: values.rubric,
    definition: values.definition,
    scoreConfig: values.scoreConfig,
  };
}
