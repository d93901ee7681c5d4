import { saveNextVersion } from '../store/version-race';
import { newId } from '../kit/ids';
import type { PromptContent, PromptKind } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { isUniqueViolation } from '../store/constraint-errors';
import { checkContent } from './check-content';
import { hashContent } from './content-hash';
import { moveLabel } from './labels';
import type { ComponentRefRecord, PromptRecord, VersionRecord } from './prompt-rows';
import { LATEST, lockLivePrompt, versionName } from './resolve';
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
  readonly parent: VersionRecord | null;
  readonly content: PromptContent;
  readonly contentHash: string;
  readonly refs: readonly ComponentRefRecord[];
  readonly author: string;
  readonly message: string;
  readonly createdAt: string;
}

/**
 * Saves that lost the race for a version number before giving up. Writers of one prompt wait
 * for each other on its row lock, so a lost race is rare; this covers whatever slips past it.
 */

export const uniqueTags = (tags: readonly string[]): string[] => [...new Set(tags)];

const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** Inserts one immutable version; the caller holds the transaction and moves labels. */
export async function insertVersion(
  stores: Stores,
  prompt: PromptRecord,
  v: NewVersion,
): Promise<VersionRecord> {
  const version: VersionRecord = {
    id: newId(),
    promptId: prompt.id,
    major: v.major,
    minor: v.minor,
    parentVersionId: v.parent?.id ?? null,
    content: v.content,
    contentHash: v.contentHash,
    author: v.author,
    message: v.message,
    createdAt: v.createdAt,
  };
  await stores.prompts.insertVersion(version, v.refs);
  return version;
}

function nameTaken(name: string, deleted: boolean): AssayError {
  const hint = deleted ? ' by a deleted prompt (restore it, or pick another name)' : '';
  return new AssayError('CONFLICT', `prompts.create: the name "${name}" is taken${hint}`);
}

/** A new prompt at v1.0 with `latest` (and any labels asked for) on it. */
export async function createPrompt(
  stores: Stores,
  input: CreateInput,
  actor: string,
): Promise<PromptRecord> {
  try {
    return await stores.transaction(async (tx) => {
      const taken = await tx.prompts.promptByName(input.name);
      if (taken) throw nameTaken(input.name, taken.deletedAt !== null);
      const checked = await checkContent(tx, {
        where: 'prompts.create',
        name: input.name,
        kind: input.kind,
        content: input.content,
      });
      const now = new Date().toISOString();
      const prompt: PromptRecord = {
        id: newId(),
        name: input.name,
        kind: input.kind,
        description: input.description ?? '',
        tags: uniqueTags(input.tags ?? []),
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      await tx.prompts.insertPrompt(prompt);
      const first = await insertVersion(tx, prompt, {
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
        await moveLabel(tx, { prompt, label, to: first, actor, at: now });
      return prompt;
    });
  } catch (err) {
    // Another process created the same name between our check and our insert.
    if (isUniqueViolation(err)) throw nameTaken(input.name, false);
    throw err;
  }
}

type UpdateResult = { created: boolean; prompt: PromptRecord; version: VersionRecord };

/** One attempt at a save, in one transaction, under the prompt's row lock. */
async function saveOnce(stores: Stores, input: UpdateInput, actor: string): Promise<UpdateResult> {
  return stores.transaction(async (tx) => {
    const prompt = await lockLivePrompt(tx, input.name, 'prompts.update');
    const checked = await checkContent(tx, {
      where: 'prompts.update',
      name: prompt.name,
      kind: prompt.kind,
      content: input.content,
    });
    const latest = (await tx.prompts.latestVersion(prompt.id))!;
    const now = new Date().toISOString();
    const meta = {
      description: input.description ?? prompt.description,
      tags: input.tags ? uniqueTags(input.tags) : prompt.tags,
      deletedAt: null,
    };
    const metaChanged =
      meta.description !== prompt.description || !sameTags(meta.tags, prompt.tags);
    const contentHash = hashContent(input.content);
    if (contentHash === latest.contentHash) {
      if (metaChanged) await tx.prompts.updatePrompt(prompt.id, { ...meta, updatedAt: now });
      return { created: false, prompt: (await tx.prompts.promptById(prompt.id))!, version: latest };
    }
    if (input.baseVersion && input.baseVersion !== versionName(latest)) {
      throw new AssayError(
        'CONFLICT',
        `prompts.update: "${prompt.name}" was edited from ${input.baseVersion}, but the latest version is now ${versionName(latest)}; reload and merge before saving`,
        { baseVersion: input.baseVersion, latestVersion: versionName(latest) },
      );
    }
    const version = await insertVersion(tx, prompt, {
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
    await moveLabel(tx, { prompt, label: LATEST, to: version, actor, at: now });
    await tx.prompts.updatePrompt(prompt.id, { ...meta, updatedAt: now });
    return { created: true, prompt: (await tx.prompts.promptById(prompt.id))!, version };
  });
}

/**
 * Saves content as a new version: minor + 1 of the latest, or (latest major + 1).0 with
 * `major`. Identical content (same canonical hash as the latest) creates nothing, and is checked
 * first: saving what is already latest loses nothing, even from a stale editor. Otherwise a
 * `baseVersion` older than the latest means someone saved in between: a conflict, never a
 * silent overwrite. `latest` follows the new version; `production` stays where it is.
 * Description and tags are metadata, not versioned: they are updated either way.
 *
 * Several processes may save at once: a number another writer took first (the unique
 * (prompt_id, major, minor) constraint) rolls the attempt back, and it is made again from the
 * new latest, where the same rules apply (identical content, stale base).
 */
export function updatePrompt(
  stores: Stores,
  input: UpdateInput,
  actor: string,
): Promise<UpdateResult> {
  return saveNextVersion(() => saveOnce(stores, input, actor), `prompts.update: "${input.name}"`);
}
