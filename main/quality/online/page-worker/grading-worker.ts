// The online scoring runner's grading worker (page-runner.ts): its own SQLite connection,
// reading, grading and storing the model-free pages it is sent, one at a time, in order.
import { parentPort } from 'node:worker_threads';
import { AssayError } from '../../../../shared/errors';
import { EventBus } from '../../../kit/event-bus';
import { refusedError, type WorkerReply, type WorkerRequest } from '../../../kit/worker-client';
import { PromptService } from '../../../prompts/prompt-service';
import { openInWorker } from '../../../store/sqlite/worker-connection';
import { TracingService } from '../../../tracing/tracing-service';
import { gradingFacts } from '../grading-facts';
import { gradePage, type PageEnv, type PageRequest, type PageResult } from './page-request';

const port = parentPort!;
const send = (message: WorkerReply<PageResult>) => port.postMessage(message);

/** This worker only reads traces and prompts: a write through them is a bug, refused. */
const readOnly = () =>
  Promise.reject(new AssayError('INTERNAL', 'the grading worker does not write traces'));

const store = openInWorker();
const tracing = new TracingService({
  store,
  events: new EventBus(),
  resolvePrompt: readOnly,
  secretValues: () => [],
  forgetScores: readOnly,
});
const controller = new AbortController();
const env: PageEnv = {
  db: store.db,
  store,
  interactionsAfter: (cursor, limit, through) => tracing.interactionsAfter(cursor, limit, through),
  facts: gradingFacts(tracing, new PromptService(store)),
  signal: controller.signal,
};

let working: Promise<void> = Promise.resolve();

port.on('message', (message: WorkerRequest<PageRequest> | 'close') => {
  if (message === 'close') {
    controller.abort(new Error('online scoring stopped'));
    void working.then(() => store.close()).then(() => process.exit(0));
    return;
  }
  working = working.then(async () => {
    try {
      send({ kind: 'done', id: message.id, result: await gradePage(env, message.request) });
    } catch (err) {
      send({ kind: 'refused', id: message.id, error: refusedError(err) });
    }
  });
});
