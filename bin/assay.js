#!/usr/bin/env node
// Starts the CLI: the esbuild bundle in out/cli when it is newer than every source file
// (`npm run build:cli`, run by `prepare` on install), else the TypeScript sources through tsx,
// so `npx assay` works right after `npm install` and never runs stale code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out/cli/main.mjs');

function newestSource() {
  let newest = 0;
  for (const dir of ['main', 'shared', 'resources']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const entry of fs.readdirSync(full, { withFileTypes: true, recursive: true })) {
      if (entry.isFile())
        newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

const fresh = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= newestSource();
if (fresh) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/main.ts');
}
