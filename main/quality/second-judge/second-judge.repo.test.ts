import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { BULLSEYE_LEVELS, type GraderView } from '../../../shared/contract/quality';
import type { SecondJudgeJob } from '../../../shared/contract/quality-second-judge';
import { AssayError } from '../../../shared/errors';
import { EventBus } from '../../kit/event-bus';
import type { ModelListing } from '../../llm/llm-service';
import { ProviderError } from '../../llm/provider-error';
import type { Store } from '../../store/store';
import { TracingService } from '../../tracing/tracing-service';
import { QualityInsightsService } from '../dashboard/quality-insights-service';
import { fakeJudge } from '../grading/test-support';
import type { JudgeCallDeps } from '../online/registry-judge';
import { QualityService } from '../quality-service';
import { SecondJudgeService } from './second-judge-service';
import { forgetTargetScores } from '../forget-target-scores';

let store: Store;
let quality: QualityService;
let tracing: TracingService;
let service: SecondJudgeService;
let judge: GraderView;

const SECOND = { provider: 'local', model: 'llama3.1:8b' } as const;
/** What the local server lists; `down` makes the listing fail as an unreachable server's does. */
const listed = { local: ['llama3.1:8b', 'qwen2.5:7b'], down: false };
const CALL_PICO = 3_000_000;

// The judge's verdicts and the second judge's, per interaction (B, O, R, W: Bullseye, One hop
// short, Right area, Wrong). t11: the second model answers no verdict; t12: the judge itself
// could not score it (never picked); t13: the local server fails once, then answers.
const CASES: [string, string | null, string][] = [
  ['t1', 'Bullseye', 'Bullseye'],
  ['t2', 'Bullseye', 'Bullseye'],
  ['t3', 'Bullseye', 'Bullseye'],
  ['t4', 'Bullseye', 'One hop short'],
  ['t5', 'One hop short', 'One hop short'],
  ['t6', 'One hop short', 'One hop short'],
  ['t7', 'Right area', 'Right area'],
  ['t8', 'Right area', 'Wrong'],
  ['t9', 'Wrong', 'Wrong'],
  ['t10', 'Wrong', 'Wrong'],
  ['t11', 'Wrong', 'garbage'],
  ['t12', null, 'Bullseye'],
  ['t13', 'Bullseye', 'Bullseye'],
];
const ids = new Map<string, string>();
let outageLeft = 1;

/** The local model's reply to a judge request, by the output it was shown. */
const fake = fakeJudge(
  (request) => {
    const name = /<output>answer (t\d+)<\/output>/.exec(request.messages.at(-1)!.content)?.[1];
    const second = CASES.find(([n]) => n === name)?.[2];
    if (name === 't13' && outageLeft > 0) {
      outageLeft -= 1;
      throw new ProviderError({
        provider: 'local',
        errorClass: 'connection',
        message: 'ECONNREFUSED',
      });
    }
    if (second === 'garbage') return 'I would rather not say.';
    return JSON.stringify({ reason: `looks ${second}`, level: second });
  },
  { costPicoUsd: CALL_PICO },
);

/** The call path as the registry judge seam calls it, answered by the fake judge. */
const judgeDeps: JudgeCallDeps = {
  resolvePrompt: (ref) => fake.seam.resolvePrompt(ref),
  llm: {
    async call({ request }) {
      const reply = await fake.seam.call({
        provider: request.provider,
        model: request.model,
        messages: request.messages.map((m) => ({
          role: m.role as 'system' | 'user' | 'assistant',
          content: typeof m.content === 'string' ? m.content : '',
        })),
        responseFormat: request.responseFormat!,
        prompt: { name: 'assay-judge-accuracy' },
      });
      return { response: { text: reply.text }, costPicoUsd: reply.costPicoUsd };
    },
  },
};

async function listModels(provider: string): Promise<ModelListing> {
  const models = (provider === 'local' ? listed.local : ['gpt-4o-mini']).map((id) => ({
    info: { id, provider: provider as 'local', name: id, source: 'live' as const },
    price: null,
  }));
  return listed.down
    ? { provider: 'local', source: 'catalog', error: 'connect ECONNREFUSED', models: [] }
    : { provider: provider as 'local', source: 'live', error: null, models };
}

async function settled(graderId: string): Promise<SecondJudgeJob> {
  for (let i = 0; i < 400; i++) {
    const [job] = service.jobsOf(graderId);
    if (job && job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the second-judge job did not end');
}

async function failure(work: Promise<unknown>): Promise<AssayError> {
  const err: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AssayError)) throw new Error(`expected an AssayError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  store = await openTestStore();
  quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
  tracing = new TracingService({
    store,
    events: new EventBus(),
    resolvePrompt: () => Promise.reject(new Error('unused')),
    secretValues: () => [],
    forgetScores: forgetTargetScores,
  });
  service = new SecondJudgeService({
    store,
    quality,
    tracing,
    judge: judgeDeps,
    listModels: (p) => listModels(p),
    tuning: { concurrency: 3, maxOutages: 3 },
  });
  judge = await quality.createGrader({
    name: 'Support accuracy',
    description: '',
    rubric: 'Right for our refund policy?',
    definition: {
      kind: 'llm_judge',
      prompt: { name: 'assay-judge-accuracy', label: 'production' },
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    },
    scoreConfig: { type: 'categorical', levels: [...BULLSEYE_LEVELS] },
  });
  // Oldest first, so t1 is the judge's oldest verdict and t13 its newest.
  for (const [name, verdict] of CASES) {
    const made = await tracing.createInteraction({
      type: 'support',
      input: `question ${name}`,
      output: `answer ${name}`,
      tags: [],
      spanIds: [],
    });
    ids.set(made.id, name);
    await quality.recordGraderScore({
      target: { type: 'interaction', id: made.id },
      graderVersionId: judge.latest.id,
      value: null,
      ...(verdict === null ? {} : { level: verdict }),
      reason: verdict === null ? 'no verdict' : 'judged',
      costPicoUsd: 0,
    });
  }
});
afterAll(async () => {
  await service.close();
  await tracing.close();
  await store.close();
});

describe('a second judge', () => {
  it("grades the judge's recent scored targets on another model and is the reference of its calibration", async () => {
    const started = await service.start({ graderId: judge.id, ...SECOND, sampleSize: 100 });
    expect(started).toMatchObject({ graderId: judge.id, model: SECOND, total: 12 });
    const job = await settled(judge.id);
    // t12 (unscored by the judge) is not picked; t11 is stored without a value and its reason;
    // t13's provider failure is not stored at all (a re-run tries it again).
    expect(job).toMatchObject({
      state: 'done',
      total: 12,
      done: 12,
      scored: 10,
      unscored: 1,
      failed: 1,
      alreadyScored: 0,
      calls: 11,
      unpricedCalls: 0,
      error: null,
    });
    expect(job.costUsd).toBeCloseTo((11 * CALL_PICO) / 1e12, 12);
    expect(job.problems.map((p) => ids.get(p.target.id)).sort()).toEqual(['t11', 't13']);
    expect(job.problems.find((p) => ids.get(p.target.id) === 't13')!.reason).toMatch(
      /ECONNREFUSED/,
    );

    const { grader: copy, versions } = await quality.getGrader(job.secondJudge.id);
    expect(copy.name).toBe('Support accuracy · second judge local/llama3.1:8b');
    expect(versions).toHaveLength(1);
    expect(copy.latest.rubric).toBe('Right for our refund policy?');
    expect(copy.latest.scoreConfig).toEqual(judge.latest.scoreConfig);
    expect(copy.latest.definition).toEqual({
      kind: 'llm_judge',
      prompt: { name: 'assay-judge-accuracy', label: 'production' },
      model: SECOND,
      secondJudgeOf: judge.id,
    });
    // The calls went to the second model.
    expect(new Set(fake.call.mock.calls.map(([r]) => `${r.provider}/${r.model}`))).toEqual(
      new Set(['local/llama3.1:8b']),
    );
    const stored = (await quality.listScores({ graderId: copy.id, limit: 1000 })).scores;
    expect(stored).toHaveLength(11);
    const t11 = stored.find((s) => ids.get(s.target.id) === 't11')!;
    expect(t11).toMatchObject({ value: null, level: null, source: 'grader' });
    expect(t11.reason).not.toBe('');
    expect(stored.find((s) => ids.get(s.target.id) === 't4')).toMatchObject({
      level: 'One hop short',
      value: 65,
      costUsd: CALL_PICO / 1e12,
    });

    // Ten pairs (t1–t10), eight agreeing: exact 0.8. Rows are the second judge (reference),
    // columns the judge. Reference labels: B 3, O 3 (t4–t6), R 1, W 3 (t8–t10); the judge's:
    // B 4 (t1–t4), O 2, R 2 (t7, t8), W 2. Chance agreement p_e = (3·4 + 3·2 + 1·2 + 3·2) / 100
    // = 0.26, so kappa = (0.8 − 0.26) / (1 − 0.26) = 0.54 / 0.74 = 27/37 ≈ 0.7297.
    const calibration = await new QualityInsightsService(store).calibration({
      id: judge.id,
      referenceGraderId: copy.id,
    });
    expect(calibration).toMatchObject({
      reference: { kind: 'grader', graderId: copy.id },
      n: 10,
      referenceTargets: 10,
      flagged: false,
      levels: ['Bullseye', 'One hop short', 'Right area', 'Wrong'],
      confusion: [
        [3, 0, 0, 0],
        [1, 2, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 1, 2],
      ],
    });
    expect(calibration.exact).toBeCloseTo(0.8, 12);
    expect(calibration.kappa).toBeCloseTo(27 / 37, 12);
    expect(
      calibration.disagreements
        .map((d) => [ids.get(d.link.target.id), d.reference, d.judge])
        .sort(),
    ).toEqual([
      ['t4', 'One hop short', 'Bullseye'],
      ['t8', 'Wrong', 'Right area'],
    ]);
  });

  it('grades again only what is not scored yet: no score is stored twice', async () => {
    const before = fake.call.mock.calls.length;
    await service.start({ graderId: judge.id, ...SECOND, sampleSize: 100 });
    const job = await settled(judge.id);
    // Same copy, same version: only t13 (the provider failed on it) is graded.
    expect(job).toMatchObject({
      state: 'done',
      total: 12,
      alreadyScored: 11,
      scored: 1,
      failed: 0,
      calls: 1,
      secondJudge: { version: 1 },
    });
    expect(fake.call.mock.calls.length - before).toBe(1);
    const stored = (await quality.listScores({ graderId: job.secondJudge.id, limit: 1000 })).scores;
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((s) => s.target.id)).size).toBe(12);
    const live = await quality.listGraders({ includeArchived: false });
    expect(live.filter((g) => g.name.includes('second judge'))).toHaveLength(1);

    // The sample is the judge's most recent scored targets: 3 of them are t13, t11, t10.
    const again = await service.start({ graderId: judge.id, ...SECOND, sampleSize: 3 });
    expect(again.total).toBe(3);
    expect((await settled(judge.id)).alreadyScored).toBe(3);
  });

  it("follows the judge's new version with a new version of the copy, graded afresh", async () => {
    await quality.updateGrader({ id: judge.id, rubric: 'Right for our 2027 refund policy?' });
    await service.start({ graderId: judge.id, ...SECOND, sampleSize: 5 });
    const job = await settled(judge.id);
    // t13, t11 (no verdict again), t10, t9, t8.
    expect(job).toMatchObject({
      secondJudge: { version: 2 },
      alreadyScored: 0,
      scored: 4,
      unscored: 1,
    });
    const { grader: copy } = await quality.getGrader(job.secondJudge.id);
    expect(copy.latest.rubric).toBe('Right for our 2027 refund policy?');
  });

  it('stops after provider failures in a row, and a cancel stops a job', async () => {
    listed.local.push('flaky');
    const flaky = new SecondJudgeService({
      store,
      quality,
      tracing,
      judge: {
        ...judgeDeps,
        llm: {
          call: () =>
            Promise.reject(
              new ProviderError({ provider: 'local', errorClass: 'server_error', message: '502' }),
            ),
        },
      },
      listModels: (p) => listModels(p),
      tuning: { concurrency: 1, maxOutages: 3 },
    });
    await flaky.start({ graderId: judge.id, provider: 'local', model: 'flaky', sampleSize: 100 });
    let [job] = flaky.jobsOf(judge.id);
    for (let i = 0; i < 400 && job!.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      [job] = flaky.jobsOf(judge.id);
    }
    expect(job).toMatchObject({ state: 'failed', failed: 3, scored: 0, total: 12 });
    expect(job!.error).toMatch(/failed 3 times in a row.*502/);
    const copy = job!.secondJudge.id;
    expect((await quality.listScores({ graderId: copy, limit: 10 })).scores).toEqual([]);

    // A judge that never answers: the cancel aborts its calls and nothing is stored.
    const hanging = new SecondJudgeService({
      store,
      quality,
      tracing,
      judge: {
        ...judgeDeps,
        llm: {
          call: ({ signal }) =>
            new Promise((_, reject) =>
              signal!.addEventListener('abort', () => reject(signal!.reason)),
            ),
        },
      },
      listModels: (p) => listModels(p),
    });
    const running = await hanging.start({
      graderId: judge.id,
      provider: 'local',
      model: 'flaky',
      sampleSize: 100,
    });
    expect(running.state).toBe('running');
    const cancelled = await hanging.cancel(running.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', scored: 0, failed: 0, unscored: 0 });
    expect((await quality.listScores({ graderId: copy, limit: 10 })).scores).toEqual([]);
  });

  it('refuses what it cannot do with a coded error naming the field', async () => {
    const issue = async (work: Promise<unknown>) => {
      const err = await failure(work);
      return {
        code: err.code,
        path: (err.details as { issues: { path: string }[] }).issues[0]!.path,
      };
    };
    const human = await quality.createGrader({
      name: 'Expert',
      description: '',
      rubric: '',
      definition: { kind: 'human', instructions: 'Judge as an expert.' },
      scoreConfig: { type: 'boolean' },
    });
    const start = (over: object) =>
      service.start({ graderId: judge.id, ...SECOND, sampleSize: 10, ...over });
    expect(await issue(start({ graderId: human.id }))).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'graderId',
    });
    expect(await issue(start({ graderId: 'no-such-grader' }))).toEqual({
      code: 'NOT_FOUND',
      path: 'graderId',
    });
    const [job] = service.jobsOf(judge.id);
    expect(await issue(start({ graderId: job!.secondJudge.id }))).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'graderId',
    });
    expect(await issue(start({ model: 'llama-nine' }))).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'model',
    });
    expect(await issue(start({ provider: 'openai', model: 'gpt-4o-mini' }))).toEqual({
      code: 'VALIDATION_FAILED',
      path: 'model',
    });
    listed.down = true;
    expect(await issue(start({}))).toEqual({ code: 'VALIDATION_FAILED', path: 'provider' });
    listed.down = false;
    expect(await issue(service.cancel('no-such-job'))).toEqual({
      code: 'NOT_FOUND',
      path: 'jobId',
    });
    // A grader cannot claim to be the second judge of something that is not a judge.
    expect(
      await issue(
        quality.createGrader({
          name: 'Odd copy',
          description: '',
          rubric: '',
          definition: {
            kind: 'llm_judge',
            prompt: { name: 'assay-judge-accuracy' },
            model: { provider: 'openai', model: 'gpt-4o' },
            secondJudgeOf: human.id,
          },
          scoreConfig: judge.latest.scoreConfig,
        }),
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', path: 'definition.secondJudgeOf' });
  });
});
