import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the built workbench lands; Electron's app:// handler and `assay serve` both read it. */
export const RENDERER_OUT_DIR = path.resolve(here, '../out/renderer');

/**
 * The renderer build, shared by electron-vite (desktop) and `assay serve` (which builds the
 * workbench on first start when no build is present).
 */
export function rendererViteConfig(): UserConfig {
  return {
    root: here,
    base: './',
    plugins: [react(), tailwindcss()],
    build: {
      outDir: RENDERER_OUT_DIR,
      emptyOutDir: true,
      rollupOptions: { input: path.resolve(here, 'index.html') },
    },
  };
}
