// Overhead of one contract call through each transport: the dispatcher alone, HTTP on
// loopback (keep-alive fetch), and IPC through the in-process stand-in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHeadlessCore } from '../main/app/create-headless-core';
import { startHttpServer } from '../main/server/start-server';
import { connectIpc } from '../test/support/ipc-stand-in';

const N = 5000;

async function measure(name: string, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await call();
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const t = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  const p = (q: number): string => times[Math.floor(q * (times.length - 1))]!.toFixed(3);
  console.log(
    `${name.padEnd(22)} ${(N / total).toFixed(0).padStart(7)} calls/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms`,
  );
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-'));
const core = await createHeadlessCore(dataDir, {});
const server = await startHttpServer({
  dispatcher: core.dispatcher,
  events: core.events,
  host: '127.0.0.1',
  port: 0,
});
const { bridge } = connectIpc(core);

console.log(`settings.get, ${N} sequential calls each`);
await measure('dispatcher', () =>
  core.dispatcher.dispatch('settings.get', {}, { transport: 'http' }),
);
await measure('ipc (stand-in)', () => bridge.invoke('settings.get', {}));
await measure('http (loopback)', async () => {
  const res = await fetch(`${server.url}/api/settings.get`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return res.json();
});

await server.close();
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
