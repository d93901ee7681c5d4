// CPU of OTLP ingest before storage, per 512-span batch (64 traces of an agent span and 7 GenAI
// chat spans, as bench/otlp-ingest.bench.ts posts): decode (protobuf or JSON), map to
// SpanRecords (mapSpan with a stub price and two secrets), the batch checks, and, for
// reference, what the span repository derives from each record before its insert (search texts,
// the row). CPU time of the process (process.cpuUsage: the machine is shared, wall time is not
// the code's), p50 over many batches, in-process, no server. The output digest is of the records
// of a fixed batch: it must not change when the code gets faster. BENCH_OTLP_MAP_BATCHES sets
// the batches timed per encoding (default 400).
import crypto from 'node:crypto';
import { checkBatch } from '../main/tracing/batch-checks';
import { decodeOtlp, type OtlpEncoding } from '../main/tracing/otlp/otlp-ingest';
import { mapSpan, type MappingContext } from '../main/tracing/otlp/span-mapping';
import { spanTexts } from '../main/tracing/search-text';
import { spanRow } from '../main/tracing/span-rows';
import type { SpanRecord } from '../main/tracing/span-record';
import { genAiSpan, otlpJson, otlpProto, type TestSpan } from '../test/support/otlp-requests';
import { percentile } from './support/child-server';

const BATCHES = Number(process.env.BENCH_OTLP_MAP_BATCHES ?? 400);
const WARMUP = 100;
const BATCH = 512;
const SPANS_PER_TRACE = 8;
const START_MS = Date.UTC(2026, 0, 1);

/** Ids from a counter, so the batch (and the digest of its records) is the same every run. */
let counter = 0;
const idHex = (bytes: number): string =>
  crypto
    .createHash('sha256')
    .update(String(++counter))
    .digest('hex')
    .slice(0, bytes * 2);

function batchSpans(): TestSpan[] {
  const spans: TestSpan[] = [];
  for (let t = 0; t < BATCH / SPANS_PER_TRACE; t++) {
    const traceId = idHex(16);
    const root: TestSpan = {
      traceId,
      spanId: idHex(8),
      name: 'agent',
      startMs: START_MS + t,
      endMs: START_MS + t + 900.5,
      attributes: { 'gen_ai.operation.name': 'invoke_agent' },
    };
    spans.push(root);
    for (let i = 1; i < SPANS_PER_TRACE; i++)
      spans.push({
        ...genAiSpan(traceId, root.spanId, spans.length),
        spanId: idHex(8),
        startMs: START_MS + t + i,
        endMs: START_MS + t + i + 120.25,
      });
  }
  return spans;
}

const ctx: MappingContext = {
  secrets: ['sk-bench-secret-0123456789', 'bench-second-secret-abcdef'],
  cost: (_provider, _model, usage) => usage.inputTokens * 150_000 + usage.outputTokens * 600_000,
  prompts: new Map(),
};

function decodeAndMap(body: Uint8Array, encoding: OtlpEncoding): SpanRecord[] {
  return decodeOtlp(body, encoding).map((span, index) => mapSpan(span, index, ctx));
}

interface Phases {
  decode: number[];
  map: number[];
  checks: number[];
  rows: number[];
}

/** CPU milliseconds of this process so far (user + system, all its threads: GC's too). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeBatches(body: Uint8Array, encoding: OtlpEncoding): Phases {
  const phases: Phases = { decode: [], map: [], checks: [], rows: [] };
  let sink = 0;
  for (let i = 0; i < WARMUP + BATCHES; i++) {
    const t0 = cpuMs();
    const spans = decodeOtlp(body, encoding);
    const t1 = cpuMs();
    const records = spans.map((span, index) => mapSpan(span, index, ctx));
    const t2 = cpuMs();
    checkBatch(records, '/v1/traces');
    const t3 = cpuMs();
    for (const r of records) {
      sink += spanTexts(r.requestJson, r.responseJson).input.length;
      sink += spanRow(r).name.length;
    }
    const t4 = cpuMs();
    if (i < WARMUP) continue;
    phases.decode.push(t1 - t0);
    phases.map.push(t2 - t1);
    phases.checks.push(t3 - t2);
    phases.rows.push(t4 - t3);
  }
  if (sink === 0) throw new Error('nothing was read');
  return phases;
}

const p50 = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

function report(encoding: OtlpEncoding, body: Uint8Array): void {
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify(decodeAndMap(body, encoding)))
    .digest('hex')
    .slice(0, 16);
  const p = timeBatches(body, encoding);
  const totals = p.decode.map((d, i) => d + p.map[i]! + p.checks[i]!);
  console.log(
    `${encoding} (${body.length} bytes a batch), CPU ms a batch of ${BATCH} (p50 of ${BATCHES}): ` +
      `decode ${p50(p.decode).toFixed(2)} ms, map ${p50(p.map).toFixed(2)} ms, checks ${p50(p.checks).toFixed(2)} ms; ` +
      `decode+map+checks ${p50(totals).toFixed(2)} ms (${((BATCH / p50(totals)) * 1000).toFixed(0)} spans/s a core); ` +
      `rows for the insert (search texts, spanRow) ${p50(p.rows).toFixed(2)} ms; records digest ${digest}`,
  );
}

const spans = batchSpans();
// A Buffer, as the server reads a body (protobufjs reads one with its BufferReader).
report('protobuf', Buffer.from(otlpProto(spans)));
report('json', Buffer.from(JSON.stringify(otlpJson(spans))));
