import { newId } from '../core/ids';
import type { PromptContent, PromptKind } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { checkContent } from './check-content';
import { hashContent } from './content-hash';
import { moveLabel } from './labels';
import type { ComponentRefRow, PromptRow, VersionRow } from './prompt-store';
import { LATEST, requirePrompt, versionName } from './resolve';
import type { Stores } from './stores';

export interface CreateInput {
  readonly name: string;
  readonly kind: PromptKind;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly content: PromptContent;
  readonly message?: string;
  readonly labels?: readonly string[];
}

export interface UpdateInput {
  readonly name: string;
  readonly content: PromptContent;
  readonly message?: string;
  readonly major?: boolean;
  readonly baseVersion?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
}

export interface NewVersion {
  readonly major: number;
  readonly minor: number;
  readonly parent: VersionRow | null;
  readonly content: PromptContent;
  readonly contentHash: string;
  readonly refs: readonly ComponentRefRow[];
  readonly author: string;
  readonly message: string;
  readonly createdAt: string;
}

const uniqueTags = (tags: readonly string[]): string => JSON.stringify([...new Set(tags)]);

/** Inserts one immutable version; the caller holds the transaction and moves labels. */
export function insertVersion(stores: Stores, prompt: PromptRow, v: NewVersion): VersionRow {
  const row: VersionRow = {
    id: newId(),
    prompt_id: prompt.id,
    major: v.major,
    minor: v.minor,
    parent_version_id: v.parent?.id ?? null,
    content_json: JSON.stringify(v.content),
    content_hash: v.contentHash,
    author: v.author,
    message: v.message,
    created_at: v.createdAt,
  };
  stores.prompts.insertVersion(row, v.refs);
  return row;
}

/** A new prompt at v1.0 with `latest` (and any labels asked for) on it. */
export function createPrompt(stores: Stores, input: CreateInput, actor: string): PromptRow {
  return stores.prompts.transaction(() => {
    const taken = stores.prompts.promptByName(input.name);
    if (taken) {
      const hint = taken.deleted_at
        ? ' by a deleted prompt (restore it, or pick another name)'
        : '';
      throw new AssayError('CONFLICT', `prompts.create: the name "${input.name}" is taken${hint}`);
    }
    const checked = checkContent(stores, {
      where: 'prompts.create',
      name: input.name,
      kind: input.kind,
      content: input.content,
    });
    const now = new Date().toISOString();
    const prompt: PromptRow = {
      id: newId(),
      name: input.name,
      kind: input.kind,
      description: input.description ?? '',
      tags_json: uniqueTags(input.tags ?? []),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    stores.prompts.insertPrompt(prompt);
    const first = insertVersion(stores, prompt, {
      major: 1,
      minor: 0,
      parent: null,
      content: input.content,
      contentHash: hashContent(input.content),
      refs: checked.refs,
      author: actor,
      message: input.message ?? '',
      createdAt: now,
    });
    for (const label of new Set([LATEST, ...(input.labels ?? [])]))
      moveLabel(stores, { prompt, label, to: first, actor, at: now });
    return prompt;
  });
}

/**
 * Saves content as a new version: minor + 1 of the latest, or (latest major + 1).0 with
 * `major`. Identical content (same canonical hash as the latest) creates nothing, and is checked
 * first: saving what is already latest loses nothing, even from a stale editor. Otherwise a
 * `baseVersion` older than the latest means someone saved in between: a conflict, never a
 * silent overwrite. `latest` follows the new version; `production` stays where it is.
 * Description and tags are metadata, not versioned: they are updated either way.
 */
export function updatePrompt(
  stores: Stores,
  input: UpdateInput,
  actor: string,
): { created: boolean; prompt: PromptRow; version: VersionRow } {
  return stores.prompts.transaction(() => {
    const prompt = requirePrompt(stores, input.name, 'prompts.update');
    const checked = checkContent(stores, {
      where: 'prompts.update',
      name: prompt.name,
      kind: prompt.kind,
      content: input.content,
    });
    const latest = stores.prompts.latestVersion(prompt.id)!;
    const now = new Date().toISOString();
    const meta = {
      description: input.description ?? prompt.description,
      tags_json: input.tags ? uniqueTags(input.tags) : prompt.tags_json,
      deleted_at: null,
    };
    const metaChanged =
      meta.description !== prompt.description || meta.tags_json !== prompt.tags_json;
    const contentHash = hashContent(input.content);
    if (contentHash === latest.content_hash) {
      if (metaChanged) stores.prompts.updatePrompt(prompt.id, { ...meta, updated_at: now });
      return { created: false, prompt: stores.prompts.promptById(prompt.id)!, version: latest };
    }
    if (input.baseVersion && input.baseVersion !== versionName(latest)) {
      throw new AssayError(
        'CONFLICT',
        `prompts.update: "${prompt.name}" was edited from ${input.baseVersion}, but the latest version is now ${versionName(latest)}; reload and merge before saving`,
        { baseVersion: input.baseVersion, latestVersion: versionName(latest) },
      );
    }
    const version = insertVersion(stores, prompt, {
      major: input.major ? latest.major + 1 : latest.major,
      minor: input.major ? 0 : latest.minor + 1,
      parent: latest,
      content: input.content,
      contentHash,
      refs: checked.refs,
      author: actor,
      message: input.message ?? '',
      createdAt: now,
    });
    moveLabel(stores, { prompt, label: LATEST, to: version, actor, at: now });
    stores.prompts.updatePrompt(prompt.id, { ...meta, updated_at: now });
    return { created: true, prompt: stores.prompts.promptById(prompt.id)!, version };
  });
}
