import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../main/kit/ids';
import { BUILT_IN_GRADERS } from '../../main/quality/built-in-graders';
import { openOtlpServer, postTraces } from '../support/otlp-server';
import { genAiSpan, newTraceId, otlpJson } from '../support/otlp-requests';

/**
 * scores.create as an app calls it: the real HTTP transport in front of a core on this run's
 * database, targets made the way apps make them (interactions.create, OTLP spans).
 */
let ctx: Awaited<ReturnType<typeof openOtlpServer>>;
let interactionId: string;
let spanId: string;
let resultId: string;

async function post(channel: string, body: unknown) {
  const res = await fetch(`${ctx.server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  ctx = await openOtlpServer();
  const made = await post('interactions.create', {
    type: 'support',
    input: 'Where is my parcel?',
    output: 'It arrives Tuesday.',
  });
  interactionId = (made.body.data as { id: string }).id;
  const span = genAiSpan(newTraceId());
  spanId = span.spanId;
  expect(
    (
      await postTraces(ctx.server.url, JSON.stringify(otlpJson([span])), {
        'content-type': 'application/json',
      })
    ).status,
  ).toBe(200);
  // An eval result as a run stores it (running a real eval is other tests' business).
  const runId = newId();
  resultId = newId();
  const now = new Date().toISOString();
  await ctx.core.store.db
    .insertInto('eval_run')
    .values({
      id: runId,
      group_id: runId,
      name: 'run',
      dataset_id: null,
      prompt_version_id: null,
      prompt_label: 'inline prompt',
      frozen_prompt_json: '{}',
      interaction_type: 'chat',
      provider: 'openai',
      model: 'gpt-4o-mini',
      parameters_json: '{}',
      status: 'completed',
      concurrency: 1,
      repeat: 1,
      bypass_cache: 0,
      total_cases: 1,
      created_at: now,
      started_at: now,
      finished_at: now,
      error: null,
    })
    .execute();
  await ctx.core.store.db
    .insertInto('eval_result')
    .values({
      id: resultId,
      run_id: runId,
      case_key: 'k1',
      repeat_index: 0,
      status: 'pass',
      score: 1,
      output: 'ok',
      matchers_json: '[]',
      latency_ms: 1,
      input_tokens: 1,
      output_tokens: 1,
      cost_pico_usd: null,
      judge_cost_pico_usd: 0,
      cached: 0,
      span_id: null,
      error_code: null,
      error_message: null,
      created_at: now,
    })
    .execute();
});
afterAll(() => ctx.close());

const accuracy = BUILT_IN_GRADERS.find((g) => g.name === 'Accuracy')!;

describe('POST /api/scores.create', () => {
  it('records an app signal on an interaction, and a retry with the same key returns it', async () => {
    const input = {
      target: { type: 'interaction', id: interactionId },
      name: 'thumbs',
      value: true,
      author: 'web-app',
      idempotencyKey: 'thumbs-1',
    };
    const first = await post('scores.create', input);
    expect(first).toMatchObject({
      status: 200,
      body: {
        ok: true,
        data: {
          created: true,
          score: { name: 'thumbs', value: 1, source: 'api', graderId: null, author: 'web-app' },
        },
      },
    });
    const retries = await Promise.all([1, 2, 3].map(() => post('scores.create', input)));
    for (const retry of retries)
      expect(retry.body).toEqual({
        ok: true,
        data: { created: false, score: (first.body.data as { score: unknown }).score },
      });
    const listed = await post('scores.list', {
      target: { type: 'interaction', id: interactionId },
    });
    expect((listed.body.data as { scores: unknown[] }).scores).toHaveLength(1);
  });

  it('scores a span and an eval result against a built-in grader', async () => {
    const span = await post('scores.create', {
      target: { type: 'span', id: spanId },
      graderId: accuracy.id,
      level: 'Right area',
      source: 'human',
      idempotencyKey: 'span-1',
    });
    expect(span.body).toMatchObject({
      ok: true,
      data: { score: { value: 35, level: 'Right area', graderVersionId: accuracy.versionId } },
    });
    const result = await post('scores.create', {
      target: { type: 'eval_result', id: resultId },
      graderId: accuracy.id,
      value: 100,
      idempotencyKey: 'result-1',
    });
    expect(result.body).toMatchObject({ ok: true, data: { score: { level: 'Bullseye' } } });
    const byGrader = await post('scores.list', { graderId: accuracy.id });
    expect(
      (byGrader.body.data as { scores: { target: { type: string } }[] }).scores.map(
        (s) => s.target.type,
      ),
    ).toEqual(['eval_result', 'span']);
  });

  it('answers a key reused for another score with 409 CONFLICT naming the key', async () => {
    const input = {
      target: { type: 'interaction', id: interactionId },
      name: 'copied',
      value: 1,
      idempotencyKey: 'copied-1',
    };
    expect((await post('scores.create', input)).status).toBe(200);
    const reused = await post('scores.create', { ...input, value: 0 });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(
          /^scores\.create: the idempotency key "copied-1" was used for a different score/,
        ),
        details: { issues: [{ path: 'idempotencyKey' }] },
      },
    });
  });

  it.each([
    ['interaction', 'no-such-interaction'],
    ['span', 'no-such-span'],
    ['eval_result', 'no-such-result'],
  ])('answers an unknown %s target with 404 NOT_FOUND naming target.id', async (type, id) => {
    const res = await post('scores.create', {
      target: { type, id },
      name: 'thumbs',
      value: false,
      idempotencyKey: `unknown-${type}`,
    });
    expect(res).toEqual({
      status: 404,
      body: {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: `scores.create: no ${type} with id "${id}"`,
          details: { issues: [{ path: 'target.id', message: `no such ${type}` }] },
        },
      },
    });
  });

  const target = () => ({ type: 'interaction', id: interactionId });
  it.each([
    ['no key', () => ({ target: target(), name: 'x', value: 1 }), 'idempotencyKey'],
    [
      'neither value nor level',
      () => ({ target: target(), name: 'x', idempotencyKey: 'k' }),
      'value',
    ],
    [
      'value and level',
      () => ({ target: target(), name: 'x', value: 1, level: 'a', idempotencyKey: 'k' }),
      'value',
    ],
    ['no name nor grader', () => ({ target: target(), value: 1, idempotencyKey: 'k' }), 'name'],
    [
      'a string value',
      () => ({ target: target(), name: 'x', value: 'yes', idempotencyKey: 'k' }),
      'value',
    ],
    [
      'an unknown target type',
      () => ({ target: { type: 'trace', id: 't' }, name: 'x', value: 1, idempotencyKey: 'k' }),
      'target.type',
    ],
    [
      'a grader source',
      () => ({ target: target(), name: 'x', value: 1, source: 'grader', idempotencyKey: 'k' }),
      'source',
    ],
    [
      'a level outside the grader',
      () => ({ target: target(), graderId: accuracy.id, level: 'Close', idempotencyKey: 'k' }),
      'level',
    ],
    [
      'a value outside the grader',
      () => ({ target: target(), graderId: accuracy.id, value: 50, idempotencyKey: 'k' }),
      'value',
    ],
  ])('answers %s with 400 VALIDATION_FAILED naming the field', async (_what, input, path) => {
    const res = await post('scores.create', input());
    expect(res.status).toBe(400);
    const error = res.body.error as {
      code: string;
      message: string;
      details: { issues: { path: string; message: string }[] };
    };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(
      new RegExp(`^scores\\.create: invalid "${path.replace('.', '\\.')}": [^\\n{}\\[]+$`),
    );
    expect(error.details.issues[0]!.path).toBe(path);
  });

  it('answers an unknown grader with 404 naming graderId, and malformed JSON with a coded 400', async () => {
    const res = await post('scores.create', {
      target: target(),
      graderId: 'nope',
      value: 1,
      idempotencyKey: 'k',
    });
    expect(res).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', details: { issues: [{ path: 'graderId' }] } } },
    });
    const broken = await post('scores.create', '{"target":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/MALFORMED_REQUEST|VALIDATION_FAILED/) },
    });
    const listed = await post('scores.list', { target: target() });
    expect(
      (listed.body.data as { scores: { name: string }[] }).scores.map((s) => s.name).sort(),
    ).toEqual(['copied', 'thumbs']);
  });
});
