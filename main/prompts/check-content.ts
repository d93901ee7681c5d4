import type { PromptContent, PromptKind } from '../../shared/contract';
import { AssayError, type FieldIssue } from '../../shared/errors';
import type { ComponentRefRecord } from './prompt-rows';
import { resolveRef, type ResolvedComponent } from './resolve';
import type { Stores } from './stores';
import { variablesOf, type VariableView } from './variables';

export interface CheckedContent {
  readonly refs: ComponentRefRecord[];
  readonly variables: VariableView[];
}

export interface CheckOptions {
  readonly where: string;
  readonly name: string;
  readonly kind: PromptKind;
  readonly content: PromptContent;
  /** Imports may reproduce refs to prompts that were deleted after the ref was made. */
  readonly allowDeletedComponents?: boolean;
}

function shapeIssues(kind: PromptKind, content: PromptContent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (kind === 'chat') {
    if (!content.messages || content.messages.length === 0)
      issues.push({
        path: 'content.messages',
        message: 'a chat prompt needs at least one message',
      });
    if (content.text !== undefined)
      issues.push({ path: 'content.text', message: 'a chat prompt has messages, not text' });
  } else {
    if (content.text === undefined)
      issues.push({ path: 'content.text', message: `a ${kind} prompt needs text` });
    if (content.messages !== undefined)
      issues.push({ path: 'content.messages', message: `a ${kind} prompt has text, not messages` });
  }
  return issues;
}

/**
 * Everything a version's content must satisfy beyond its zod shape: text or messages by kind,
 * components that exist, are live, have the right kind and resolve, and a `variables` list
 * that names only variables the content uses. Every problem is reported at once.
 */
export async function checkContent(stores: Stores, options: CheckOptions): Promise<CheckedContent> {
  const { content, kind, name } = options;
  const issues = shapeIssues(kind, content);
  const components = new Map<number, ResolvedComponent>();
  const refs: ComponentRefRecord[] = [];
  for (const [position, message] of (content.messages ?? []).entries()) {
    if (!('ref' in message)) continue;
    const result = await resolveRef(stores, message.ref, message.role, {
      name,
      allowDeletedComponents: options.allowDeletedComponents,
    });
    if (!result.ok) {
      issues.push({ path: `content.messages.${position}.ref`, message: result.message });
      continue;
    }
    components.set(position, result.component);
    refs.push({
      position,
      componentPromptId: result.component.prompt.id,
      componentVersionId: result.component.pinned ? result.component.version.id : null,
      componentLabel: message.ref.label ?? null,
    });
  }
  const variables = variablesOf(content, components);
  const used = new Set(variables.map((v) => v.name));
  const listed = new Set<string>();
  content.variables?.forEach((v, index) => {
    const path = `content.variables.${index}.name`;
    if (listed.has(v.name)) issues.push({ path, message: `variable "${v.name}" is listed twice` });
    else if (!used.has(v.name))
      issues.push({ path, message: `variable "${v.name}" is listed but not used by the content` });
    listed.add(v.name);
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new AssayError(
      'VALIDATION_FAILED',
      `${options.where}: invalid "${first.path}": ${first.message}${more}`,
      { issues },
    );
  }
  return { refs, variables };
}
