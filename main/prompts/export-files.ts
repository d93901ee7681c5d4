import { stringify } from 'yaml';
import type { PromptContent } from '../../shared/contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { promptFilePath, type PromptFile, type PromptFileVersion } from './prompt-file';
import type { PromptRecord } from './prompt-rows';
import { versionName } from './resolve';
import type { Stores } from './stores';
import { formatVersion } from './version-name';

export interface ExportReport {
  readonly files: string[];
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
 * Writes one YAML file per prompt (deleted ones included, marked `deleted_at`, so a live
 * prompt's pinned components always travel with it). Files are replaced atomically; files of
 * prompts that no longer exist are left alone.
 */
export async function exportPromptFiles(stores: Stores, dir: string): Promise<ExportReport> {
  const files: string[] = [];
  let versions = 0;
  const prompts = await stores.prompts.prompts({ includeDeleted: true });
  for (const prompt of prompts) {
    const data = await promptToFile(stores, prompt);
    const file = promptFilePath(dir, prompt.name);
    // lineWidth 0: never fold long lines, so a prompt's text reads (and diffs) as written.
    writeFileAtomic(file, stringify(data, { lineWidth: 0 }), 0o644);
    files.push(file);
    versions += data.versions.length;
  }
  return { files, prompts: prompts.length, versions };
}
