import type { PromptSummary, PromptVersionView } from '../../shared/contract';
import type { PromptRow, VersionRow } from './prompt-store';
import { contentOf, resolveComponents, versionName } from './resolve';
import type { Stores } from './stores';
import { formatVersion } from './version-name';
import { variablesOf } from './variables';

export function summaryOf(stores: Stores, prompt: PromptRow): PromptSummary {
  const latest = stores.prompts.latestVersion(prompt.id)!;
  const labels = Object.fromEntries(
    stores.labels.labelVersions(prompt.id).map((l) => [l.label, formatVersion(l)]),
  );
  return {
    id: prompt.id,
    name: prompt.name,
    kind: prompt.kind,
    description: prompt.description,
    tags: JSON.parse(prompt.tags_json) as string[],
    latestVersion: versionName(latest),
    labels,
    updatedAt: prompt.updated_at,
    deletedAt: prompt.deleted_at,
  };
}

/**
 * A version as the contract shows it. `variables` is computed now, not stored: a component
 * followed by label may have moved since the version was saved, and the list must match what
 * a render would ask for today.
 */
export function versionViewOf(
  stores: Stores,
  prompt: PromptRow,
  row: VersionRow,
  labelsByVersion: ReadonlyMap<string, string[]> = labelIndex(stores, prompt.id),
): PromptVersionView {
  const content = contentOf(row);
  const parent = row.parent_version_id ? stores.prompts.versionById(row.parent_version_id) : null;
  return {
    id: row.id,
    promptId: row.prompt_id,
    version: versionName(row),
    major: row.major,
    minor: row.minor,
    parentVersion: parent ? versionName(parent) : null,
    content,
    variables: variablesOf(content, resolveComponents(stores, prompt.name, content)),
    contentHash: row.content_hash,
    author: row.author,
    message: row.message,
    labels: labelsByVersion.get(row.id) ?? [],
    createdAt: row.created_at,
  };
}

/** version id -> labels on it, read once for a whole version list. */
export function labelIndex(stores: Stores, promptId: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const l of stores.labels.labelsOf(promptId)) {
    const list = index.get(l.version_id) ?? [];
    list.push(l.label);
    index.set(l.version_id, list);
  }
  return index;
}
