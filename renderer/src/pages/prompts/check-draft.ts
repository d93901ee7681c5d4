import type { PromptKind } from '../../../../shared/contract';
import type { ConfigErrors } from './config-draft';
import type { PromptDraft } from './prompt-draft';

const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What would make the backend refuse the draft, found before a round trip. */
export function draftProblems(
  kind: PromptKind,
  draft: PromptDraft,
  configErrors: ConfigErrors,
): string[] {
  const problems: string[] = [];
  if (kind !== 'chat' && draft.text.trim() === '') problems.push('The template is empty.');
  if (kind === 'chat') {
    if (draft.messages.length === 0) problems.push('A chat prompt needs at least one message.');
    draft.messages.forEach((message, index) => {
      const where = `Message ${index + 1}`;
      if (message.type === 'ref' && !message.prompt)
        problems.push(
          `${where}: choose the ${message.role === 'system' ? 'system prompt' : 'user template'} to reference.`,
        );
      if (message.type === 'placeholder' && !PLACEHOLDER_NAME.test(message.name.trim()))
        problems.push(`${where}: a placeholder name such as history.`);
    });
  }
  // Each config error is shown under its field in the panel; said once there, counted here.
  const configCount = Object.keys(configErrors).length;
  if (configCount > 0)
    problems.push(
      `Model config: ${configCount === 1 ? 'one field' : `${configCount} fields`} to fix (marked in the panel).`,
    );
  return problems;
}
