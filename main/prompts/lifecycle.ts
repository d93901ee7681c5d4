import { AssayError } from '../../shared/errors';
import type { PromptRow } from './prompt-store';
import type { Stores } from './stores';
import { formatVersion } from './version-name';

function findPrompt(stores: Stores, name: string, where: string): PromptRow {
  const prompt = stores.prompts.promptByName(name);
  if (!prompt) throw new AssayError('NOT_FOUND', `${where}: no prompt named "${name}"`);
  return prompt;
}

/**
 * Soft delete: the prompt leaves lists and lookups, but its rows stay (compositions that use it
 * keep rendering) and its name stays taken, so a restore brings back exactly what was there.
 * Returns false when it was already deleted.
 */
export function softDeletePrompt(stores: Stores, name: string): boolean {
  const prompt = findPrompt(stores, name, 'prompts.delete');
  if (prompt.deleted_at !== null) return false;
  const now = new Date().toISOString();
  stores.prompts.updatePrompt(prompt.id, { ...prompt, deleted_at: now, updated_at: now });
  return true;
}

/** Undoes a soft delete; restoring a live prompt changes nothing. */
export function restorePrompt(stores: Stores, name: string): PromptRow {
  const prompt = findPrompt(stores, name, 'prompts.restore');
  if (prompt.deleted_at === null) return prompt;
  const now = new Date().toISOString();
  stores.prompts.updatePrompt(prompt.id, { ...prompt, deleted_at: null, updated_at: now });
  return stores.prompts.promptById(prompt.id)!;
}

/**
 * Hard-deletes a soft-deleted prompt with its versions, labels and history. Not exposed in the
 * contract yet. Anything that still uses the prompt blocks it with a CONFLICT: composition refs
 * (pinned or following a label) are named here; references from other tables (eval runs later)
 * are caught by their ON DELETE RESTRICT foreign keys.
 */
export function purgePrompt(stores: Stores, name: string): void {
  stores.prompts.transaction(() => {
    const prompt = findPrompt(stores, name, 'prompts.purge');
    if (prompt.deleted_at === null) {
      throw new AssayError(
        'CONFLICT',
        `prompts.purge: "${name}" is not deleted; delete it first (purge removes deleted prompts only)`,
      );
    }
    const referrers = stores.prompts.referrersOf(prompt.id);
    if (referrers.length > 0) {
      const users = referrers.map((r) => {
        const pin =
          r.pinned_major === null
            ? ''
            : ` (pins ${formatVersion({ major: r.pinned_major, minor: r.pinned_minor ?? 0 })})`;
        return `${r.prompt_name}@${formatVersion(r)}${pin}`;
      });
      throw new AssayError(
        'CONFLICT',
        `prompts.purge: "${name}" is used as a component by ${users.join(', ')}`,
        { referencedBy: users },
      );
    }
    try {
      stores.prompts.deletePromptTree(prompt.id);
    } catch (err) {
      if (isForeignKeyError(err)) {
        throw new AssayError(
          'CONFLICT',
          `prompts.purge: a version of "${name}" is still referenced (e.g. by an eval run)`,
        );
      }
      throw err;
    }
  });
}

function isForeignKeyError(err: unknown): boolean {
  // SQLite reports a RESTRICT violation as SQLITE_CONSTRAINT_TRIGGER and a deferred one as
  // SQLITE_CONSTRAINT_FOREIGNKEY; both say "FOREIGN KEY constraint failed".
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return (
    typeof code === 'string' &&
    code.startsWith('SQLITE_CONSTRAINT') &&
    (err as Error).message.includes('FOREIGN KEY')
  );
}
