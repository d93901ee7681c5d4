import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelInput, ExampleWorkspace } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { loadSuite, suiteSyncInput } from '../evals/suite/load-suite';
import type { DatasetService } from '../evals/datasets/dataset-service';
import type { PromptService } from '../prompts/prompt-service';

const SUITE_FILE = 'example-suite.yaml';
const PROMPTS_DIR = 'prompts';

/**
 * Where the example ships: `resources/example-workspace` at the repository (or app) root. The
 * code runs from main/system/ (sources), out/cli/ (the CLI bundle) or out/main/ (Electron), so
 * the folders above it are searched rather than one fixed depth assumed.
 */
export function exampleWorkspaceDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'example-workspace');
    if (fs.existsSync(path.join(candidate, SUITE_FILE))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new AssayError('NOT_FOUND', 'The example workspace is not installed with this build');
}

/** Every prompt file under prompts/, with its path relative to that folder (as an import names it). */
function promptFiles(root: string): ChannelInput<'prompts.importFiles'>['files'] {
  const dir = path.join(root, PROMPTS_DIR);
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return {
        path: path.relative(dir, file).split(path.sep).join('/'),
        content: fs.readFileSync(file, 'utf8'),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Imports the example through the same paths as `assay prompts import` and `assay eval`: the
 * prompt import adds only what is missing (a second load reports every prompt unchanged) and the
 * suite sync leaves its dataset alone when it already holds these cases.
 */
export async function loadExampleWorkspace(
  services: { readonly prompts: PromptService; readonly datasets: DatasetService },
  root: string = exampleWorkspaceDir(),
): Promise<ExampleWorkspace> {
  const report = await services.prompts.importFiles({ files: promptFiles(root) });
  const suite = loadSuite(path.join(root, SUITE_FILE));
  const input = suiteSyncInput(suite);
  // Messages and the dataset's description name the files as the example's folder does, not by
  // where this installation keeps them.
  const synced = await services.datasets.syncSuite({
    ...input,
    file: SUITE_FILE,
    cases: { ...input.cases, fileName: path.relative(root, input.cases.fileName) },
  });
  if (!suite.prompt || !('name' in suite.prompt))
    throw new AssayError('CONFIG_INVALID', `${SUITE_FILE}: the example suite names no prompt`);
  return {
    prompts: report.results.map(({ name, status }) => ({ name, status })),
    dataset: { name: synced.name, cases: synced.cases, changed: synced.changed },
    run: {
      prompt: { name: suite.prompt.name, label: suite.prompt.label ?? 'production' },
      dataset: synced.name,
      models: suite.targets.map(({ provider, model }) => ({ provider, model })),
    },
  };
}
