import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate';

describe('the write gate', () => {
  it('lets one writer in at a time, the next as soon as it is given back', async () => {
    const first = new WriteGate();
    const second = new WriteGate(first.buffer);
    expect(await first.acquire()).toBe(true);
    let entered = false;
    const waiting = second.acquire().then((held) => {
      entered = held;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(entered).toBe(false);
    first.release();
    await waiting;
    expect(entered).toBe(true);
    // Held by the second now: the first waits in turn.
    let again = false;
    const next = first.acquire().then((held) => (again = held));
    await new Promise((r) => setTimeout(r, 10));
    expect(again).toBe(false);
    second.release();
    await next;
    expect(again).toBe(true);
    first.release();
  });

  it('gives up waiting for a holder that never gives it back, and says so', async () => {
    const stuck = new WriteGate();
    expect(await stuck.acquire()).toBe(true);
    const waiter = new WriteGate(stuck.buffer, 50);
    const started = performance.now();
    expect(await waiter.acquire()).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('waits for another thread without blocking its own: timers run meanwhile', async () => {
    const gate = new WriteGate();
    // A worker takes the gate, holds it 200 ms, gives it back.
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const cell = new Int32Array(workerData);
       Atomics.store(cell, 0, 1);
       parentPort.postMessage('held');
       setTimeout(() => { Atomics.store(cell, 0, 0); Atomics.notify(cell, 0); }, 200);`,
      { eval: true, workerData: gate.buffer },
    );
    await new Promise((r) => worker.once('message', r));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    expect(await gate.acquire()).toBe(true);
    clearInterval(timer);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(ticks).toBeGreaterThanOrEqual(5);
    gate.release();
    await worker.terminate();
  });
});
