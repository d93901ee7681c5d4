import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import {
  channels,
  type ParsedInput,
  type ResultView,
  type RunView,
  type ScoreView,
} from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { judgeReplies } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { coreCall } from '../support/core-call';
import { tempDir } from '../support/temp-dir';
import { openTestCore } from '../support/test-database';

/**
 * Eval runs graded by a scorecard, on either database: a run against the fake OpenAI server,
 * its cases graded by a deterministic grader and an LLM judge (the same fake answering with
 * levels), their scores stored with the results, and a resume that stores none twice.
 */
let fake: FakeServer;
let core: Core;

const call = <C extends Parameters<typeof coreCall>[1]>(
  channel: C,
  input: Parameters<typeof coreCall<C>>[2],
) => coreCall(core, channel, input);

type Answer =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

const dispatch = (channel: string, input: unknown) =>
  core.dispatcher.dispatch(channel, input, { transport: 'http' }) as Promise<Answer>;

const base = {
  dataset: 'scorecard-words',
  prompt: { template: 'Say {{word}}', system: 'Answer with one word.' },
  targets: [{ provider: 'openai' as const, model: 'gpt-4o-mini' }],
};

let echo: { id: string };
let judge: { id: string; latest: { id: string } };
let review: { id: string };

beforeAll(async () => {
  fake = await startOpenAiFake();
  // A judge (its prompt holds <output>) rates "alpha" answers Bullseye and anything else Wrong.
  fake.reply = judgeReplies((request) =>
    request.lastUserText.includes('alpha')
      ? { reason: 'says alpha', level: 'Bullseye' }
      : { reason: 'not alpha', level: 'Wrong' },
  );
  core = await openTestCore(tempDir('assay-evals-scorecard-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-evals-scorecard-0000000',
  });
  const words = ['alpha', 'beta', 'alpha two', 'gamma', 'alpha three', 'delta'];
  await call('datasets.import', {
    name: 'scorecard-words',
    format: 'yaml',
    content: `test_cases:\n${words.map((w) => `  - vars: { word: "${w}" }\n    matchers: [{ type: contains, value: "Say" }]`).join('\n')}\n`,
  });
  echo = await call('graders.create', {
    name: 'Echoes',
    definition: {
      kind: 'deterministic',
      check: { type: 'matcher', matcher: { type: 'contains', value: 'Echo' } },
    },
    scoreConfig: { type: 'boolean' },
  });
  judge = await call('graders.create', {
    name: 'Alpha judge',
    rubric: 'Bullseye when the answer says alpha.',
    definition: {
      kind: 'llm_judge',
      prompt: { name: 'assay-judge-relevance' },
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    },
    scoreConfig: {
      type: 'categorical',
      levels: [
        { name: 'Bullseye', value: 100 },
        { name: 'Wrong', value: 0 },
      ],
    },
  });
  review = await call('graders.create', {
    name: 'Reviewer',
    definition: { kind: 'human', instructions: 'Is it right?' },
    scoreConfig: { type: 'boolean' },
  });
  await call('scorecards.create', {
    name: 'words',
    body: {
      items: [{ graderId: echo.id }, { graderId: judge.id }],
      passThreshold: 0.75,
    },
  });
  await call('scorecards.create', {
    name: 'reviewed',
    body: { items: [{ graderId: echo.id }, { graderId: review.id }], passThreshold: 0.5 },
  });
});
afterAll(async () => {
  await core.close();
  await fake.close();
});

async function results(runId: string): Promise<ResultView[]> {
  return (await call('evals.results', { runId, limit: 1000 })).results;
}

async function scoresOf(resultId: string): Promise<ScoreView[]> {
  return (await call('scores.list', { target: { type: 'eval_result', id: resultId } })).scores;
}

async function start(scorecard: object, extra: object = {}): Promise<RunView> {
  const { runs } = await call('evals.start', { ...base, ...extra, scorers: { scorecard } });
  return runs[0]!;
}

describe('an eval run scored by a scorecard', () => {
  it('fails the cases its verdict fails, passes the rest, and stores a score per grader', async () => {
    const started = await start({ name: 'words' });
    expect(started.scorers?.scorecard).toMatchObject({ name: 'words', version: 1 });
    const run = await core.services.runs.wait(started.id);
    expect(run.status).toBe('completed');
    const rows = await results(run.id);
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      const alpha = r.vars.word!.startsWith('alpha');
      expect(r.status).toBe(alpha ? 'pass' : 'fail');
      const card = r.matchers.find((m) => m.type === 'scorecard')!;
      expect(card).toMatchObject({ pass: alpha, unscored: false, score: alpha ? 1 : 0.5 });
      expect(card.reason).toMatch(/scorecard "words" v1 (passed|failed)/);
      expect(card.graders?.map((g) => [g.name, g.state, g.level ?? g.value])).toEqual([
        ['Echoes', 'scored', 1],
        ['Alpha judge', 'scored', alpha ? 'Bullseye' : 'Wrong'],
      ]);
      const scores = await scoresOf(r.id);
      expect(scores.map((s) => s.graderId).sort()).toEqual([echo.id, judge.id].sort());
      expect(scores.every((s) => s.source === 'grader')).toBe(true);
      const judged = scores.find((s) => s.graderId === judge.id)!;
      expect(judged.graderVersionId).toBe(judge.latest.id);
      // The judge's exact cost is the result's judge cost, and the score's.
      expect(judged.costUsd).toBeGreaterThan(0);
      expect(r.judgeCostUsd).toBeCloseTo(judged.costUsd!, 12);
      expect(card.costUsd).toBeCloseTo(judged.costUsd!, 12);
    }
    expect(run.totals).toMatchObject({ pass: 3, fail: 3, unscored: 0 });
    expect(run.totals.judgeCostUsd).toBeGreaterThan(0);
  });

  it('leaves cases unscored, never passed, when an item waits for a reviewer', async () => {
    const run = await core.services.runs.wait((await start({ name: 'reviewed' })).id);
    expect(run.totals).toMatchObject({ pass: 0, fail: 0, unscored: 6, passRate: 0 });
    for (const r of await results(run.id)) {
      expect(r.status).toBe('unscored');
      expect(r.score).toBeNull();
      const card = r.matchers.find((m) => m.type === 'scorecard')!;
      expect(card).toMatchObject({ pass: false, unscored: true });
      expect(card.graders?.[1]).toMatchObject({ name: 'Reviewer', state: 'missing' });
      // Only the machine grader scored; the reviewer's score is a person's to give.
      expect((await scoresOf(r.id)).map((s) => s.graderId)).toEqual([echo.id]);
    }
  });

  it('resumes with the pinned versions and stores no score twice', async () => {
    fake.latencyMs = 40;
    let started: RunView;
    try {
      started = await start({ name: 'words' }, { concurrency: 1, bypassCache: true });
      for (let i = 0; i < 400; i++) {
        if ((await core.services.runs.view(started.id)).totals.results >= 2) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await call('evals.cancel', { runId: started.id });
      const cancelled = await core.services.runs.wait(started.id);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.totals.results).toBeLessThan(6);
    } finally {
      fake.latencyMs = 0;
    }
    // Edited since: a new judge version and a new scorecard version the resume must not use.
    await call('graders.update', { id: judge.id, rubric: 'Changed after the run started.' });
    const card = (await call('scorecards.list', {})).scorecards.find((c) => c.name === 'words')!;
    await call('scorecards.update', { id: card.id, body: { ...card.body, passThreshold: 0.1 } });
    await call('evals.resume', { runId: started.id });
    const run = await core.services.runs.wait(started.id);
    expect(run.status).toBe('completed');
    expect(run.scorers?.scorecard?.version).toBe(1);
    const rows = await results(run.id);
    expect(rows).toHaveLength(6);
    expect(run.totals).toMatchObject({ pass: 3, fail: 3 });
    for (const r of rows) {
      const scores = await scoresOf(r.id);
      expect(scores).toHaveLength(2);
      expect(scores.find((s) => s.graderId === judge.id)?.graderVersionId).toBe(judge.latest.id);
    }
  });

  it("keeps its judge's calls within the run's concurrency", async () => {
    fake.latencyMs = 15;
    fake.peakInFlight = 0;
    try {
      const started = await start({ name: 'words' }, { concurrency: 2, bypassCache: true });
      const run = await core.services.runs.wait(started.id);
      // The latest version now (edited above): it passes at 10%, so every case passes.
      expect(run.scorers?.scorecard?.version).toBe(2);
      expect(run.totals).toMatchObject({ results: 6, pass: 6, fail: 0 });
      // A case's judge call stays in its slot: never more than 2 calls at once.
      expect(fake.peakInFlight).toBe(2);
    } finally {
      fake.latencyMs = 0;
    }
  });

  it('refuses an unknown, archived or missing version of a scorecard, naming the field', async () => {
    const unknown = await dispatch('evals.start', {
      ...base,
      scorers: { scorecard: { name: 'nope' } },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (unknown.ok) return;
    expect(unknown.error.details).toEqual({
      issues: [{ path: 'scorers.scorecard', message: 'no scorecard named "nope"' }],
    });
    const version = await dispatch('evals.preflight', {
      ...base,
      scorers: { scorecard: { name: 'reviewed', version: 9 } },
    });
    expect(version).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (version.ok) return;
    expect((version.error.details as { issues: { path: string }[] }).issues[0]?.path).toBe(
      'scorers.scorecard.version',
    );
    const old = await call('scorecards.create', {
      name: 'old',
      body: { items: [{ graderId: echo.id }], passThreshold: 0.5 },
    });
    await call('scorecards.archive', { id: old.id, archived: true });
    for (const scorecard of [{ name: 'old' }, { id: old.id }]) {
      const archived = await dispatch('evals.start', { ...base, scorers: { scorecard } });
      expect(archived).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (archived.ok) return;
      expect(archived.error.message).toContain('scorers.scorecard: scorecard "old" is archived');
    }
    const both = await dispatch('evals.start', {
      ...base,
      scorers: { scorecard: { name: 'old', id: old.id } },
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('pre-flight reports a judge whose provider is not set up', async () => {
    const claude = await call('graders.create', {
      name: 'Claude judge',
      definition: {
        kind: 'llm_judge',
        prompt: { name: 'assay-judge-relevance' },
        model: { provider: 'anthropic', model: 'claude-haiku-4-5' },
      },
      scoreConfig: { type: 'boolean' },
    });
    await call('scorecards.create', {
      name: 'claude',
      body: { items: [{ graderId: echo.id }, { graderId: claude.id }], passThreshold: 0.5 },
    });
    const check = await call('evals.preflight', {
      ...base,
      scorers: { scorecard: { name: 'claude' } },
    });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      {
        kind: 'scorecard-unusable',
        scorecard: 'claude',
        grader: 'Claude judge',
        message: expect.stringContaining('no Anthropic API key is set') as unknown as string,
      },
    ]);
    const refused = await dispatch('evals.start', {
      ...base,
      scorers: { scorecard: { name: 'claude' } },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('deleting a scored run', () => {
  const DAY_MS = 86_400_000;
  /** Today's count of a grader on the words scorecard, as read at `now`. */
  async function todaysCount(graderId: string, now: number): Promise<number> {
    const card = (await call('scorecards.list', {})).scorecards.find((c) => c.name === 'words')!;
    const today = new Date().toISOString().slice(0, 10);
    const input = channels['scorecards.dashboard'].input.parse({
      id: card.id,
      from: today,
      to: today,
    }) as ParsedInput<'scorecards.dashboard'>;
    const dashboard = await core.services.qualityInsights.dashboard(input, now);
    return dashboard.series
      .filter((p) => p.graderId === graderId && p.split === null)
      .reduce((n, p) => n + p.count, 0);
  }

  it("forgets its results' scores, also in a day already summed, and keeps other runs'", async () => {
    const gone = await core.services.runs.wait((await start({ name: 'words' })).id);
    const kept = await core.services.runs.wait((await start({ name: 'words' })).id);
    const goneResults = await results(gone.id);
    const keptResults = await results(kept.id);
    expect(goneResults).toHaveLength(6);
    for (const r of goneResults) expect(await scoresOf(r.id)).toHaveLength(2);
    // Read as of tomorrow, today has ended: the dashboard sums it and reads the sums after.
    const tomorrow = Date.now() + DAY_MS;
    const summedBefore = await todaysCount(judge.id, tomorrow);
    const liveBefore = await todaysCount(judge.id, Date.now());
    expect(summedBefore).toBe(liveBefore);
    const marks = await core.store.db
      .selectFrom('score_day_done')
      .select('day')
      .where('grader_id', '=', judge.id)
      .execute();
    expect(marks).toHaveLength(1);

    const echoBefore = await todaysCount(echo.id, tomorrow);
    expect(await call('evals.delete', { runId: gone.id })).toEqual({ deleted: true });

    for (const r of goneResults) expect(await scoresOf(r.id)).toEqual([]);
    for (const r of keptResults) expect(await scoresOf(r.id)).toHaveLength(2);
    expect(await todaysCount(judge.id, tomorrow)).toBe(summedBefore - 6);
    expect(await todaysCount(echo.id, tomorrow)).toBe(echoBefore - 6);
    expect(await todaysCount(judge.id, Date.now())).toBe(liveBefore - 6);
  });
});
