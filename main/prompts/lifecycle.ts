import { AssayError } from '../../shared/errors';
import { isForeignKeyViolation } from '../store/constraint-errors';
import type { PromptRecord } from './prompt-rows';
import type { Stores } from './stores';
import { formatVersion } from './version-name';

/** Any prompt by name, deleted or not, locked for the rest of the caller's transaction. */
async function lockPrompt(stores: Stores, name: string, where: string): Promise<PromptRecord> {
  const found = await stores.prompts.promptByName(name);
  const prompt = found && (await stores.prompts.lockPrompt(found.id));
  if (!prompt) throw new AssayError('NOT_FOUND', `${where}: no prompt named "${name}"`);
  return prompt;
}

/**
 * Soft delete: the prompt leaves lists and lookups, but its rows stay (compositions that use it
 * keep rendering) and its name stays taken, so a restore brings back exactly what was there.
 * Returns false when it was already deleted.
 */
export async function softDeletePrompt(stores: Stores, name: string): Promise<boolean> {
  return stores.transaction(async (tx) => {
    const prompt = await lockPrompt(tx, name, 'prompts.delete');
    if (prompt.deletedAt !== null) return false;
    const now = new Date().toISOString();
    await tx.prompts.updatePrompt(prompt.id, { ...prompt, deletedAt: now, updatedAt: now });
    return true;
  });
}

/** Undoes a soft delete; restoring a live prompt changes nothing. */
export async function restorePrompt(stores: Stores, name: string): Promise<PromptRecord> {
  return stores.transaction(async (tx) => {
    const prompt = await lockPrompt(tx, name, 'prompts.restore');
    if (prompt.deletedAt === null) return prompt;
    const now = new Date().toISOString();
    await tx.prompts.updatePrompt(prompt.id, { ...prompt, deletedAt: null, updatedAt: now });
    return (await tx.prompts.promptById(prompt.id))!;
  });
}

function stillReferenced(name: string): AssayError {
  return new AssayError(
    'CONFLICT',
    `prompts.purge: a version of "${name}" is still referenced (e.g. by an eval run)`,
  );
}

/**
 * Hard-deletes a soft-deleted prompt with its versions, labels and history. Not exposed in the
 * contract yet. Anything that still uses the prompt blocks it with a CONFLICT: composition refs
 * (pinned or following a label) are named here; references from other tables (eval runs) are
 * caught by their ON DELETE RESTRICT foreign keys, which roll the whole purge back.
 */
export async function purgePrompt(stores: Stores, name: string): Promise<void> {
  try {
    await stores.transaction(async (tx) => {
      const prompt = await lockPrompt(tx, name, 'prompts.purge');
      if (prompt.deletedAt === null) {
        throw new AssayError(
          'CONFLICT',
          `prompts.purge: "${name}" is not deleted; delete it first (purge removes deleted prompts only)`,
        );
      }
      const referrers = await tx.prompts.referrersOf(prompt.id);
      if (referrers.length > 0) {
        const users = referrers.map((r) => {
          const pin =
            r.pinnedMajor === null
              ? ''
              : ` (pins ${formatVersion({ major: r.pinnedMajor, minor: r.pinnedMinor ?? 0 })})`;
          return `${r.promptName}@${formatVersion(r)}${pin}`;
        });
        throw new AssayError(
          'CONFLICT',
          `prompts.purge: "${name}" is used as a component by ${users.join(', ')}`,
          { referencedBy: users },
        );
      }
      await tx.prompts.deletePromptTree(prompt.id);
    });
  } catch (err) {
    // A deferred key reports at commit, after the work above returned: caught here either way.
    if (isForeignKeyViolation(err)) throw stillReferenced(name);
    throw err;
  }
}
