import type { PromptContent, PromptKind, PromptSummary } from '../../shared/contract';
import type { PromptRow } from './prompt-store';
import { contentOf } from './resolve';
import type { Stores } from './stores';
import { summaryOf } from './views';

export interface ListFilter {
  readonly kind?: PromptKind;
  readonly tag?: string;
  readonly label?: string;
  readonly search?: string;
  readonly includeDeleted?: boolean;
}

/** The words a search sees in a version: its text and its messages' contents. */
function searchableText(content: PromptContent): string {
  const parts = [content.text ?? ''];
  for (const m of content.messages ?? []) if ('content' in m) parts.push(m.content);
  return parts.join('\n');
}

function matches(stores: Stores, prompt: PromptRow, needle: string): boolean {
  if (prompt.name.toLowerCase().includes(needle)) return true;
  if (prompt.description.toLowerCase().includes(needle)) return true;
  const latest = stores.prompts.latestVersion(prompt.id)!;
  return searchableText(contentOf(latest)).toLowerCase().includes(needle);
}

/**
 * Prompts by name, filtered. Search is a case-insensitive substring over the name, the
 * description and the latest version's text; a local registry holds hundreds of prompts, not
 * millions, so this runs in memory rather than through an index.
 */
export function listPrompts(stores: Stores, filter: ListFilter): PromptSummary[] {
  const rows = stores.prompts.prompts({
    includeDeleted: filter.includeDeleted === true,
    kind: filter.kind,
  });
  const labelled = filter.label ? stores.labels.promptIdsWithLabel(filter.label) : null;
  const needle = filter.search?.trim().toLowerCase() ?? '';
  return rows
    .filter((row) => !labelled || labelled.has(row.id))
    .filter((row) => !filter.tag || (JSON.parse(row.tags_json) as string[]).includes(filter.tag))
    .filter((row) => needle === '' || matches(stores, row, needle))
    .map((row) => summaryOf(stores, row));
}
