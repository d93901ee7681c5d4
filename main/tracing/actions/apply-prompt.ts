import { AssayError } from '../../../shared/errors';
import { renderTemplate } from '../../../shared/template/variables';
import type { SpanVariables } from '../../evals/datasets/from-span';
import type { ChatRequest } from '../../llm/types';
import type { PromptService } from '../../prompts/prompt-service';
import type { SpanRecord } from '../span-record';
import { withSystem } from './rerun-request';

export interface PromptApplied {
  readonly request: ChatRequest;
  readonly promptVersionId: string;
  readonly applied: 'variables' | 'system';
}

/**
 * A rerun with another prompt version. When the original call's variables are known (it was
 * made by an eval run or the playground), the version is rendered with them and its messages
 * replace the recorded ones: the rerun is the call that version would have made. Otherwise
 * (gateway and OTLP calls, whose variables were never seen) only the system message is
 * replaced by the version's, rendered with its defaults, and the recorded conversation is kept:
 * the part of a prompt that needs no variables is the part that can be swapped honestly.
 */
export async function applyPromptVersion(
  span: SpanRecord,
  request: ChatRequest,
  ref: string,
  deps: { prompts: PromptService; variables: SpanVariables },
  where: string,
): Promise<PromptApplied> {
  const known = await deps.variables(span);
  return applyPromptRef(span.id, known?.vars ?? null, request, ref, deps.prompts, where);
}

/**
 * The same, with the call's variables already at hand (null: unknown). Backtests replay frozen
 * calls, whose variables were kept when the set was made.
 */
export async function applyPromptRef(
  spanId: string,
  vars: Readonly<Record<string, string>> | null,
  request: ChatRequest,
  ref: string,
  prompts: PromptService,
  where: string,
): Promise<PromptApplied> {
  const resolved = await prompts.resolveRef(ref);
  const selector = { version: resolved.version };
  if (vars) {
    const rendered = await prompts.render(resolved.name, selector, {
      variables: vars,
      placeholders: {},
    });
    return {
      request: { ...request, messages: rendered.messages },
      promptVersionId: resolved.versionId,
      applied: 'variables',
    };
  }
  const { frozen } = await prompts.freeze(resolved.name, selector);
  const templates = frozen.messages.flatMap((m) =>
    'template' in m && m.role === 'system' ? [m.template] : [],
  );
  if (templates.length === 0)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: the variables of span "${spanId}" are unknown and ${resolved.name}@${resolved.version} has no system message to put in its place`,
      { field: 'promptVersion' },
    );
  const missing = new Set<string>();
  const system = templates.map((t) => {
    const result = renderTemplate(t, frozen.defaults);
    for (const name of result.missing) missing.add(name);
    return result.text;
  });
  if (missing.size > 0)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: the system message of ${resolved.name}@${resolved.version} needs variables span "${spanId}" did not record: ${[...missing].join(', ')}`,
      { field: 'promptVersion', missing: [...missing] },
    );
  return {
    request: withSystem(request, system),
    promptVersionId: resolved.versionId,
    applied: 'system',
  };
}
