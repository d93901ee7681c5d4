import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { evaluateInQuickJs, type SandboxLimits, type SandboxResult } from './sandbox-core';
import { READY, type SandboxRequest } from './sandbox-protocol';

export type { SandboxLimits, SandboxResult } from './sandbox-core';

/**
 * Runs custom scorers in QuickJS on a worker thread. QuickJS evaluates synchronously, so in the
 * main thread a scorer that loops until its time limit (1 s by default) froze everything else
 * for that long, once per case: the UI's requests, progress, other calls. Where the worker file
 * is not next to this module, or the worker cannot start (a platform that refuses it), scorers
 * run in this thread as before: slower to share, never lost.
 */

/** Past a scorer's own time limit, how long its worker may stay silent before it is replaced. */
const STUCK_AFTER_MS = 2_000;

/** How to start the worker: the bundled CLI has it as .mjs, the sources as .ts through tsx. */
export interface WorkerScript {
  readonly url: URL;
  readonly typescript: boolean;
}

export function findWorkerScript(): WorkerScript | null {
  // The CLI bundle ships .mjs, the Electron main build .js, the sources .ts.
  for (const [file, typescript] of [
    ['sandbox-worker.mjs', false],
    ['sandbox-worker.js', false],
    ['sandbox-worker.ts', true],
  ] as const) {
    const url = new URL(`./${file}`, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, typescript };
  }
  return null;
}

function startWorker(script: WorkerScript): Worker {
  if (!script.typescript) return new Worker(script.url);
  // A worker does not inherit the tsx loader; register it before loading the script.
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.url.href)}); });`;
  return new Worker(code, { eval: true });
}

interface Pending {
  readonly request: SandboxRequest;
  readonly resolve: (result: SandboxResult) => void;
  readonly timer: NodeJS.Timeout;
}

const failure = (error: string): SandboxResult => ({ ok: false, error, logs: [] });

/** One worker, started on first use and replaced when it dies or stops answering. */
export class SandboxPool {
  private worker: Worker | null = null;
  private ready = false;
  /** The worker could not start here: every scorer runs in this thread from then on. */
  private inThread = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly script: WorkerScript,
    private readonly stuckAfterMs = STUCK_AFTER_MS,
  ) {}

  run(code: string, input: unknown, limits: SandboxLimits): Promise<SandboxResult> {
    if (this.inThread) return evaluateInQuickJs(code, input, limits);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const request: SandboxRequest = { id, code, input, limits };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(failure(`timed out after ${limits.timeoutMs} ms (the sandbox stopped responding)`));
        this.replace('a scorer stopped responding');
      }, limits.timeoutMs + this.stuckAfterMs);
      this.pending.set(id, { request, resolve, timer });
      // Keeps the process alive while a scorer runs; an idle worker does not.
      worker.ref();
      worker.postMessage(request);
    });
  }

  /** Stops the worker; for tests and shutdown. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.settleAll('the sandbox was closed');
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.script);
    this.ready = false;
    worker.on('message', (message: typeof READY | { id: number; result: SandboxResult }) => {
      if (message === READY) {
        this.ready = true;
        return;
      }
      const entry = this.pending.get(message.id);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.pending.delete(message.id);
      entry.resolve(message.result);
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (err) => {
      if (this.worker === worker) this.replace(`sandbox failure: ${err.message}`);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.replace('sandbox failure: the worker exited');
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /**
   * Drops the current worker; whatever it still had to answer fails with `reason`. A worker
   * that failed before it was ready cannot run here at all: its scorers run in this thread.
   */
  private replace(reason: string): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (!this.ready && !this.inThread) {
      this.inThread = true;
      for (const [id, entry] of this.pending) {
        clearTimeout(entry.timer);
        this.pending.delete(id);
        const { code, input, limits } = entry.request;
        void evaluateInQuickJs(code, input, limits).then(entry.resolve);
      }
      return;
    }
    this.settleAll(reason);
  }

  private settleAll(reason: string): void {
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve(failure(reason));
      this.pending.delete(id);
    }
  }
}

let shared: SandboxPool | null | undefined;

export function runInSandbox(
  code: string,
  input: unknown,
  limits: SandboxLimits,
): Promise<SandboxResult> {
  if (shared === undefined) {
    const script = findWorkerScript();
    shared = script ? new SandboxPool(script) : null;
  }
  return shared ? shared.run(code, input, limits) : evaluateInQuickJs(code, input, limits);
}
