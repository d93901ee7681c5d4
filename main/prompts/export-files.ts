import { stringify } from 'yaml';
import type { PromptContent } from '../../shared/contract';
import { promptFileName, type PromptFile, type PromptFileVersion } from './prompt-file';
import type { PromptRecord } from './prompt-rows';
import { versionName } from './resolve';
import type { Stores } from './stores';
import { formatVersion } from './version-name';

export interface ExportedFiles {
  /** Paths relative to the folder the caller writes them into. */
  readonly files: { readonly path: string; readonly content: string }[];
  readonly prompts: number;
  readonly versions: number;
}

/** Content keys in reading order (what it says, its variables, then model settings). */
function readableContent(content: PromptContent): PromptContent {
  const { text, messages, variables, config } = content;
  return {
    ...(text === undefined ? {} : { text }),
    ...(messages === undefined ? {} : { messages }),
    ...(variables === undefined ? {} : { variables }),
    ...(config === undefined ? {} : { config }),
  };
}

/** A prompt with its full history, as the file format holds it. */
export async function promptToFile(stores: Stores, prompt: PromptRecord): Promise<PromptFile> {
  const rows = (await stores.prompts.versionsOf(prompt.id)).reverse();
  const names = new Map(rows.map((v) => [v.id, versionName(v)]));
  const versions: PromptFileVersion[] = rows.map((v) => ({
    version: versionName(v),
    parent: v.parentVersionId === null ? null : (names.get(v.parentVersionId) ?? null),
    author: v.author,
    message: v.message,
    created_at: v.createdAt,
    content_hash: v.contentHash,
    content: readableContent(v.content),
  }));
  return {
    name: prompt.name,
    kind: prompt.kind,
    description: prompt.description,
    tags: [...prompt.tags],
    labels: Object.fromEntries(
      (await stores.labels.labelVersions(prompt.id)).map((l) => [l.label, formatVersion(l)]),
    ),
    ...(prompt.deletedAt === null ? {} : { deleted_at: prompt.deletedAt }),
    versions,
  };
}

/**
 * One YAML file per prompt (deleted ones included, marked `deleted_at`, so a live prompt's
 * pinned components always travel with it), for the caller to write.
 */
export async function exportPromptFiles(stores: Stores): Promise<ExportedFiles> {
  const files: ExportedFiles['files'] = [];
  let versions = 0;
  const prompts = await stores.prompts.prompts({ includeDeleted: true });
  for (const prompt of prompts) {
    const data = await promptToFile(stores, prompt);
    // lineWidth 0: never fold long lines, so a prompt's text reads (and diffs) as written.
    files.push({ path: promptFileName(prompt.name), content: stringify(data, { lineWidth: 0 }) });
    versions += data.versions.length;
  }
  return { files, prompts: prompts.length, versions };
}
