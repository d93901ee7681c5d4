import { AssayError } from '../../../shared/errors';
import type { CallInput } from '../../llm/call/call-llm';
import { ProviderError } from '../../llm/provider-error';
import type { ChatRequest } from '../../llm/types';
import type { PromptService } from '../../prompts/prompt-service';
import { BUILT_IN_JUDGE_PROMPTS } from '../grading/built-in-judge-prompts';
import type {
  JudgeModelRequest,
  JudgePromptRef,
  JudgePromptTemplate,
  JudgeSeam,
} from '../grading/judge-seam';

/**
 * The judge seam of online scoring, for real: prompts from the registry, calls through the
 * call path (limits, retries, cache, a `judge` span with the exact cost).
 */

const BUILT_IN_BY_NAME = new Map(
  Object.values(BUILT_IN_JUDGE_PROMPTS).map((p) => [p.promptName, p] as const),
);

function isNotFound(err: unknown): err is AssayError {
  return err instanceof AssayError && err.code === 'NOT_FOUND';
}

/** Whether the registry has no live prompt of this name (as opposed to no such label). */
async function absent(prompts: PromptService, name: string, err: AssayError): Promise<boolean> {
  if ((err.details as { deleted?: unknown } | undefined)?.deleted === true) return true;
  return prompts.versions(name).then(
    () => false,
    (e: unknown) => {
      if (isNotFound(e)) return true;
      throw e;
    },
  );
}

/**
 * A judge prompt by reference. `production` (the built-ins' label, and the default) reads the
 * production label, else the latest version: a prompt just created to override a built-in
 * works before anyone labels it. When the registry has no live prompt of the name, the
 * shipped built-in judge prompt of that name answers (unless a version was pinned, which only
 * the registry has), so the built-in graders work out of the box.
 */
export async function resolveJudgePrompt(
  prompts: PromptService,
  ref: JudgePromptRef,
): Promise<JudgePromptTemplate> {
  const label = ref.label ?? 'production';
  const selector = ref.version ? { version: ref.version } : label === 'production' ? {} : { label };
  try {
    const { frozen } = await prompts.freeze(ref.name, selector);
    return {
      messages: frozen.messages.flatMap((m) =>
        'template' in m ? [{ role: m.role, content: m.template }] : [],
      ),
      defaults: frozen.defaults,
    };
  } catch (err) {
    const builtIn = BUILT_IN_BY_NAME.get(ref.name);
    if (!builtIn || ref.version || !isNotFound(err) || !(await absent(prompts, ref.name, err)))
      throw err;
    return { messages: builtIn.messages };
  }
}

/** What a grading's judge calls cost, and whether the provider failed under it. */
export interface JudgeMeter {
  picoUsd: number;
  calls: number;
  /** Calls whose model has no price: spent, but not counted in money. */
  unpriced: number;
  /** A failure that is the provider's (down, limited, a key refused), not this target's. */
  failure: unknown;
}

export const newMeter = (): JudgeMeter => ({ picoUsd: 0, calls: 0, unpriced: 0, failure: null });

/**
 * Whether a failed judge call says nothing about the target: anything but the provider
 * refusing this very request (a 400 for a too-long prompt) is worth retrying later.
 */
export function isProviderOutage(err: unknown): boolean {
  return !(err instanceof ProviderError && err.errorClass === 'bad_request');
}

/** The call path as a judge uses it: the LlmService (a test may stand in for it). */
export interface JudgeCaller {
  call(input: CallInput): Promise<{
    readonly response: { readonly text: string };
    readonly costPicoUsd: number | null;
  }>;
}

export interface JudgeCallDeps {
  readonly llm: JudgeCaller;
  readonly resolvePrompt: (ref: JudgePromptRef) => Promise<JudgePromptTemplate>;
}

/**
 * A seam for one grading: its calls are metered, and their spans named and tagged with what
 * they judged (the rule and the interaction, or the eval run and its case).
 */
export function meteredJudge(
  deps: JudgeCallDeps,
  meter: JudgeMeter,
  attributes: Readonly<Record<string, string>>,
  spanName = 'online judge',
): JudgeSeam {
  return {
    resolvePrompt: (ref) => deps.resolvePrompt(ref),
    async call(request: JudgeModelRequest, signal?: AbortSignal) {
      try {
        const result = await deps.llm.call({
          request: {
            provider: request.provider as ChatRequest['provider'],
            model: request.model,
            messages: [...request.messages],
            temperature: 0,
            responseFormat: request.responseFormat,
          },
          ...(signal ? { signal } : {}),
          spanKind: 'judge',
          spanName,
          attributes: { ...attributes, judgePrompt: request.prompt.name },
          // Judge calls belong with the scores they gave, not among the app's own traces.
          listed: false,
        });
        meter.calls += 1;
        if (result.costPicoUsd === null) meter.unpriced += 1;
        else meter.picoUsd += result.costPicoUsd;
        return { text: result.response.text, costPicoUsd: result.costPicoUsd };
      } catch (err) {
        if (isProviderOutage(err)) meter.failure ??= err;
        throw err;
      }
    },
  };
}
