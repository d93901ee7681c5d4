import { hashContent } from './content-hash';
import type { FileProblem, LoadedPromptFile } from './read-prompt-files';
import { LATEST } from './resolve';
import type { Stores } from './stores';
import { formatVersion, parseVersion } from './version-name';

/** Prompt names a file's versions use as components. */
export function componentNames(file: LoadedPromptFile): Set<string> {
  const names = new Set<string>();
  for (const v of file.data.versions)
    for (const m of v.content.messages ?? []) if ('ref' in m) names.add(m.ref.prompt);
  return names;
}

/**
 * Files ordered so that every component is imported before the prompts that use it. Refs to
 * prompts outside the folder are left to resolve against the database; a cycle is a problem.
 */
export function dependencyOrder(files: readonly LoadedPromptFile[]): {
  ordered: LoadedPromptFile[];
  problems: FileProblem[];
} {
  const byName = new Map(files.map((f) => [f.data.name, f]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const ordered: LoadedPromptFile[] = [];
  const problems: FileProblem[] = [];
  const visit = (file: LoadedPromptFile): void => {
    const name = file.data.name;
    if (done.has(name)) return;
    if (visiting.includes(name)) {
      const cycle = [...visiting.slice(visiting.indexOf(name)), name].join(' → ');
      problems.push({
        file: file.file,
        line: file.lineOf(['versions']),
        message: `component refs form a cycle: ${cycle}`,
      });
      return;
    }
    visiting.push(name);
    for (const dep of componentNames(file)) {
      const target = byName.get(dep);
      if (target) visit(target);
    }
    visiting.pop();
    done.add(name);
    ordered.push(file);
  };
  for (const file of files) visit(file);
  return { ordered, problems };
}

/**
 * Why importing this file would overwrite something local, or null when it only adds. Any
 * reason makes the whole prompt a conflict: nothing of it is imported.
 */
export async function conflictOf(
  stores: Stores,
  file: LoadedPromptFile,
  conflicted: ReadonlySet<string>,
): Promise<string | null> {
  const reasons: string[] = [];
  const local = await stores.prompts.promptByName(file.data.name);
  let adds = local === undefined;
  if (local && local.kind !== file.data.kind)
    reasons.push(`it is a ${local.kind} prompt locally and ${file.data.kind} in the file`);
  for (const v of local ? file.data.versions : []) {
    const { major, minor } = parseVersion(v.version);
    const mine = await stores.prompts.versionByNumber(local!.id, major, minor);
    if (!mine) adds = true;
    else if (mine.contentHash !== (v.content_hash ?? hashContent(v.content)))
      reasons.push(`${v.version} differs from the local ${v.version}`);
  }
  for (const [label, version] of Object.entries(local ? (file.data.labels ?? {}) : {})) {
    // `latest` is derived (it follows the newest version), so it never conflicts.
    if (label === LATEST) continue;
    const mine = await stores.labels.label(local!.id, label);
    if (!mine) {
      adds = true;
      continue;
    }
    const here = formatVersion((await stores.prompts.versionById(mine.versionId))!);
    if (here !== version)
      reasons.push(`label ${label} is on ${here} locally and on ${version} in the file`);
  }
  if (adds && local && local.deletedAt !== null)
    reasons.push('it is deleted locally; restore it to import into it');
  // New versions could pin a component version whose local content is not the file's.
  if (adds)
    for (const dep of componentNames(file))
      if (conflicted.has(dep)) reasons.push(`uses component "${dep}", whose import conflicted`);
  return reasons.length > 0 ? reasons.join('; ') : null;
}
