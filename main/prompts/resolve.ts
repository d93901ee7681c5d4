import type { ComponentRef, PromptContent } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import type { PromptRecord, VersionRecord } from './prompt-rows';
import type { Stores } from './stores';
import { formatVersion, parseVersion } from './version-name';

export const LATEST = 'latest';
export const PRODUCTION = 'production';

export interface VersionSelector {
  readonly version?: string;
  readonly label?: string;
}

/** A live prompt by name; a deleted one is NOT_FOUND with the way back in the message. */
export async function requirePrompt(
  stores: Stores,
  name: string,
  where: string,
): Promise<PromptRecord> {
  const prompt = await stores.prompts.promptByName(name);
  if (!prompt) throw new AssayError('NOT_FOUND', `${where}: no prompt named "${name}"`);
  if (prompt.deletedAt !== null) {
    throw new AssayError(
      'NOT_FOUND',
      `${where}: prompt "${name}" is deleted; restore it (prompts.restore) to use it again`,
      { deleted: true },
    );
  }
  return prompt;
}

/**
 * requirePrompt for a writer: the row is locked for the rest of the transaction (see
 * PromptRepository.lockPrompt) and read again under the lock, so what the writer decides from
 * is what the last writer committed.
 */
export async function lockLivePrompt(
  stores: Stores,
  name: string,
  where: string,
): Promise<PromptRecord> {
  const found = await requirePrompt(stores, name, where);
  const locked = await stores.prompts.lockPrompt(found.id);
  if (!locked || locked.deletedAt !== null) return requirePrompt(stores, name, where);
  return locked;
}

/** By version, by label, else `production`, else the latest version. */
export async function selectVersion(
  stores: Stores,
  prompt: PromptRecord,
  selector: VersionSelector,
): Promise<VersionRecord> {
  if (selector.version && selector.label) {
    throw new AssayError('VALIDATION_FAILED', 'Pick a version or a label, not both');
  }
  if (selector.version) {
    const { major, minor } = parseVersion(selector.version);
    const row = await stores.prompts.versionByNumber(prompt.id, major, minor);
    if (!row)
      throw new AssayError(
        'NOT_FOUND',
        `Prompt "${prompt.name}" has no version ${selector.version}`,
      );
    return row;
  }
  const label = selector.label ?? PRODUCTION;
  const pointer = await stores.labels.label(prompt.id, label);
  if (pointer) return (await stores.prompts.versionById(pointer.versionId))!;
  if (selector.label)
    throw new AssayError('NOT_FOUND', `Prompt "${prompt.name}" has no label "${selector.label}"`);
  // Every prompt is created with v1.0, so a prompt row always has a latest version.
  return (await stores.prompts.latestVersion(prompt.id))!;
}

export function versionName(row: VersionRecord): string {
  return formatVersion(row);
}

export interface ResolvedComponent {
  readonly prompt: PromptRecord;
  readonly version: VersionRecord;
  readonly content: PromptContent;
  /** What the ref pinned or followed, for the database's ref table. */
  readonly pinned: boolean;
}

export type RefResolution =
  | { readonly ok: true; readonly component: ResolvedComponent }
  | { readonly ok: false; readonly message: string };

/**
 * Resolves one component ref as of now: a pinned version is fixed forever, a label (or no
 * selector: production, else latest) is followed to wherever it points at this moment.
 */
export async function resolveRef(
  stores: Stores,
  ref: ComponentRef,
  role: 'system' | 'user',
  owner: { readonly name: string; readonly allowDeletedComponents?: boolean },
): Promise<RefResolution> {
  const fail = (message: string): RefResolution => ({ ok: false, message });
  if (ref.prompt === owner.name) return fail(`"${owner.name}" cannot reference itself`);
  const prompt = await stores.prompts.promptByName(ref.prompt);
  if (!prompt) return fail(`component prompt "${ref.prompt}" does not exist`);
  if (prompt.deletedAt !== null && !owner.allowDeletedComponents)
    return fail(`component prompt "${ref.prompt}" is deleted`);
  if (prompt.kind !== role) {
    return fail(
      `component "${ref.prompt}" is a ${prompt.kind} prompt; a ${role} message needs a ${role} prompt`,
    );
  }
  try {
    const version = await selectVersion(stores, prompt, ref);
    return {
      ok: true,
      component: { prompt, version, content: version.content, pinned: ref.version !== undefined },
    };
  } catch (err) {
    // "Prompt "x" has no label …" reads as "component prompt "x" has no label …".
    if (err instanceof AssayError)
      return fail(`component ${err.message.charAt(0).toLowerCase()}${err.message.slice(1)}`);
    throw err;
  }
}

/** Every ref of a content, by message position; throws on the first that does not resolve. */
export async function resolveComponents(
  stores: Stores,
  ownerName: string,
  content: PromptContent,
): Promise<Map<number, ResolvedComponent>> {
  const out = new Map<number, ResolvedComponent>();
  for (const [position, message] of (content.messages ?? []).entries()) {
    if (!('ref' in message)) continue;
    // A saved composition keeps rendering when a component is soft-deleted (its rows stay);
    // only new versions are refused a deleted component (see checkContent).
    const result = await resolveRef(stores, message.ref, message.role, {
      name: ownerName,
      allowDeletedComponents: true,
    });
    if (!result.ok) throw new AssayError('VALIDATION_FAILED', `${ownerName}: ${result.message}`);
    out.set(position, result.component);
  }
  return out;
}
