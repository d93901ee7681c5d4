// A sandbox worker that starts, then takes requests and never answers, as a wedged one would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => undefined);
parentPort.postMessage('ready');
