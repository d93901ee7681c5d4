import type { PromptContent, PromptKind, PromptSummary } from '../../shared/contract';
import type { PromptRecord } from './prompt-rows';
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

async function matches(stores: Stores, prompt: PromptRecord, needle: string): Promise<boolean> {
  if (prompt.name.toLowerCase().includes(needle)) return true;
  if (prompt.description.toLowerCase().includes(needle)) return true;
  const latest = (await stores.prompts.latestVersion(prompt.id))!;
  return searchableText(latest.content).toLowerCase().includes(needle);
}

/**
 * Prompts by name, filtered. Search is a case-insensitive substring over the name, the
 * description and the latest version's text; a local registry holds hundreds of prompts, not
 * millions, so this runs in memory rather than through an index.
 */
export async function listPrompts(stores: Stores, filter: ListFilter): Promise<PromptSummary[]> {
  const rows = await stores.prompts.prompts({
    includeDeleted: filter.includeDeleted === true,
    kind: filter.kind,
  });
  const labelled = filter.label ? await stores.labels.promptIdsWithLabel(filter.label) : null;
  const needle = filter.search?.trim().toLowerCase() ?? '';
  const out: PromptSummary[] = [];
  for (const row of rows) {
    if (labelled && !labelled.has(row.id)) continue;
    if (filter.tag && !row.tags.includes(filter.tag)) continue;
    if (needle !== '' && !(await matches(stores, row, needle))) continue;
    out.push(await summaryOf(stores, row));
  }
  return out;
}
