import fs from 'node:fs';
import path from 'node:path';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { decodeUtf8 } from '../../shared/utf8';
import { writeFileAtomic } from '../fs/atomic-write';

type ImportInput = ChannelInput<'prompts.importFiles'>;

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * Reads every `*.yaml` under `dir` as text for `prompts.importFiles`, paths relative to `dir`.
 * Strict UTF-8: a lenient read would import U+FFFD in place of every bad byte, so a file that is
 * not UTF-8 is sent as a problem (its line and byte) and the import refuses it with the others.
 */
export function readPromptFiles(dir: string): ImportInput {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new AssayError('NOT_FOUND', `prompts import: no folder at ${dir}`);
  const files: ImportInput['files'] = [];
  const unreadable: NonNullable<ImportInput['unreadable']> = [];
  for (const file of yamlFiles(dir)) {
    const decoded = decodeUtf8(fs.readFileSync(path.join(dir, file)));
    if (decoded.ok) files.push({ path: file, content: decoded.text });
    else
      unreadable.push({
        file,
        line: decoded.line,
        message: `invalid UTF-8 at byte ${decoded.offset} (save the file as UTF-8)`,
      });
  }
  return unreadable.length > 0 ? { files, unreadable } : { files };
}

/**
 * Writes exported prompt files under `dir`, each replaced atomically; files of prompts that no
 * longer exist are left alone. A path that would leave `dir` is refused: the files are written
 * where the user pointed, nowhere else.
 */
export function writePromptFiles(
  dir: string,
  files: ChannelOutput<'prompts.exportFiles'>['files'],
): void {
  const root = path.resolve(dir);
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(`${root}${path.sep}`))
      throw new AssayError('INTERNAL', `prompts export: ${file.path} is outside ${root}`);
    writeFileAtomic(target, file.content, 0o644);
  }
}
