import { parentPort } from 'node:worker_threads';
import { evaluateInQuickJs } from './sandbox-core';
import { READY, type SandboxRequest } from './sandbox-protocol';

// The worker side of sandbox.ts: evaluates scorers one message at a time and answers by id.
parentPort?.on('message', (request: SandboxRequest) => {
  void evaluateInQuickJs(request.code, request.input, request.limits).then((result) =>
    parentPort?.postMessage({ id: request.id, result }),
  );
});
parentPort?.postMessage(READY);
