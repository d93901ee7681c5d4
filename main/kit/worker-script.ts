import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** How to start a worker: the bundled CLI has it as .mjs, Electron's main build as .js, the sources as .ts. */
export interface WorkerScript {
  readonly url: URL;
  readonly typescript: boolean;
}

/**
 * The worker entry `name` next to the module at `from` (its import.meta.url): in the sources
 * both sit in one folder, and the CLI bundle and Electron's main build put every entry and
 * chunk in one folder too. Null where it is missing (the caller then works in its own thread).
 */
export function findWorkerScript(name: string, from: string): WorkerScript | null {
  for (const [ext, typescript] of [
    ['mjs', false],
    ['js', false],
    ['ts', true],
  ] as const) {
    const url = new URL(`./${name}.${ext}`, from);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, typescript };
  }
  return null;
}

export function startWorker(script: WorkerScript, options: WorkerOptions = {}): Worker {
  if (!script.typescript) return new Worker(script.url, options);
  // A worker does not inherit the tsx loader; register it before loading the script.
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.url.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}
