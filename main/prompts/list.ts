import type { PromptContent, PromptKind, PromptSummary } from '../../shared/contract';
import type { PromptRecord, VersionRecord } from './prompt-rows';
import type { Stores } from './stores';
import { summaryFrom } from './views';

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

function matches(prompt: PromptRecord, latest: VersionRecord, needle: string): boolean {
  if (prompt.name.toLowerCase().includes(needle)) return true;
  if (prompt.description.toLowerCase().includes(needle)) return true;
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
  const kept = rows.filter(
    (row) =>
      !(labelled && !labelled.has(row.id)) && !(filter.tag && !row.tags.includes(filter.tag)),
  );
  const ids = kept.map((row) => row.id);
  const [latest, labels] = await Promise.all([
    stores.prompts.latestVersions(ids),
    stores.labels.labelVersionsOf(ids),
  ]);
  const out: PromptSummary[] = [];
  for (const row of kept) {
    const version = latest.get(row.id)!;
    if (needle !== '' && !matches(row, version, needle)) continue;
    out.push(summaryFrom(row, version, labels.get(row.id) ?? []));
  }
  return out;
}
