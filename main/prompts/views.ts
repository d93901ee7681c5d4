import type { PromptSummary, PromptVersionView } from '../../shared/contract';
import type { PromptRecord, VersionRecord } from './prompt-rows';
import { resolveComponents, versionName } from './resolve';
import type { Stores } from './stores';
import { formatVersion } from './version-name';
import { variablesOf } from './variables';

export async function summaryOf(stores: Stores, prompt: PromptRecord): Promise<PromptSummary> {
  const [latest, labels] = await Promise.all([
    stores.prompts.latestVersion(prompt.id),
    stores.labels.labelVersions(prompt.id),
  ]);
  return summaryFrom(prompt, latest!, labels);
}

/** A prompt's summary from its latest version and labels, read already (a list reads them in bulk). */
export function summaryFrom(
  prompt: PromptRecord,
  latest: VersionRecord,
  labels: readonly { label: string; major: number; minor: number }[],
): PromptSummary {
  return {
    id: prompt.id,
    name: prompt.name,
    kind: prompt.kind,
    description: prompt.description,
    tags: [...prompt.tags],
    latestVersion: versionName(latest),
    labels: Object.fromEntries(labels.map((l) => [l.label, formatVersion(l)])),
    updatedAt: prompt.updatedAt,
    deletedAt: prompt.deletedAt,
  };
}

/** What a version view needs besides the version; a whole list reads it once. */
export interface VersionContext {
  /** version id -> labels on it. */
  readonly labels: ReadonlyMap<string, string[]>;
  /** Versions already read (a history lists its own parents), by id. */
  readonly known?: ReadonlyMap<string, VersionRecord>;
}

/**
 * A version as the contract shows it. `variables` is computed now, not stored: a component
 * followed by label may have moved since the version was saved, and the list must match what
 * a render would ask for today.
 */
export async function versionViewOf(
  stores: Stores,
  prompt: PromptRecord,
  row: VersionRecord,
  context?: VersionContext,
): Promise<PromptVersionView> {
  const labels = context?.labels ?? (await labelIndex(stores, prompt.id));
  const parentId = row.parentVersionId;
  const parent =
    parentId === null
      ? null
      : (context?.known?.get(parentId) ?? (await stores.prompts.versionById(parentId)));
  const { content } = row;
  return {
    id: row.id,
    promptId: row.promptId,
    version: versionName(row),
    major: row.major,
    minor: row.minor,
    parentVersion: parent ? versionName(parent) : null,
    content,
    variables: variablesOf(content, await resolveComponents(stores, prompt.name, content)),
    contentHash: row.contentHash,
    author: row.author,
    message: row.message,
    labels: labels.get(row.id) ?? [],
    createdAt: row.createdAt,
  };
}

/** version id -> labels on it, read once for a whole version list. */
export async function labelIndex(stores: Stores, promptId: string): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  for (const l of await stores.labels.labelsOf(promptId)) {
    const list = index.get(l.versionId) ?? [];
    list.push(l.label);
    index.set(l.versionId, list);
  }
  return index;
}
