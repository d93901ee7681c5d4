import { parentPort } from 'node:worker_threads';
import { evaluateInQuickJs, type SandboxLimits } from './sandbox-core';

/** One scorer to evaluate, as sandbox.ts posts it. */
export interface SandboxRequest {
  readonly id: number;
  readonly code: string;
  readonly input: unknown;
  readonly limits: SandboxLimits;
}

// The worker side of sandbox.ts: evaluates scorers one message at a time and answers by id.
parentPort?.on('message', (request: SandboxRequest) => {
  void evaluateInQuickJs(request.code, request.input, request.limits).then((result) =>
    parentPort?.postMessage({ id: request.id, result }),
  );
});
