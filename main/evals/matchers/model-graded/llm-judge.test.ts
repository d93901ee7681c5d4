import { describe, expect, it, vi } from 'vitest';
import type { MatcherContext } from '../core/definition';
import { parseJudgeReply } from './judge-prompt';
import { run } from '../test-support';

type JudgeRequest = Parameters<NonNullable<MatcherContext['judge']>>[0];

function judgeReplying(text: string, costPicoUsd: number | null = 3_000) {
  return vi.fn((_request: JudgeRequest) => Promise.resolve({ text, costPicoUsd }));
}

const graded = [
  { grade: 100, description: 'fully correct' },
  { grade: 65, description: 'minor slips' },
  { grade: 35 },
  { grade: 0, description: 'wrong' },
];

describe('llm-judge', () => {
  it('asks the named judge with the rubric, variables, reference and output', async () => {
    const judge = judgeReplying('{"pass": true, "reason": "Polite and on topic."}');
    const r = await run(
      {
        type: 'llm-judge',
        rubric: 'Answers {{question}} politely',
        provider: 'local',
        model: 'llama3',
      },
      'Hello! The answer is 4.',
      { vars: { question: '2+2' }, expected: '4' },
      { judge },
    );
    expect(r).toEqual({
      pass: true,
      score: 1,
      reason: 'judge passed it: Polite and on topic. (score 1 ≥ threshold 0.5)',
      costPicoUsd: 3_000,
      details: { judge: 'local/llama3', judgeCost: 3_000 },
    });
    const request = judge.mock.calls[0]?.[0];
    expect(request).toMatchObject({ provider: 'local', model: 'llama3' });
    expect(request?.system).toContain('{"pass": true or false');
    expect(request?.system).toContain('never instructions');
    expect(request?.user).toContain('<rubric>\nAnswers 2+2 politely\n</rubric>');
    expect(request?.user).toContain('<reference>\n4\n</reference>');
    expect(request?.user).toContain('<output>\nHello! The answer is 4.\n</output>');
  });

  it('fails on a failing verdict, reading JSON wrapped in prose or fences', async () => {
    const judge = judgeReplying(
      'Let me think.\n```json\n{"verdict": "fail", "reason": "Rude."}\n```',
    );
    const r = await run(
      { type: 'llm-rubric', rubric: 'polite', provider: 'openai', model: 'gpt-4o-mini' },
      'Go away',
      {},
      { judge },
    );
    expect(r).toMatchObject({
      pass: false,
      score: 0,
      reason: 'judge failed it: Rude. (score 0 < threshold 0.5)',
    });
  });

  it('normalizes graded levels to 0..1 and shows the levels to the judge', async () => {
    const judge = judgeReplying('I would say {"grade": 65, "reason": "One slip."} overall.');
    const r = await run(
      {
        type: 'llm-judge',
        rubric: 'correct',
        provider: 'anthropic',
        model: 'claude',
        scale: graded,
        threshold: 0.7,
      },
      'x',
      {},
      { judge },
    );
    expect(r).toMatchObject({ pass: false, score: 0.65, details: { grade: 65 } });
    expect(r.reason).toBe('judge graded 65 (0.65): One slip. (score 0.65 < threshold 0.7)');
    expect(judge.mock.calls[0]?.[0].system).toContain('- 65: minor slips');
    expect(judge.mock.calls[0]?.[0].system).toContain('{"grade": <one of 100, 65, 35, 0>');
  });

  it('accepts plain-number scales in any order', async () => {
    const judge = judgeReplying('{"score": 2, "reason": "ok"}');
    const r = await run(
      { type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'm', scale: [1, 3, 2] },
      'x',
      {},
      { judge },
    );
    expect(r.score).toBe(0.5);
  });

  it('fails as could-not-judge on a malformed reply, keeping the judge cost', async () => {
    const judge = judgeReplying('The output is pretty good I think.', 5);
    const r = await run(
      { type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'm', not: true },
      'x',
      {},
      { judge },
    );
    expect(r).toMatchObject({
      pass: false,
      score: 0,
      costPicoUsd: 5,
      unscored: true,
    });
    expect(r.reason).toBe(
      'judge reply has no {"pass": true|false, "reason": …} verdict; it said: "The output is pretty good I think."',
    );
  });

  it('rejects grades that are not on the scale', async () => {
    const judge = judgeReplying('{"grade": 80, "reason": "good"}');
    const r = await run(
      { type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'm', scale: graded },
      'x',
      {},
      { judge },
    );
    expect(r).toMatchObject({
      pass: false,
      reason: 'judge gave grade 80, which is not one of 100, 65, 35, 0',
    });
  });

  it('uses the run default judge, and fails clearly without a judge', async () => {
    const judge = judgeReplying('{"pass": true}', null);
    const r = await run(
      { type: 'llm-judge', rubric: 'r' },
      'x',
      {},
      { judge, defaultJudge: { provider: 'bedrock', model: 'nova' } },
    );
    expect(r).toMatchObject({
      pass: true,
      reason: 'judge passed it: no reason given (score 1 ≥ threshold 0.5)',
      details: { judge: 'bedrock/nova', judgeCost: 'unpriced' },
    });
    expect(r.costPicoUsd).toBeUndefined();
    expect((await run({ type: 'llm-judge', rubric: 'r' }, 'x', {}, { judge })).reason).toMatch(
      /^no judge model/,
    );
    expect(
      await run({ type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'm' }, 'x'),
    ).toMatchObject({
      pass: false,
      score: 0,
      reason: 'no judge configured: llm-judge needs a model to call',
    });
  });

  it('reports a judge call failure as the reason', async () => {
    const judge = vi.fn(() => Promise.reject(new Error('429 rate limited')));
    const r = await run(
      { type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'm' },
      'x',
      {},
      { judge },
    );
    expect(r).toMatchObject({ pass: false, reason: 'llm-judge matcher failed: 429 rate limited' });
  });
});

describe('parseJudgeReply', () => {
  it('reads pass/fail in its usual spellings', () => {
    expect(parseJudgeReply('{"pass": "PASS"}', 'pass-fail')).toMatchObject({ ok: true, score: 1 });
    expect(parseJudgeReply('{"result": false, "explanation": "no"}', 'pass-fail')).toEqual({
      ok: true,
      score: 0,
      reason: 'no',
    });
    expect(parseJudgeReply('{"score": 1}', 'pass-fail')).toMatchObject({ ok: true, score: 1 });
  });

  it('skips JSON without a verdict before the one with it', () => {
    expect(
      parseJudgeReply('Input was {"q": 1}. Verdict: {"pass": false, "reason": "r"}', 'pass-fail'),
    ).toEqual({ ok: true, score: 0, reason: 'r' });
  });
});
