// The least time N chat calls can take against a server, `concurrency` at a time, from a
// process that does nothing else: no suite, no storage, no scoring. Usage:
//   node --import tsx bench/support/call-floor.ts <undici|sdk> <baseUrl> <n> <concurrency>
// `undici`: a bare HTTP client (undici's request, the transport Assay gives the SDKs);
// `sdk`: the official OpenAI SDK over that transport, as Assay's calls go. Prints seconds
// from the first request to the last answer: the floor under `assay eval`'s wall time.
import OpenAI from 'openai';
import { request } from 'undici';
import { closeProviderConnections, providerFetch } from '../../main/llm/http/provider-fetch';

const [mode, baseUrl, n, concurrency] = process.argv.slice(2);
if ((mode !== 'undici' && mode !== 'sdk') || !baseUrl || !n || !concurrency) {
  console.error('usage: call-floor.ts <undici|sdk> <baseUrl> <n> <concurrency>');
  process.exit(2);
}

const client = new OpenAI({ apiKey: 'sk-floor', baseURL: baseUrl, fetch: providerFetch });
const body = (i: number) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: `Echo item ${i}: floor` }],
  temperature: 0,
});

async function call(i: number): Promise<void> {
  if (mode === 'sdk') {
    await client.chat.completions.create(body(i));
    return;
  }
  const res = await request(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-floor' },
    body: JSON.stringify(body(i)),
  });
  await res.body.json();
}

const total = Number(n);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < total) await call(next++);
  }),
);
process.stdout.write(`${((performance.now() - started) / 1000).toFixed(3)}\n`);
await closeProviderConnections();
