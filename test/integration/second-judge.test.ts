import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { BULLSEYE_LEVELS, type Channel, type SecondJudgeJob } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { judgeReplies } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { coreCall } from '../support/core-call';
import { openScoringCore } from '../support/online-scoring-core';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * A second judge through the contract: input refused at its field before anything runs, and a
 * job graded through the real call path (the OpenAI SDK against the fake server), priced from
 * the catalog, and compared by calibration.
 */
let fake: FakeServer;
let core: Core;
let dataDir: string;
let judgeId = '';

beforeAll(async () => {
  fake = await startOpenAiFake();
  // gpt-4o (the second judge) says One hop short where the judge said Bullseye on "case 2".
  fake.reply = judgeReplies((request) => ({
    reason: 'checked',
    level: request.lastUserText.includes('case 2') ? 'One hop short' : 'Bullseye',
  }));
  dataDir = tempDirKept('assay-second-judge-');
  core = await openScoringCore(dataDir, `${fake.url}/v1`);
  const judge = await coreCall(core, 'graders.create', {
    name: 'Refund accuracy',
    definition: {
      kind: 'llm_judge',
      prompt: { name: 'assay-judge-relevance' },
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    },
    scoreConfig: { type: 'categorical', levels: [...BULLSEYE_LEVELS] },
  });
  judgeId = judge.id;
  // The judge's own verdicts, as online scoring would have stored them: Bullseye on all three.
  for (let i = 1; i <= 3; i++) {
    const made = await coreCall(core, 'interactions.create', {
      type: 'support',
      input: `Can I return shoes? (${i})`,
      output: `Yes, within 30 days, case ${i}.`,
    });
    await core.services.quality.recordGraderScore({
      target: { type: 'interaction', id: made.id },
      graderVersionId: judge.latest.id,
      value: null,
      level: 'Bullseye',
      reason: 'judged',
      costPicoUsd: 0,
    });
  }
});
afterAll(async () => {
  await core.close();
  await fake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function refusal(channel: Channel, input: unknown) {
  const answer = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (answer.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  const issues = (answer.error.details as { issues?: { path: string }[] } | undefined)?.issues;
  return { code: answer.error.code, path: issues?.[0]?.path };
}

describe('graders.secondJudge', () => {
  it('refuses bad input with a coded error naming the field', async () => {
    const start = (over: object) =>
      refusal('graders.secondJudge.start', {
        graderId: judgeId,
        provider: 'openai',
        model: 'gpt-4o',
        ...over,
      });
    expect(await start({ provider: 'acme' })).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'provider',
    });
    expect(await start({ model: '  ' })).toEqual({ code: 'VALIDATION_FAILED', path: 'model' });
    expect(await start({ sampleSize: 1_001 })).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'sampleSize',
    });
    expect(await start({ sampleSize: 2.5 })).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'sampleSize',
    });
    expect(await start({ extra: 1 })).toMatchObject({ code: 'VALIDATION_FAILED' });
    // The fake lists gpt-4o, gpt-4o-mini, o3-mini and gpt-5.
    expect(await start({ model: 'gpt-9' })).toEqual({ code: 'VALIDATION_FAILED', path: 'model' });
    const accuracy = (await coreCall(core, 'graders.list', {})).graders.find(
      (g) => g.name === 'Format compliance',
    )!;
    const human = await coreCall(core, 'graders.create', {
      name: 'Support lead',
      definition: { kind: 'human', instructions: 'As the support lead would.' },
      scoreConfig: { type: 'boolean' },
    });
    expect(await start({ graderId: human.id })).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'graderId',
    });
    expect(await start({ graderId: 'nope' })).toEqual({ code: 'NOT_FOUND', path: 'graderId' });
    // A built-in judge's own model is no second judge of it.
    expect(await start({ graderId: accuracy.id, model: 'gpt-4o-mini' })).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'model',
    });
    expect(await refusal('graders.secondJudge.cancel', { jobId: 'nope' })).toEqual({
      code: 'NOT_FOUND',
      path: 'jobId',
    });
  });

  it('grades the judged targets on another model through the call path, and calibration compares them', async () => {
    const started = await coreCall(core, 'graders.secondJudge.start', {
      graderId: judgeId,
      provider: 'openai',
      model: 'gpt-4o',
    });
    expect(started.total).toBe(3);
    let job: SecondJudgeJob = started;
    for (let i = 0; i < 500 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      [job] = (await coreCall(core, 'graders.secondJudge.jobs', { graderId: judgeId })).jobs as [
        SecondJudgeJob,
      ];
    }
    expect(job).toMatchObject({ state: 'done', scored: 3, calls: 3, unpricedCalls: 0 });
    // gpt-4o is in the catalog: the judge cost is known, and not 0.
    expect(job.costUsd).toBeGreaterThan(0);
    const calibration = await coreCall(core, 'graders.calibration', {
      id: judgeId,
      referenceGraderId: job.secondJudge.id,
    });
    expect(calibration).toMatchObject({ n: 3, flagged: true });
    expect(calibration.exact).toBeCloseTo(2 / 3, 12);
    // The judge said Bullseye to all three, so chance agreement is 2/3 as well: kappa 0.
    expect(calibration.kappa).toBeCloseTo(0, 12);
    expect(calibration.disagreements).toHaveLength(1);
    expect(calibration.disagreements[0]).toMatchObject({
      judge: 'Bullseye',
      reference: 'One hop short',
      referenceReason: 'checked',
    });
  });
});
