// The gateway against the fake OpenAI server (its own process, 0 ms model latency): the same
// SDK calling the fake directly and through the gateway (`startHttpServer` with a core, in its
// own process as `assay serve` is), interleaved call by call so both sides see the same
// machine state. Spans are written for every gateway call.
// Issue #13 targets: under 1 ms p50 added per call; first streamed byte under 2 ms added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { providerFetch } from '../main/llm/http/provider-fetch';
import { openStore } from '../main/store/open-store';
import { percentile, startChildServer } from './support/child-server';

const CALLS = Number(process.env.BENCH_GATEWAY_CALLS ?? 2_000);
const STREAMS = Number(process.env.BENCH_GATEWAY_STREAMS ?? 1_000);
const key = 'sk-bench-gateway-0000000000000000';

const fake = await startChildServer('fake-openai-process.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-gateway-'));
const server = await startChildServer('gateway-process.ts', {
  OPENAI_BASE_URL: `${fake.url}/v1`,
  ASSAY_BENCH_DATA_DIR: dataDir,
});
// The gateway process also serves a bare pass-through (see gateway-process.ts): the hop's floor.
const [gatewayUrl, floorUrl] = server.url.split(' ') as [string, string];
// One HTTP client for both, so the difference is the gateway hop and its work, not the client.
const sdk = (baseURL: string) =>
  new OpenAI({ baseURL, apiKey: key, maxRetries: 0, fetch: providerFetch });
const direct = sdk(`${fake.url}/v1`);
const gateway = sdk(`${gatewayUrl}/gateway/openai/v1`);
const floor = sdk(floorUrl);
const CLIENTS = { direct, gateway, floor } as const;
type Side = keyof typeof CLIENTS;

const messages = (i: number) => [{ role: 'user' as const, content: `bench call ${i}` }];
const call = (client: OpenAI, i: number) =>
  client.chat.completions.create({ model: 'gpt-4o-mini', messages: messages(i) });

/** Time to the first chunk the SDK yields, then the rest of the stream drained. */
async function firstByte(client: OpenAI, i: number): Promise<number> {
  const t = performance.now();
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: messages(i),
    stream: true,
    stream_options: { include_usage: true },
  });
  let first = 0;
  for await (const chunk of stream) {
    if (first === 0) first = performance.now() - t;
    void chunk;
  }
  return first;
}

const ORDERS: readonly (readonly Side[])[] = [
  ['direct', 'gateway', 'floor'],
  ['gateway', 'floor', 'direct'],
  ['floor', 'direct', 'gateway'],
];

async function interleaved(
  n: number,
  run: (client: OpenAI, i: number) => Promise<unknown>,
): Promise<Record<Side, number[]>> {
  const times: Record<Side, number[]> = { direct: [], gateway: [], floor: [] };
  for (let i = 0; i < n; i++) {
    // Rotate the order, so no side always runs right after another's span write or GC.
    for (const side of ORDERS[i % ORDERS.length]!) {
      const t = performance.now();
      const value = await run(CLIENTS[side], i);
      times[side].push(typeof value === 'number' ? value : performance.now() - t);
    }
  }
  for (const side of Object.keys(times) as Side[]) times[side].sort((a, b) => a - b);
  return times;
}

function report(label: string, times: Record<Side, number[]>, target: number) {
  for (const q of [0.5, 0.9, 0.99]) {
    const d = percentile(times.direct, q);
    const g = percentile(times.gateway, q);
    const f = percentile(times.floor, q);
    console.log(
      `${label} p${q * 100}: direct ${d.toFixed(3)} ms, gateway ${g.toFixed(3)} ms (added ${(g - d).toFixed(3)}), bare proxy floor ${f.toFixed(3)} ms (added ${(f - d).toFixed(3)})`,
    );
  }
  const added = percentile(times.gateway, 0.5) - percentile(times.direct, 0.5);
  console.log(
    `${label} added p50 ${added.toFixed(3)} ms (target < ${target} ms): ${added < target ? 'met' : 'NOT met'}`,
  );
}

// Warm both paths (JIT, keep-alive pools, the span writer) before measuring.
for (let i = 0; i < 300; i++) {
  for (const client of Object.values(CLIENTS)) {
    await call(client, i);
    await firstByte(client, i);
  }
}
report('non-streaming call', await interleaved(CALLS, call), 1);
report('first streamed byte', await interleaved(STREAMS, firstByte), 2);

// Every gateway call wrote a span: count them once the gateway has closed its database.
server.stop();
await new Promise((r) => setTimeout(r, 1500));
const store = await openStore({ kind: 'sqlite', file: path.join(dataDir, 'assay.db') });
const { n: spans } = await store.db
  .selectFrom('span')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(`gateway spans written: ${Number(spans)} (expected ${2 * 300 + CALLS + STREAMS})`);
await store.close();
fake.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
