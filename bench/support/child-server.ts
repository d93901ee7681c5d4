import { spawn } from 'node:child_process';
import path from 'node:path';

/** BENCH_CHILD_PROF=DIR writes each server's CPU profile there (read it with Chrome's DevTools). */
const profiling = (): string[] =>
  process.env.BENCH_CHILD_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CHILD_PROF}`]
    : [];

/** Starts a bench/support server script under tsx and resolves with the URL it prints. */
export function startChildServer(
  script: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [...profiling(), '--import', 'tsx', path.join(import.meta.dirname, script)],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout.once('data', (chunk: Buffer) =>
      resolve({ url: chunk.toString().trim(), stop: () => child.kill('SIGTERM') }),
    );
  });
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
