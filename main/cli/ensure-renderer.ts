import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as RendererConfig from '../../renderer/vite.config';

// main/cli/ from source and out/cli/ when bundled: both two levels below the repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(repoRoot, 'out/renderer');
const SOURCE_DIRS = [path.join(repoRoot, 'renderer'), path.join(repoRoot, 'shared')];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when there is no built workbench, or a source file is newer than the build. */
export function rendererIsStale(): boolean {
  const index = path.join(RENDERER_DIR, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCE_DIRS.some((dir) => fs.existsSync(dir) && newestMtime(dir) > built);
}

/**
 * Builds the workbench UI when it is missing or out of date, so `npx assay serve` works right
 * after `npm install`. In an installed package (no sources, no vite) it serves what ships.
 */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<string> {
  if (!fs.existsSync(path.join(repoRoot, 'renderer/index.html')) || !rendererIsStale()) {
    return RENDERER_DIR;
  }
  log('Building the workbench UI (first start or sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  // The config is TypeScript; the bundled CLI (out/cli) runs without a TS loader, so register tsx
  // for this one import (a no-op cost when already running from source).
  const { register } = await import('tsx/esm/api');
  register();
  const configUrl = pathToFileURL(path.join(repoRoot, 'renderer/vite.config.ts')).href;
  const { rendererViteConfig } = (await import(configUrl)) as typeof RendererConfig;
  await build({ ...rendererViteConfig(), configFile: false, logLevel: 'warn' });
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return RENDERER_DIR;
}
