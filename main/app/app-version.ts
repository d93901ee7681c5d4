import { createRequire } from 'node:module';

/**
 * The version from package.json. Read at run time rather than imported, so the same code works
 * from source (tsx), from the electron-vite bundle and in a packaged app.
 */
export function appVersion(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../../package.json', '../package.json', './package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'assay' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}
