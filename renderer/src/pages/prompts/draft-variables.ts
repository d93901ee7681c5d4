import type { PromptKind, PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { extractVariables } from '../../../../shared/template/variables';
import type { DraftMessage, PromptDraft, RefDraft } from './prompt-draft';
import type { Components } from './use-components';

/** Variables the edited content uses itself, in order of first use. */
export function ownVariables(kind: PromptKind, draft: PromptDraft): string[] {
  if (kind !== 'chat') return extractVariables(draft.text);
  const names = new Set<string>();
  for (const message of draft.messages)
    if (message.type === 'text')
      for (const name of extractVariables(message.content)) names.add(name);
  return [...names];
}

/** The version a component reference resolves to now, or a reason it does not resolve. */
export function resolveRef(
  message: RefDraft,
  summary: PromptSummary | undefined,
  versions: readonly PromptVersionView[] | undefined,
): { version?: PromptVersionView; problem?: string } {
  if (!message.prompt) return { problem: 'choose a prompt' };
  if (!summary) return { problem: `no ${message.role} prompt named ${message.prompt}` };
  let name: string | undefined;
  if (message.mode === 'version') name = message.version || summary.latestVersion;
  else {
    const label = message.label.trim();
    name = label ? summary.labels[label] : (summary.labels.production ?? summary.latestVersion);
    if (!name) return { problem: `label "${label}" is not set on ${message.prompt}` };
  }
  if (!versions) return {};
  const version = versions.find((v) => v.version === name);
  return version ? { version } : { problem: `${message.prompt} has no ${name}` };
}

export interface ComponentVariable {
  name: string;
  default?: string;
  description?: string;
  /** `system-base@v1.2`: where the variable comes from. */
  source: string;
}

/** Variables of the referenced components (as the backend reported them for each version). */
export function refVariables(
  messages: readonly DraftMessage[],
  summaries: ReadonlyMap<string, PromptSummary>,
  versionsOf: (name: string) => readonly PromptVersionView[] | undefined,
): ComponentVariable[] {
  const out = new Map<string, ComponentVariable>();
  for (const message of messages) {
    if (message.type !== 'ref') continue;
    const { version } = resolveRef(
      message,
      summaries.get(message.prompt),
      versionsOf(message.prompt),
    );
    if (!version) continue;
    for (const v of version.variables)
      if (!out.has(v.name))
        out.set(v.name, { ...v, source: `${message.prompt}@${version.version}` });
  }
  return [...out.values()];
}

/**
 * Names whose defaults and descriptions may be stored: the content's own and its components'.
 * While a component's versions are still loading, the names already stored are kept too.
 */
export function usedVariables(
  own: readonly string[],
  fromComponents: readonly ComponentVariable[],
  draft: PromptDraft,
  components: Components,
): string[] {
  const names = new Set([...own, ...fromComponents.map((v) => v.name)]);
  const loading = draft.messages.some(
    (m) =>
      m.type === 'ref' && components.summaries.has(m.prompt) && !components.versionsOf(m.prompt),
  );
  if (loading) for (const name of Object.keys(draft.variables)) names.add(name);
  return [...names];
}
