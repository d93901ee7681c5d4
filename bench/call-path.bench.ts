// The call path against the fake OpenAI server at 0 ms model latency, spans written:
// throughput (calls/s) and the p50 latency it adds over a bare SDK call.
// Issue #3 targets: at least 2,000 non-streaming calls/s on 2 cores; under 1 ms p50 overhead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { createHeadlessCore } from '../main/app/create-headless-core';
import { providerFetch } from '../main/llm/http/provider-fetch';
import { percentile, startChildServer } from './support/child-server';

const THROUGHPUT_CALLS = Number(process.env.BENCH_CALLS ?? 10_000);
const LATENCY_CALLS = 2_000;
const CONCURRENCY = 32;

const server = await startChildServer('fake-openai-process.ts');
const baseURL = `${server.url}/v1`;
const key = 'sk-bench-0000000000000000';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-calls-'));
const core = await createHeadlessCore(dataDir, { OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: key });
const llm = core.services.llm;
// The bare client uses the same connection pool as the providers, so the difference measured
// is the call path itself (cache, limits, pricing, span, metrics), not the HTTP client.
const bare = new OpenAI({ baseURL, apiKey: key, maxRetries: 0, fetch: providerFetch });

const bareCall = (i: number) =>
  bare.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `bare ${i}` }],
  });
// A distinct message per call: every call misses the cache, then writes it, as in a real run.
let n = 0;
const pathCall = () =>
  llm.call({
    request: {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `call ${n++}` }],
    },
  });

async function throughput(label: string, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < THROUGHPUT_CALLS) await call(next++);
    }),
  );
  const perSecond = THROUGHPUT_CALLS / ((performance.now() - started) / 1000);
  console.log(
    `${label.padEnd(28)} ${perSecond.toFixed(0).padStart(6)} calls/s  (${THROUGHPUT_CALLS} calls, concurrency ${CONCURRENCY})`,
  );
  return perSecond;
}

async function latencies(call: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LATENCY_CALLS; i++) {
    const t = performance.now();
    await call(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

// Warm both paths (JIT, connection pools) before measuring.
for (let i = 0; i < 300; i++) {
  await bareCall(i);
  await pathCall();
}
await throughput('bare SDK', bareCall);
const rate = await throughput('call path (spans written)', pathCall);

const bareTimes = await latencies(bareCall);
const pathTimes = await latencies(pathCall);
const p50Bare = percentile(bareTimes, 0.5);
const p50Path = percentile(pathTimes, 0.5);
console.log(`sequential p50: bare ${p50Bare.toFixed(3)} ms, call path ${p50Path.toFixed(3)} ms`);
console.log(`added p50 overhead: ${(p50Path - p50Bare).toFixed(3)} ms (target < 1 ms)`);
console.log(
  `throughput target 2000 calls/s: ${rate >= 2000 ? 'met' : 'NOT met'} (${rate.toFixed(0)})`,
);

const { n: spans } = await core.store.db
  .selectFrom('span')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(`spans written: ${Number(spans)}`);
await core.close();
server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
