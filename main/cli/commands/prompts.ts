import path from 'node:path';
import type { PromptImportReport } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { readPromptFiles, writePromptFiles } from '../prompt-files';
import { invoke, withCore } from '../with-core';

export interface PromptsFilesOptions {
  readonly dataDir?: string;
}

/** `assay prompts export DIR`: one YAML file per prompt, for review and versioning in git. */
export async function promptsExportCommand(
  dir: string,
  options: PromptsFilesOptions,
): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const exported = await invoke(core, 'prompts.exportFiles', {});
    writePromptFiles(dir, exported.files);
    process.stdout.write(
      `Exported ${exported.prompts} prompts (${exported.versions} versions) to ${path.resolve(dir)}\n`,
    );
  });
}

function summary(report: PromptImportReport): string {
  const lines = [
    `created ${report.createdPrompts} prompts, ${report.createdVersions} versions, ` +
      `unchanged ${report.unchanged}, conflicts ${report.conflicts.length}`,
  ];
  for (const r of report.results) {
    if (r.status === 'updated')
      lines.push(
        `  updated   ${r.name}: ${r.versionsAdded} versions, labels [${r.labelsSet.join(', ')}]`,
      );
    if (r.status === 'conflict') lines.push(`  conflict  ${r.name} (${r.file}): ${r.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `assay prompts import DIR`: adds prompts, versions and labels from the files, never
 * overwriting. Exit 1 when a prompt conflicts (the others are still imported), 2 when a file is
 * invalid (nothing is imported).
 */
export async function promptsImportCommand(
  dir: string,
  options: PromptsFilesOptions,
): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const report = await invoke(core, 'prompts.importFiles', readPromptFiles(path.resolve(dir)));
    process.stdout.write(summary(report));
    if (report.conflicts.length > 0) {
      const names = report.conflicts.map((c) => c.name).join(', ');
      throw new AssayError(
        'CONFLICT',
        `${report.conflicts.length} prompts conflict with the database and were not imported: ${names}`,
        { conflicts: report.conflicts },
      );
    }
  });
}
