import type { ComponentRef, PromptContent } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import type { PromptRow, VersionRow } from './prompt-store';
import type { Stores } from './stores';
import { formatVersion, parseVersion } from './version-name';

export const LATEST = 'latest';
export const PRODUCTION = 'production';

export interface VersionSelector {
  readonly version?: string;
  readonly label?: string;
}

/** A live prompt by name; a deleted one is NOT_FOUND with the way back in the message. */
export function requirePrompt(stores: Stores, name: string, where: string): PromptRow {
  const prompt = stores.prompts.promptByName(name);
  if (!prompt) throw new AssayError('NOT_FOUND', `${where}: no prompt named "${name}"`);
  if (prompt.deleted_at !== null) {
    throw new AssayError(
      'NOT_FOUND',
      `${where}: prompt "${name}" is deleted; restore it (prompts.restore) to use it again`,
      { deleted: true },
    );
  }
  return prompt;
}

/** By version, by label, else `production`, else the latest version. */
export function selectVersion(
  stores: Stores,
  prompt: PromptRow,
  selector: VersionSelector,
): VersionRow {
  if (selector.version && selector.label) {
    throw new AssayError('VALIDATION_FAILED', 'Pick a version or a label, not both');
  }
  if (selector.version) {
    const { major, minor } = parseVersion(selector.version);
    const row = stores.prompts.versionByNumber(prompt.id, major, minor);
    if (!row)
      throw new AssayError(
        'NOT_FOUND',
        `Prompt "${prompt.name}" has no version ${selector.version}`,
      );
    return row;
  }
  const label = selector.label ?? PRODUCTION;
  const pointer = stores.labels.label(prompt.id, label);
  if (pointer) return stores.prompts.versionById(pointer.version_id)!;
  if (selector.label)
    throw new AssayError('NOT_FOUND', `Prompt "${prompt.name}" has no label "${selector.label}"`);
  // Every prompt is created with v1.0, so a prompt row always has a latest version.
  return stores.prompts.latestVersion(prompt.id)!;
}

export function versionName(row: VersionRow): string {
  return formatVersion(row);
}

export function contentOf(row: VersionRow): PromptContent {
  return JSON.parse(row.content_json) as PromptContent;
}

export interface ResolvedComponent {
  readonly prompt: PromptRow;
  readonly version: VersionRow;
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
export function resolveRef(
  stores: Stores,
  ref: ComponentRef,
  role: 'system' | 'user',
  owner: { readonly name: string; readonly allowDeletedComponents?: boolean },
): RefResolution {
  const fail = (message: string): RefResolution => ({ ok: false, message });
  if (ref.prompt === owner.name) return fail(`"${owner.name}" cannot reference itself`);
  const prompt = stores.prompts.promptByName(ref.prompt);
  if (!prompt) return fail(`component prompt "${ref.prompt}" does not exist`);
  if (prompt.deleted_at !== null && !owner.allowDeletedComponents)
    return fail(`component prompt "${ref.prompt}" is deleted`);
  if (prompt.kind !== role) {
    return fail(
      `component "${ref.prompt}" is a ${prompt.kind} prompt; a ${role} message needs a ${role} prompt`,
    );
  }
  try {
    const version = selectVersion(stores, prompt, ref);
    return {
      ok: true,
      component: {
        prompt,
        version,
        content: contentOf(version),
        pinned: ref.version !== undefined,
      },
    };
  } catch (err) {
    // "Prompt "x" has no label …" reads as "component prompt "x" has no label …".
    if (err instanceof AssayError)
      return fail(`component ${err.message.charAt(0).toLowerCase()}${err.message.slice(1)}`);
    throw err;
  }
}

/** Every ref of a content, by message position; throws on the first that does not resolve. */
export function resolveComponents(
  stores: Stores,
  ownerName: string,
  content: PromptContent,
): Map<number, ResolvedComponent> {
  const out = new Map<number, ResolvedComponent>();
  content.messages?.forEach((message, position) => {
    if (!('ref' in message)) return;
    // A saved composition keeps rendering when a component is soft-deleted (its rows stay);
    // only new versions are refused a deleted component (see checkContent).
    const result = resolveRef(stores, message.ref, message.role, {
      name: ownerName,
      allowDeletedComponents: true,
    });
    if (!result.ok) throw new AssayError('VALIDATION_FAILED', `${ownerName}: ${result.message}`);
    out.set(position, result.component);
  });
  return out;
}
