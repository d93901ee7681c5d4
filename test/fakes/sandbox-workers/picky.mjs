// A sandbox worker that answers most requests after a short delay, but crashes on a scorer whose
// code is "crash" and never answers one whose code is "hang": one bad scorer among good ones.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => {
  const { id } = message;
  const code = message.task?.code ?? message.code;
  if (code === 'crash') process.exit(3);
  if (code === 'hang') return;
  setTimeout(() => {
    parentPort.postMessage({
      id,
      result: { ok: true, value: { kind: 'number', value: 1 }, logs: [] },
    });
  }, 30);
});
parentPort.postMessage('ready');
