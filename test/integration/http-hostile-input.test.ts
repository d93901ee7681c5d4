import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * The real `assay serve` (a child process, so a crash shows as a dead server, not a dead test)
 * fed generated hostile input on every channel that takes file content or JSON values, and on
 * random channels: every answer must be JSON with `ok` or a coded error other than INTERNAL, and
 * the server must answer /api/health after every batch.
 */

let server: ServeProcess;
let dataDir: string;
let caseId: string;
let events: AbortController;

beforeAll(async () => {
  dataDir = tempDirKept('assay-hostile-');
  server = await startServe(dataDir, ['--no-build']);
  await call('datasets.create', JSON.stringify({ name: 'target' }));
  const added = await call(
    'cases.add',
    JSON.stringify({ dataset: 'target', cases: [{ vars: { q: 'x' } }] }),
  );
  caseId = (added.body as { data: { cases: { id: string }[] } }).data.cases[0]!.id;
  // A live event stream, as the workbench keeps one open, must not be what brings it down.
  events = new AbortController();
  void fetch(`${server.url}/api/events`, { signal: events.signal })
    .then((res) => res.body?.pipeTo(new WritableStream()))
    .catch(() => undefined);
  // Starting the CLI from its TypeScript sources takes a while on a busy machine.
}, 120_000);

afterAll(async () => {
  events?.abort();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call(channel: string, body: string | Uint8Array) {
  const res = await fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** The answer is JSON: `{ ok: true, data }` or a coded error that is not INTERNAL. */
function expectCodedAnswer(channel: string, answer: { status: number; body: unknown }): void {
  const where = {
    channel,
    status: answer.status,
    body: String(JSON.stringify(answer.body)).slice(0, 300),
  };
  expect(typeof answer.body, JSON.stringify(where)).toBe('object');
  const body = answer.body as { ok?: unknown; error?: { code?: string; message?: unknown } };
  if (body.ok === true) return;
  expect(body.ok, JSON.stringify(where)).toBe(false);
  const code = body.error?.code ?? '';
  expect(Object.keys(ERROR_CODES), JSON.stringify(where)).toContain(code);
  expect(code, JSON.stringify(where)).not.toBe('INTERNAL');
  expect(answer.status, JSON.stringify(where)).not.toBe(500);
  expect(typeof body.error?.message).toBe('string');
}

async function expectHealthy(): Promise<void> {
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
}

// ---- generated JSON text (built as text: a deep value cannot even be stringified) ----

type Opener = '[' | 'object' | 'mixed';

/** A JSON value nested `depth` levels: arrays, objects or both, with a leaf inside. */
const nested = fc
  .record({
    depth: fc.oneof(
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 90, max: 3_000 }),
      fc.constantFrom(10_000, 100_000),
    ),
    kind: fc.constantFrom<Opener>('[', 'object', 'mixed'),
    leaf: fc.constantFrom('1', '"x"', '[]', '{}', 'null', '"[{\\"}]"'),
  })
  .map(({ depth, kind, leaf }) => {
    let open = '';
    let close = '';
    for (let i = 0; i < depth; i++) {
      const array = kind === '[' || (kind === 'mixed' && i % 2 === 0);
      open += array ? '[' : '{"k":';
      close = (array ? ']' : '}') + close;
    }
    return open + leaf + close;
  });

/** Big but flat: long strings, many keys, wide arrays. */
const oversized = fc.oneof(
  fc.integer({ min: 100_000, max: 1_500_000 }).map((n) => JSON.stringify('é"\\\n'.repeat(n / 4))),
  fc
    .integer({ min: 1_000, max: 100_000 })
    .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => `[${'0,'.repeat(n)}0]`),
);

const jsonText = fc.oneof(
  { weight: 3, arbitrary: nested },
  { weight: 1, arbitrary: oversized },
  { weight: 1, arbitrary: fc.json() },
);

/** A text value inside a JSON body, escaped. */
const quoted = (text: string) => JSON.stringify(text);

/** YAML nested as flow collections (any generated JSON is YAML) or as `- - - x` block lists. */
const yamlContent = fc.oneof(
  jsonText.map((value) => `test_cases:\n  - input: x\n    expected: ${value}\n`),
  fc
    .oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(10_000, 200_000))
    .map((depth) => `test_cases:\n  - input: x\n    expected:\n      ${'- '.repeat(depth)}x\n`),
);

/** A request to a channel that takes file content or JSON values. */
const importRequest = fc.oneof(
  yamlContent.map((content) => ({
    channel: 'datasets.import',
    body: `{"name":"y","format":"yaml","content":${quoted(content)}}`,
  })),
  fc.array(jsonText, { minLength: 1, maxLength: 3 }).map((values) => ({
    channel: 'datasets.import',
    body: `{"name":"j","format":"jsonl","content":${quoted(values.map((v) => `{"input":"x","expected":${v}}`).join('\n'))}}`,
  })),
  jsonText.map((value) => ({
    channel: 'datasets.import',
    body: `{"name":"c","format":"csv","content":${quoted(`input,expected_json\nx,"${value.replaceAll('"', '""')}"\n`)}}`,
  })),
  jsonText.map((value) => ({
    channel: 'datasets.import',
    body: `{"name":"p","format":"promptfoo","content":${quoted(`tests:\n  - vars: { q: ${value} }\n    assert: [{ type: equals, value: ${value} }]\n`)}}`,
  })),
  jsonText.map((value) => ({
    channel: 'cases.add',
    body: `{"dataset":"target","cases":[{"vars":{"q":"x"},"expected":${value},"matchers":[{"type":"json-structure","schema":${value}}]}]}`,
  })),
  // The id of the case made in beforeAll is filled in when the request is sent.
  jsonText.map((value) => ({
    channel: 'cases.update',
    body: `{"id":"{case}","expected":${value}}`,
  })),
  jsonText.map((value) => ({
    channel: 'prompts.create',
    body: `{"name":"p","kind":"chat","content":{"messages":[{"role":"user","content":"hi"}],"config":{"tools":[{"name":"t","parameters":${value}}]}}}`,
  })),
);

const channelNames = Object.keys(channels);
const randomRequest = fc
  .tuple(fc.oneof(fc.constantFrom(...channelNames), fc.string({ maxLength: 20 })), jsonText)
  .map(([channel, body]) => ({ channel: encodeURIComponent(channel) || 'x', body }));

describe('assay serve under hostile input', () => {
  it('survives the import that used to kill it: 20 MB of nested YAML (the parser ran out of heap)', async () => {
    const content = `test_cases:\n  - input: x\n    expected: ${'['.repeat(20 * 1024 * 1024)}\n`;
    const answer = await call(
      'datasets.import',
      JSON.stringify({ name: 'deep', format: 'yaml', content }),
    );
    expect(answer).toMatchObject({
      status: 400,
      body: {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message:
            'datasets.import: line 3: the YAML nests more than 100 levels deep (the limit is 100)',
        },
      },
    });
    await expectHealthy();
  }, 60_000);

  it('answers every import channel with JSON and a coded error or ok, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(importRequest, { minLength: 1, maxLength: 3 }),
        fc.context(),
        async (batch, ctx) => {
          for (const request of batch) {
            const body = request.body.replace('"{case}"', quoted(caseId));
            ctx.log(`${request.channel} ${body.length} bytes`);
            expectCodedAnswer(request.channel, await call(request.channel, body));
          }
          await expectHealthy();
        },
      ),
      { numRuns: 40 },
    );
  }, 150_000);

  it('answers random channels with generated nested and oversized bodies, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomRequest, { minLength: 1, maxLength: 4 }), async (batch) => {
        for (const request of batch)
          expectCodedAnswer(request.channel, await call(request.channel, request.body));
        await expectHealthy();
      }),
      { numRuns: 40 },
    );
  }, 150_000);

  it('refuses bodies that are not UTF-8 and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channelNames),
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        async (channel, bytes) => {
          const answer = await call(channel, bytes);
          expectCodedAnswer(channel, answer);
          await expectHealthy();
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
