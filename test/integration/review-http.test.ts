import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOtlpServer } from '../support/otlp-server';

/**
 * Review channels as a browser or a script calls them over HTTP: bad input is a coded error
 * with the HTTP status of its code, and names the offending field in the message and in
 * details.issues.
 */
let ctx: Awaited<ReturnType<typeof openOtlpServer>>;
let queueId: string;
let completedItem: string;
let interactionId: string;

interface Answer {
  status: number;
  body: {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: { code: string; message: string; details?: { issues?: { path: string }[] } };
  };
}

async function post(channel: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${ctx.server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function data<T>(channel: string, body: unknown): Promise<T> {
  const answer = await post(channel, body);
  expect(answer.body.ok, JSON.stringify(answer.body)).toBe(true);
  return answer.body.data as T;
}

beforeAll(async () => {
  ctx = await openOtlpServer();
  interactionId = (
    await data<{ id: string }>('interactions.create', { type: 'chat', input: 'q', output: 'a' })
  ).id;
  const grader = await data<{ id: string }>('graders.create', {
    name: 'Stars',
    definition: { kind: 'human', instructions: 'One to five.' },
    scoreConfig: { type: 'numeric', min: 1, max: 5 },
  });
  queueId = (await data<{ id: string }>('reviewQueues.create', { name: 'Q', graderId: grader.id }))
    .id;
  await data('reviewQueues.fill', {
    queueId,
    source: { kind: 'hand', interactionIds: [interactionId] },
  });
  const next = await data<{ item: { item: { id: string } } }>('review.next', {
    queueId,
    reviewer: 'ann',
  });
  completedItem = next.item.item.id;
  await data('review.submit', { itemId: completedItem, reviewer: 'ann', value: 4 });
});
afterAll(() => ctx.close());

type Case = [channel: string, body: () => unknown, status: number, code: string, path: string];

const cases: Case[] = [
  ['reviewQueues.create', () => ({ graderId: 'x' }), 400, 'VALIDATION_FAILED', 'name'],
  ['reviewQueues.create', () => ({ name: 'R', graderId: 'nope' }), 404, 'NOT_FOUND', 'graderId'],
  [
    'reviewQueues.create',
    () => ({ name: 'Q', graderId: 'x', extra: 1 }),
    400,
    'VALIDATION_FAILED',
    '(input)',
  ],
  [
    'reviewQueues.fill',
    () => ({ queueId, source: { kind: 'rule', rule: { graderId: 'g', op: 'le', value: 35 } } }),
    400,
    'VALIDATION_FAILED',
    'source.rule.op',
  ],
  [
    'reviewQueues.fill',
    () => ({ queueId, source: { kind: 'rule', rule: { graderId: 'nope', op: 'lte', value: 3 } } }),
    404,
    'NOT_FOUND',
    'source.rule.graderId',
  ],
  [
    'reviewQueues.fill',
    () => ({ queueId, source: { kind: 'filter', filter: {}, limit: 5_001 } }),
    400,
    'VALIDATION_FAILED',
    'source.limit',
  ],
  [
    'reviewQueues.fill',
    () => ({ queueId, source: { kind: 'hand', interactionIds: [] } }),
    400,
    'VALIDATION_FAILED',
    'source.interactionIds',
  ],
  [
    'reviewQueues.fill',
    () => ({ queueId, source: { kind: 'hand', interactionIds: [interactionId, 'gone'] } }),
    404,
    'NOT_FOUND',
    'source.interactionIds.1',
  ],
  [
    'reviewQueues.assign',
    () => ({ queueId, reviewers: ['ann', 'ann'] }),
    400,
    'VALIDATION_FAILED',
    'reviewers',
  ],
  [
    'reviewQueues.assign',
    () => ({ queueId, reviewers: [] }),
    400,
    'VALIDATION_FAILED',
    'reviewers',
  ],
  [
    'reviewQueues.assign',
    () => ({ queueId: 'nope', reviewers: ['a'] }),
    404,
    'NOT_FOUND',
    'queueId',
  ],
  ['reviewQueues.agreement', () => ({ id: 'nope' }), 404, 'NOT_FOUND', 'id'],
  ['review.next', () => ({ queueId, reviewer: '  ' }), 400, 'VALIDATION_FAILED', 'reviewer'],
  ['review.next', () => ({ queueId: 'nope', reviewer: 'ann' }), 404, 'NOT_FOUND', 'queueId'],
  ['review.item', () => ({ id: 'nope' }), 404, 'NOT_FOUND', 'id'],
  [
    'review.submit',
    () => ({ itemId: completedItem, reviewer: 'ann', value: 3, level: 'x' }),
    400,
    'VALIDATION_FAILED',
    'value',
  ],
  [
    'review.submit',
    () => ({ itemId: completedItem, reviewer: 'ann', value: 9 }),
    400,
    'VALIDATION_FAILED',
    'value',
  ],
  [
    'review.submit',
    () => ({ itemId: completedItem, reviewer: 'ann', value: 2 }),
    409,
    'CONFLICT',
    'itemId',
  ],
  [
    'review.submit',
    () => ({ itemId: completedItem, reviewer: 'bob', value: 4 }),
    409,
    'CONFLICT',
    'reviewer',
  ],
  [
    'review.submit',
    () => ({ itemId: 'nope', reviewer: 'ann', value: 4 }),
    404,
    'NOT_FOUND',
    'itemId',
  ],
  ['review.skip', () => ({ itemId: completedItem, reviewer: 'ann' }), 409, 'CONFLICT', 'itemId'],
  [
    'settings.updatePreferences',
    () => ({ reviewerName: '' }),
    400,
    'VALIDATION_FAILED',
    'reviewerName',
  ],
];

describe('review channels over HTTP', () => {
  it.each(cases)('%s refuses bad input with a coded error naming the field', async (...c) => {
    const [channel, body, status, code, path] = c;
    const answer = await post(channel, body());
    expect(answer.status).toBe(status);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.error?.code).toBe(code);
    expect(answer.body.error?.message.startsWith(`${channel}: `)).toBe(true);
    expect(answer.body.error?.details?.issues?.[0]?.path).toBe(path);
    if (code === 'VALIDATION_FAILED') expect(answer.body.error?.message).toContain(`"${path}"`);
  });

  it('answers a repeated submit with the stored score, and keeps the reviewer name in preferences', async () => {
    const again = await data<{ created: boolean; score: { value: number; author: string } }>(
      'review.submit',
      { itemId: completedItem, reviewer: 'ann', value: 4 },
    );
    expect(again).toMatchObject({ created: false, score: { value: 4, author: 'ann' } });
    const saved = await data<{ preferences: { reviewerName: string | null } }>(
      'settings.updatePreferences',
      { reviewerName: ' Ann ' },
    );
    expect(saved.preferences.reviewerName).toBe('Ann');
  });
});
