import { WorkerClient } from '../../../kit/worker-client';
import { findWorkerScript, type WorkerScript } from '../../../kit/worker-script';
import type { WorkerConnectionData } from '../../../store/sqlite/worker-connection';
import { gradePage, type PageEnv, type PageRequest, type PageResult } from './page-request';

/** Runs the model-free pages of online scoring: on this thread, or on the grading worker. */
export interface PageRunner {
  /** Where pages run now: the worker, this thread while it starts, or this thread for good. */
  readonly state: 'starting' | 'worker' | 'in-thread';
  run(request: PageRequest): Promise<PageResult>;
  close(): Promise<void>;
}

/** On the runner's own thread (PostgreSQL, whose writes cost the database, not this thread). */
export function inThreadPages(env: PageEnv): PageRunner {
  return {
    state: 'in-thread',
    run: (request) => gradePage(env, request),
    close: () => Promise.resolve(),
  };
}

/**
 * On a worker thread with its own SQLite connection (grading-worker.ts). Reading, grading and
 * storing a page of 200 interactions with five deterministic graders keeps a thread busy
 * about 20 ms; on the core's thread that is time ingest waits for, on a worker it runs on the
 * second core. Until the worker is ready, or for good if it cannot start, pages run here. A
 * page the worker took and died with is failed, not run again: it may have committed, and the
 * runner reads the rule's stored position before its next page.
 */
export function workerPages(
  env: PageEnv,
  data: WorkerConnectionData,
  script: WorkerScript | null = findWorkerScript('grading-worker', import.meta.url),
): PageRunner {
  const client = new WorkerClient<PageRequest, PageResult>({
    label: '[online scoring] grading worker',
    script,
    workerData: data,
    fallback: (request) => gradePage(env, request),
    unanswered: 'reject',
  });
  return {
    get state() {
      return client.state;
    },
    run: (request) => client.request(request),
    close: () => client.close(),
  };
}
