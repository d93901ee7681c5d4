import os from 'node:os';
import path from 'node:path';

/**
 * The headless data directory: `--data-dir`, else `ASSAY_HOME`, else `~/.assay`.
 * (The desktop app uses Electron's userData folder instead.)
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const chosen = flag ?? env.ASSAY_HOME ?? path.join(os.homedir(), '.assay');
  return path.resolve(chosen.startsWith('~/') ? path.join(os.homedir(), chosen.slice(2)) : chosen);
}
