// OTLP/HTTP ingest (POST /v1/traces) against a real server process on SQLite, indexes and FTS on.
// Issue #13 targets: >= 20,000 spans/s sustained with protobuf batches of 512 spans, p99 request
// under 100 ms; the official exporter (BatchSpanProcessor defaults) at 5,000 spans/s for 60 s
// loses no span.
// Three parts: (1) 20,000 spans/s offered on a fixed schedule (a batch every 25.6 ms, whatever
// the answers do; latency counts from each batch's scheduled time, so a server falling behind
// shows as latency, not as a slower sender); (2) the most it takes: clients posting back to back;
// (3) the official exporter at 5,000 spans/s.
// Env: BENCH_OTLP_SECONDS (default 20), BENCH_OTLP_EXPORTER_SECONDS (default 60),
// BENCH_OTLP_CLIENTS (default 4, part 2), BENCH_OTLP_RATE (default 20000, part 1).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import Database from 'better-sqlite3';
import {
  genAiSpan,
  newSpanId,
  newTraceId,
  otlpProto,
  type TestSpan,
} from '../test/support/otlp-requests';
import { percentile, startChildServer } from './support/child-server';

const SECONDS = Number(process.env.BENCH_OTLP_SECONDS ?? 20);
const EXPORTER_SECONDS = Number(process.env.BENCH_OTLP_EXPORTER_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_OTLP_CLIENTS ?? 4);
const BATCH = 512;
const SPANS_PER_TRACE = 8;
const EXPORTER_RATE = 5_000;
const OFFERED_RATE = Number(process.env.BENCH_OTLP_RATE ?? 20_000);

async function withServer<T>(work: (url: string, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-otlp-'));
  const server = await startChildServer('otlp-server-process.ts', { BENCH_DATA_DIR: dataDir });
  try {
    return await work(server.url, dataDir);
  } finally {
    server.stop();
  }
}

function storedSpans(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'assay.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM span').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * One batch encoded once (64 traces of an agent span and 7 chat spans); each post writes fresh
 * ids into the bytes where the template's ids sit, so every span is new to the store and the
 * client spends no time encoding.
 */
function batchTemplate(): { bytes: Buffer; ids: { offsets: number[]; length: number }[] } {
  const spans: TestSpan[] = [];
  for (let t = 0; t < BATCH / SPANS_PER_TRACE; t++) {
    const traceId = newTraceId();
    const root: TestSpan = {
      traceId,
      spanId: newSpanId(),
      name: 'agent',
      attributes: { 'gen_ai.operation.name': 'invoke_agent' },
    };
    spans.push(root);
    for (let i = 1; i < SPANS_PER_TRACE; i++)
      spans.push(genAiSpan(traceId, root.spanId, spans.length));
  }
  const bytes = Buffer.from(otlpProto(spans));
  const distinct = [...new Set(spans.flatMap((s) => [s.traceId, s.spanId]))];
  const ids = distinct.map((hex) => {
    const needle = Buffer.from(hex, 'hex');
    const offsets: number[] = [];
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1))
      offsets.push(at);
    return { offsets, length: needle.length };
  });
  return { bytes, ids };
}

function freshBatch(template: ReturnType<typeof batchTemplate>): Buffer {
  const bytes = Buffer.from(template.bytes);
  for (const { offsets, length } of template.ids) {
    const id = crypto.randomBytes(length);
    for (const at of offsets) id.copy(bytes, at);
  }
  return bytes;
}

async function post(url: string, body: Buffer): Promise<void> {
  const res = await fetch(`${url}/v1/traces`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-protobuf' },
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
}

function latencyLine(latencies: number[]): string {
  latencies.sort((a, b) => a - b);
  return `p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms (${latencies.length} requests)`;
}

/** Part 1: batches sent on a fixed schedule at OFFERED_RATE spans/s, as many in flight as it takes. */
async function offered(): Promise<void> {
  await withServer(async (url, dataDir) => {
    const template = batchTemplate();
    for (let i = 0; i < 5; i++) await post(url, freshBatch(template)); // warm-up
    const before = storedSpans(dataDir);
    const interval = (BATCH / OFFERED_RATE) * 1000;
    const latencies: number[] = [];
    const inFlight: Promise<void>[] = [];
    const started = performance.now();
    const batches = Math.floor((SECONDS * 1000) / interval);
    for (let i = 0; i < batches; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(
        post(url, freshBatch(template)).then(() => {
          latencies.push(performance.now() - due);
        }),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    const stored = storedSpans(dataDir) - before;
    const rate = stored / elapsed;
    latencies.sort((a, b) => a - b);
    const p99 = percentile(latencies, 0.99);
    console.log(
      `offered ${OFFERED_RATE} spans/s (protobuf batches of ${BATCH}) for ${SECONDS} s: ${rate.toFixed(0)} spans/s stored (${stored} of ${batches * BATCH})`,
    );
    console.log(`  request latency from each batch's scheduled time: ${latencyLine(latencies)}`);
    const met = rate >= OFFERED_RATE * 0.98 && p99 < 100;
    console.log(`  target (>= 20,000 spans/s sustained, p99 < 100 ms): ${met ? 'met' : 'NOT met'}`);
  });
}

/** Part 2: CLIENTS posting back to back, the rate the server reaches when never idle. */
async function capacity(): Promise<void> {
  await withServer(async (url, dataDir) => {
    const template = batchTemplate();
    for (let i = 0; i < 5; i++) await post(url, freshBatch(template)); // warm-up
    const before = storedSpans(dataDir);
    const latencies: number[] = [];
    let posted = 0;
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          const body = freshBatch(template);
          const t = performance.now();
          await post(url, body);
          latencies.push(performance.now() - t);
          posted += BATCH;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const stored = storedSpans(dataDir) - before;
    console.log(
      `capacity, ${CLIENTS} clients back to back, ${SECONDS} s: ${(stored / elapsed).toFixed(0)} spans/s stored (${posted} posted, ${stored} stored, ${template.bytes.length} bytes a batch)`,
    );
    console.log(
      `  request latency (queued behind the other clients' batches): ${latencyLine(latencies)}`,
    );
    console.log(
      `  storage: ${(fs.statSync(path.join(dataDir, 'assay.db')).size / stored).toFixed(0)} bytes a span (database file / spans)`,
    );
  });
}

async function exporterAtRate(): Promise<void> {
  await withServer(async (url, dataDir) => {
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'bench-app' }),
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${url}/v1/traces` }))],
    });
    const tracer = provider.getTracer('bench');
    let created = 0;
    const started = performance.now();
    const total = EXPORTER_RATE * EXPORTER_SECONDS;
    let root = tracer.startSpan('agent');
    while (created < total) {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - started) / 1000) * EXPORTER_RATE),
      );
      while (created < due) {
        if (created % SPANS_PER_TRACE === 0) {
          root.end();
          root = tracer.startSpan('agent', {
            attributes: { 'gen_ai.operation.name': 'invoke_agent' },
          });
          created++;
          continue;
        }
        const span = tracer.startSpan(
          'chat gpt-4o-mini',
          {},
          trace.setSpan(context.active(), root),
        );
        span.setAttributes({
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.usage.input_tokens': 100,
          'gen_ai.usage.output_tokens': 20,
          'gen_ai.input.messages': JSON.stringify([
            { role: 'user', parts: [{ type: 'text', content: `q ${created}` }] },
          ]),
        });
        span.end();
        created++;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    root.end();
    await provider.forceFlush();
    await provider.shutdown();
    const elapsed = (performance.now() - started) / 1000;
    const stored = storedSpans(dataDir);
    // The first root span is started before the loop counts anything.
    const ended = created + 1;
    console.log(
      `official proto exporter, BatchSpanProcessor defaults, ${EXPORTER_RATE} spans/s for ${EXPORTER_SECONDS} s: created ${ended}, stored ${stored}, lost ${ended - stored} (${elapsed.toFixed(1)} s)`,
    );
  });
}

await offered();
await capacity();
await exporterAtRate();
