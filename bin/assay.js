#!/usr/bin/env node
// Runs the CLI from its TypeScript source through tsx, so `npx assay` works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
