// Builds the workbench UI into out/renderer (what `assay serve` and the e2e tests serve), and
// prints each chunk's size: `node scripts/build-renderer.mjs`.
import { build } from 'vite';
import { register } from 'tsx/esm/api';

register();
const { rendererViteConfig } = await import('../renderer/vite.config.ts');
await build({ ...rendererViteConfig(), configFile: false });
