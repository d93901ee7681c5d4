import { parentPort } from 'node:worker_threads';
import { runBoundedTask } from './bounded-task';
import { evaluateInQuickJs, quickJsGrewLarge } from '../code/sandbox-core';
import { READY, type WorkerReply, type WorkerRequest } from './sandbox-protocol';

// The worker side of worker-pool.ts: runs one task at a time and answers by id. The pool times
// each task and terminates this worker when one runs past its budget.
parentPort?.on('message', ({ id, task }: WorkerRequest) => {
  if (task.kind !== 'scorer') {
    parentPort?.postMessage({ id, result: runBoundedTask(task) } satisfies WorkerReply);
    return;
  }
  void evaluateInQuickJs(task.code, task.input, task.limits).then((result) =>
    parentPort?.postMessage({ id, result, retire: quickJsGrewLarge() } satisfies WorkerReply),
  );
});
parentPort?.postMessage(READY);
