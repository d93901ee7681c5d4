import { describe, expect, it } from 'vitest';
import { findWorkerScript, SandboxPool } from './sandbox';

const MB = 1024 * 1024;

/** Polls until `check` holds or `ms` pass; returns whether it held. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

// Its own file: RSS is the whole process's, so nothing else may run beside it.
describe('sandbox memory', () => {
  it('replaces the worker after a large allocation, so the process gives the memory back', async () => {
    const script = findWorkerScript();
    if (!script) throw new Error('the sandbox worker script is missing');
    const pool = new SandboxPool(script, { maxWorkers: 1 });
    try {
      // Start the worker and load QuickJS first: the baseline includes an idle sandbox.
      expect(await pool.run('true', {}, { timeoutMs: 5000, memoryBytes: 32 * MB })).toMatchObject({
        ok: true,
      });
      const before = process.memoryUsage().rss;
      // WebAssembly memory grows and never shrinks: only dropping the worker returns it.
      const big = await pool.run(
        'const b = new Uint8Array(200 * 1024 * 1024); b.fill(1); return b.length',
        {},
        { timeoutMs: 20_000, memoryBytes: 256 * MB },
      );
      expect(big).toMatchObject({ ok: true, value: { kind: 'number', value: 200 * MB } });
      expect(pool.counts.retired).toBe(1);
      const returned = await eventually(() => process.memoryUsage().rss < before + 64 * MB, 10_000);
      expect(
        returned,
        `RSS ${Math.round(process.memoryUsage().rss / MB)} MB against ${Math.round(before / MB)} MB before`,
      ).toBe(true);
      // The pool starts a fresh worker for the next scorer.
      expect(await pool.run('1 + 1', {}, { timeoutMs: 5000, memoryBytes: 32 * MB })).toMatchObject({
        ok: true,
        value: { kind: 'number', value: 2 },
      });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
