import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/support/run-cli';
import { findWorkerScript, runInSandbox, SandboxPool } from './sandbox';

const LIMITS = { timeoutMs: 400, memoryBytes: 32 * 1024 * 1024 };
const fake = (name: string) => ({
  url: pathToFileURL(path.join(REPO_ROOT, 'test/fakes/sandbox-workers', name)),
  typescript: false,
});

describe('sandbox worker', () => {
  it('runs scorers off the main thread: the event loop keeps turning while one loops', async () => {
    expect(findWorkerScript()).not.toBeNull();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const result = await runInSandbox('while (true) {}', { output: '' }, LIMITS);
    clearInterval(timer);
    expect(result).toMatchObject({ ok: false, error: 'timed out after 400 ms' });
    // In this thread the loop would have held the event loop for the whole 400 ms: no ticks.
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(await runInSandbox('output.length', { output: 'abc' }, LIMITS)).toMatchObject({
      ok: true,
      value: { kind: 'number', value: 3 },
    });
  });

  it('replaces a worker that stops answering, failing the scorer it held', async () => {
    const pool = new SandboxPool(fake('silent.mjs'), { stuckAfterMs: 50 });
    try {
      const first = await pool.run('1', {}, { ...LIMITS, timeoutMs: 50 });
      expect(first).toMatchObject({ ok: false });
      expect(!first.ok && first.error).toContain('stopped responding');
      // The next scorer gets a fresh worker (silent too here), and is not lost either.
      const second = await pool.run('1', {}, { ...LIMITS, timeoutMs: 50 });
      expect(!second.ok && second.error).toContain('stopped responding');
    } finally {
      await pool.close();
    }
  });

  it('runs scorers in this thread when the worker cannot start at all', async () => {
    const pool = new SandboxPool(fake('cannot-start.mjs'));
    try {
      for (let i = 0; i < 2; i++)
        expect(await pool.run('output.length', { output: 'abcd' }, LIMITS)).toMatchObject({
          ok: true,
          value: { kind: 'number', value: 4 },
        });
    } finally {
      await pool.close();
    }
  });

  it('fails the scorers of a worker that dies with a coded reason, then starts another', async () => {
    const pool = new SandboxPool(fake('exits.mjs'));
    try {
      for (let i = 0; i < 2; i++) {
        const result = await pool.run('1', {}, LIMITS);
        expect(result).toEqual({
          ok: false,
          error: 'sandbox failure: the worker exited',
          logs: [],
        });
      }
    } finally {
      await pool.close();
    }
  });
});

describe('sandbox scheduling', () => {
  it('times each scorer from when it starts, not from when it was queued', async () => {
    // Eight valid scorers of ~700 ms each under a 1 s limit, all at once: however many workers
    // there are, none may fail for waiting its turn.
    const busy = 'const end = Date.now() + 700; while (Date.now() < end) {} return true;';
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        runInSandbox(busy, {}, { timeoutMs: 1000, memoryBytes: 32 * 1024 * 1024 }),
      ),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(Array(8).fill('ok'));
  }, 30_000);

  it('fails only the scorer whose worker crashed; those queued behind it run', async () => {
    const pool = new SandboxPool(fake('picky.mjs'), { maxWorkers: 1 });
    try {
      const codes = ['1', 'crash', '2', '3'];
      const results = await Promise.all(codes.map((code) => pool.run(code, {}, LIMITS)));
      expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual([
        'ok',
        'sandbox failure: the worker exited',
        'ok',
        'ok',
      ]);
    } finally {
      await pool.close();
    }
  });

  it('fails only the scorer whose worker stopped answering; those queued behind it run', async () => {
    const pool = new SandboxPool(fake('picky.mjs'), { maxWorkers: 1, stuckAfterMs: 50 });
    try {
      const codes = ['hang', '1', '2'];
      const limits = { ...LIMITS, timeoutMs: 100 };
      const results = await Promise.all(codes.map((code) => pool.run(code, {}, limits)));
      expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual([
        'timed out after 100 ms (the sandbox stopped responding)',
        'ok',
        'ok',
      ]);
    } finally {
      await pool.close();
    }
  });

  it('runs a memory bomb beside other scorers without failing them', async () => {
    const script = findWorkerScript();
    if (!script) throw new Error('the sandbox worker script is missing');
    const pool = new SandboxPool(script, { maxWorkers: 1 });
    try {
      const bomb = 'const a = []; while (true) a.push({ i: a.length }); return true;';
      const results = await Promise.all(
        ['output.length', bomb, 'output.length + 1'].map((code) =>
          pool.run(code, { output: 'abc' }, { timeoutMs: 20_000, memoryBytes: 16 * 1024 * 1024 }),
        ),
      );
      expect(results.map((r) => (r.ok ? r.value : r.error))).toEqual([
        { kind: 'number', value: 3 },
        'exceeded the 16 MB memory limit',
        { kind: 'number', value: 4 },
      ]);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
