import path from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: path.resolve('main/index.ts'),
          // JavaScript scorers run on a worker thread that loads this from next to index.js
          // (main/evals/matchers/code/sandbox.ts; in-thread if it cannot start).
          'sandbox-worker': path.resolve('main/evals/matchers/workers/sandbox-worker.ts'),
          // Ingested spans are written on a worker thread that loads this from next to index.js
          // (main/tracing/span-writer/worker-span-writer.ts; in-thread if it cannot start).
          'span-writer-worker': path.resolve('main/tracing/span-writer/span-writer-worker.ts'),
          // Online scoring grades model-free pages on a worker thread that loads this from next
          // to index.js (main/quality/online/page-worker/page-runner.ts; in-thread if it cannot).
          'grading-worker': path.resolve('main/quality/online/page-worker/grading-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload is loaded as CommonJS and may only require('electron'),
      // so it is one self-contained CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererViteConfig(),
});
