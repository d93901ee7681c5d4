#!/usr/bin/env node
// Bundles the CLI (main/cli/main.ts and everything it imports from main/ and shared/) into
// out/cli/ with esbuild, so `assay` starts without compiling TypeScript on the fly. npm
// packages stay external and load as usual. bin/assay.js uses the bundle while it is newer
// than the sources and falls back to running the sources through tsx otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const started = Date.now();
// Chunk names carry content hashes: without a clean folder every build leaves the last one's.
fs.rmSync(path.join(root, 'out/cli'), { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'main/cli/main.ts')],
  outdir: path.join(root, 'out/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log(`[build-cli] out/cli/main.mjs in ${Date.now() - started} ms`);
