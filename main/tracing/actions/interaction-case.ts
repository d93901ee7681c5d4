import {
  expectedSchema,
  varNameSchema,
  type InteractionView,
  type ParsedInput,
  type TestCaseView,
} from '../../../shared/contract';
import type { InteractionCaseDraft } from '../../../shared/contract/trace-actions';
import { AssayError } from '../../../shared/errors';
import type { DatasetService } from '../../evals/datasets/dataset-service';
import type { PromptService } from '../../prompts/prompt-service';
import type { TracingService } from '../tracing-service';

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/**
 * An interaction's input as case variables: an object's fields by name (when every name can
 * be a variable), else the whole input as `input`.
 */
export function interactionVars(input: unknown, where: string): Record<string, string> {
  if (input === null || input === undefined)
    throw new AssayError('VALIDATION_FAILED', `${where}: the interaction has no input`, {
      field: 'interactionId',
    });
  if (typeof input === 'object' && !Array.isArray(input)) {
    const entries = Object.entries(input);
    if (entries.length > 0 && entries.every(([name]) => varNameSchema.safeParse(name).success))
      return Object.fromEntries(entries.map(([name, value]) => [name, asText(value)]));
  }
  return { input: asText(input) };
}

/** The output as expected; absent when there was none (a case cannot expect null). */
function expectedOf(output: unknown) {
  const parsed = expectedSchema.safeParse(output);
  return parsed.success && parsed.data !== null ? parsed.data : undefined;
}

export interface InteractionCaseDeps {
  readonly tracing: TracingService;
  readonly prompts: PromptService;
  readonly datasets: DatasetService;
}

async function promptName(prompts: PromptService, versionId: string | null) {
  if (versionId === null) return null;
  try {
    const found = await prompts.resolveRef(versionId);
    return `${found.name}@${found.version}`;
  } catch {
    // A purged prompt: the case is still worth having.
    return null;
  }
}

function draftOf(interaction: InteractionView, prompt: string | null, where: string) {
  const expected = expectedOf(interaction.output);
  return {
    interactionId: interaction.id,
    description: `From interaction ${interaction.id} (${interaction.type}${prompt ? `, ${prompt}` : ''})`,
    vars: interactionVars(interaction.input, where),
    ...(expected === undefined ? {} : { expected }),
    prompt,
  };
}

/** "Steal as eval" from an interaction: the draft to edit before saving. */
export async function interactionCaseDraft(
  deps: InteractionCaseDeps,
  interactionId: string,
): Promise<InteractionCaseDraft> {
  const where = 'cases.draftFromInteraction';
  const interaction = await deps.tracing.interaction(interactionId);
  return draftOf(interaction, await promptName(deps.prompts, interaction.promptVersionId), where);
}

/** Adds the case (edited fields win over the drafted ones); nothing is stored before this. */
export async function caseFromInteraction(
  deps: InteractionCaseDeps,
  input: ParsedInput<'cases.fromInteraction'>,
): Promise<TestCaseView> {
  const where = 'cases.fromInteraction';
  const interaction = await deps.tracing.interaction(input.interactionId);
  const prompt = await promptName(deps.prompts, interaction.promptVersionId);
  // Edited variables need no usable input: an interaction of any shape can still be stolen.
  const drafted = input.vars === undefined ? draftOf(interaction, prompt, where) : null;
  const expected =
    input.expected === undefined
      ? (drafted?.expected ?? expectedOf(interaction.output))
      : input.expected === null
        ? undefined
        : input.expected;
  const [added] = await deps.datasets.addCases(input.dataset, [
    {
      vars: input.vars ?? drafted!.vars,
      ...(expected === undefined ? {} : { expected }),
      matchers: input.matchers,
      tags: input.tags,
      description:
        input.description ??
        drafted?.description ??
        `From interaction ${interaction.id} (${interaction.type})`,
    },
  ]);
  return added!;
}
