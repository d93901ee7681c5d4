import { newId } from '../core/ids';
import { AssayError } from '../../shared/errors';
import type { PromptRow, VersionRow } from './prompt-store';
import { LATEST, requirePrompt } from './resolve';
import type { Stores } from './stores';
import { parseVersion } from './version-name';

export interface LabelMove {
  readonly prompt: PromptRow;
  readonly label: string;
  readonly to: VersionRow;
  readonly actor: string;
  readonly at: string;
}

/**
 * Points a label at a version and records the move. A label already there is not a move, so
 * the history holds only real promotions and rollbacks. Runs in the caller's transaction.
 */
export function moveLabel(stores: Stores, move: LabelMove): boolean {
  const current = stores.labels.label(move.prompt.id, move.label);
  if (current?.version_id === move.to.id) return false;
  stores.labels.upsert({
    prompt_id: move.prompt.id,
    label: move.label,
    version_id: move.to.id,
    updated_at: move.at,
  });
  stores.labels.insertEvent({
    id: newId(),
    prompt_id: move.prompt.id,
    label: move.label,
    from_version_id: current?.version_id ?? null,
    to_version_id: move.to.id,
    actor: move.actor,
    at: move.at,
  });
  return true;
}

/**
 * Promotes or rolls back a label by hand. `latest` is refused: it follows the newest version by
 * itself, and a hand-moved `latest` would silently stop doing so.
 */
export function setLabel(
  stores: Stores,
  input: { readonly name: string; readonly label: string; readonly version: string },
  actor: string,
): PromptRow {
  if (input.label === LATEST) {
    throw new AssayError(
      'VALIDATION_FAILED',
      'prompts.setLabel: "latest" moves by itself to every new version and cannot be set',
    );
  }
  return stores.prompts.transaction(() => {
    const prompt = requirePrompt(stores, input.name, 'prompts.setLabel');
    const { major, minor } = parseVersion(input.version);
    const to = stores.prompts.versionByNumber(prompt.id, major, minor);
    if (!to)
      throw new AssayError('NOT_FOUND', `Prompt "${prompt.name}" has no version ${input.version}`);
    const at = new Date().toISOString();
    if (moveLabel(stores, { prompt, label: input.label, to, actor, at })) {
      stores.prompts.updatePrompt(prompt.id, { ...prompt, updated_at: at });
    }
    return stores.prompts.promptById(prompt.id)!;
  });
}
