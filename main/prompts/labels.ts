import { newId } from '../kit/ids';
import { AssayError } from '../../shared/errors';
import type { PromptRecord, VersionRecord } from './prompt-rows';
import { LATEST, lockLivePrompt } from './resolve';
import type { Stores } from './stores';
import { compareVersions, parseVersion } from './version-name';

export interface LabelMove {
  readonly prompt: PromptRecord;
  readonly label: string;
  readonly to: VersionRecord;
  readonly actor: string;
  readonly at: string;
  /**
   * The version the caller saw the label on (null: no label yet). Given, the move happens only
   * from there and is a CONFLICT otherwise; absent, the label moves from wherever it is.
   */
  readonly from?: string | null;
}

/** Lost compare-and-set races before giving up; each loss means another writer just moved it. */
const MOVE_ATTEMPTS = 5;

/** `latest` follows the newest version: a slower writer must not pull it back to an older one. */
async function wouldMoveLatestBack(
  stores: Stores,
  move: LabelMove,
  currentId: string,
): Promise<boolean> {
  if (move.label !== LATEST) return false;
  const current = await stores.prompts.versionById(currentId);
  return current !== undefined && compareVersions(current, move.to) > 0;
}

/**
 * Points a label at a version and records the move in the same transaction. A label already
 * there is not a move, so the history holds only real promotions and rollbacks. The pointer is
 * a compare-and-set register: it moves only from the version read just before, and a writer
 * (another process) that moved it in between makes this re-read and decide again.
 */
export async function moveLabel(stores: Stores, move: LabelMove): Promise<boolean> {
  const { prompt, label, to } = move;
  for (let attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
    const current = await stores.labels.label(prompt.id, label);
    const from = current?.versionId ?? null;
    if (move.from !== undefined && from !== move.from) {
      throw new AssayError(
        'CONFLICT',
        `Label "${label}" of "${prompt.name}" was moved by someone else; reload and try again`,
      );
    }
    if (from === to.id) return false;
    if (from !== null && (await wouldMoveLatestBack(stores, move, from))) return false;
    const moved =
      from === null
        ? await stores.labels.insertIfAbsent({
            promptId: prompt.id,
            label,
            versionId: to.id,
            updatedAt: move.at,
          })
        : await stores.labels.compareAndSet(prompt.id, label, from, to.id, move.at);
    if (!moved) continue;
    await stores.labels.insertEvent({
      id: newId(),
      promptId: prompt.id,
      label,
      fromVersionId: from,
      toVersionId: to.id,
      actor: move.actor,
      at: move.at,
    });
    return true;
  }
  throw new AssayError(
    'CONFLICT',
    `Label "${label}" of "${prompt.name}" keeps being moved by other writers; try again`,
  );
}

/**
 * Promotes or rolls back a label by hand. `latest` is refused: it follows the newest version by
 * itself, and a hand-moved `latest` would silently stop doing so.
 */
export async function setLabel(
  stores: Stores,
  input: { readonly name: string; readonly label: string; readonly version: string },
  actor: string,
): Promise<PromptRecord> {
  if (input.label === LATEST) {
    throw new AssayError(
      'VALIDATION_FAILED',
      'prompts.setLabel: "latest" moves by itself to every new version and cannot be set',
    );
  }
  return stores.transaction(async (tx) => {
    const prompt = await lockLivePrompt(tx, input.name, 'prompts.setLabel');
    const { major, minor } = parseVersion(input.version);
    const to = await tx.prompts.versionByNumber(prompt.id, major, minor);
    if (!to)
      throw new AssayError('NOT_FOUND', `Prompt "${prompt.name}" has no version ${input.version}`);
    // Taken under the prompt's lock, so the history's order is the order the moves happened.
    const at = new Date().toISOString();
    if (await moveLabel(tx, { prompt, label: input.label, to, actor, at })) {
      await tx.prompts.updatePrompt(prompt.id, { ...prompt, updatedAt: at });
    }
    return (await tx.prompts.promptById(prompt.id))!;
  });
}
