// A sandbox worker that takes requests and never answers, as a wedged one would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => undefined);
