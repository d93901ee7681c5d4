// A sandbox worker that starts, then dies on its first request, as a crashed one would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
parentPort.postMessage('ready');
