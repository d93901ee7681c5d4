import os from 'node:os';

/**
 * Who made a change (version author, label mover): the OS user, as a local-first tool has no
 * accounts. `os.userInfo()` throws in containers whose uid has no passwd entry, hence 'assay'.
 */
export function currentActor(): string {
  try {
    const name = os.userInfo().username.trim();
    return name === '' ? 'assay' : name;
  } catch {
    return 'assay';
  }
}
