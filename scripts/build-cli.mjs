#!/usr/bin/env node
// Bundles the CLI (main/cli/main.ts, everything it imports from main/ and shared/, and the npm
// packages it runs on) into out/cli/ with esbuild, so `assay` starts without compiling
// TypeScript on the fly or resolving a few hundred package files: a one-case `assay eval`
// started in 0.55 s with packages external and 0.41 s bundled. Kept external: native addons
// and WebAssembly packages (they load files next to their own code), Electron, tsx (the
// source fallback) and dev dependencies (vite builds the UI for `assay serve` on first start).
// bin/assay.js uses the bundle while it is newer than the sources, else runs them through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = Date.now();
// Chunk names carry content hashes: without a clean folder every build leaves the last one's.
fs.rmSync(path.join(root, 'out/cli'), { recursive: true, force: true });
await build({
  // The sandbox worker is its own entry: QuickJS scorers run on a worker thread that loads it
  // from next to the bundle (main/evals/matchers/code/sandbox.ts).
  entryPoints: [
    path.join(root, 'main/cli/main.ts'),
    path.join(root, 'main/evals/matchers/workers/sandbox-worker.ts'),
    // Ingested spans are written on a worker thread (main/tracing/span-writer/).
    path.join(root, 'main/tracing/span-writer/span-writer-worker.ts'),
    // Online scoring grades model-free pages on a worker thread (main/quality/online/page-worker/).
    path.join(root, 'main/quality/online/page-worker/grading-worker.ts'),
  ],
  entryNames: '[name]',
  outdir: path.join(root, 'out/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [
    'better-sqlite3',
    'sqlite-vec',
    'quickjs-emscripten',
    '@jitl/*',
    // argon2's native addon; BullMQ and ioredis, which load their Lua scripts and optional
    // native parts from their own folders, as one copy (BullMQ takes ioredis connections).
    '@node-rs/*',
    'bullmq',
    'ioredis',
    'electron',
    'electron-store',
    'tsx',
    ...Object.keys(pkg.devDependencies),
  ],
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __assayCreateRequire } from 'node:module'; const require = __assayCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log(`[build-cli] out/cli/main.mjs in ${Date.now() - started} ms`);
