import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { sampled } from '../../main/quality/online/rule-match';
import type { ScoreView } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { judgeReplies } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { coreCall } from '../support/core-call';
import { openScoringCore, ruleStatus, ruleUntil, walked } from '../support/online-scoring-core';
import { tempDir } from '../support/temp-dir';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * Online scoring end to end: interactions logged through the contract, rules walking them in
 * the background, judges called through the real OpenAI SDK against the fake server.
 */
let fake: FakeServer;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  fake = await startOpenAiFake();
  // A judge (its prompt holds <output>) gets a verdict; anything else the echo.
  fake.reply = judgeReplies(() => ({
    reason: 'all of it answers the question',
    level: 'Bullseye',
  }));
  // Kept for the whole file (tempDir's go after each test); removed in afterAll.
  dataDir = tempDirKept('assay-online-scoring-');
  core = await openScoringCore(dataDir, `${fake.url}/v1`);
});
afterAll(async () => {
  await core.close();
  await fake.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = <C extends Parameters<typeof coreCall>[1]>(
  channel: C,
  input: Parameters<typeof coreCall<C>>[2],
) => coreCall(core, channel, input);

async function deterministicGrader(name: string, word: string) {
  return call('graders.create', {
    name,
    definition: {
      kind: 'deterministic',
      check: { type: 'matcher', matcher: { type: 'contains', value: word } },
    },
    scoreConfig: { type: 'boolean' },
  });
}

async function scorecard(name: string, graderIds: string[]) {
  return call('scorecards.create', {
    name,
    body: { items: graderIds.map((graderId) => ({ graderId })), passThreshold: 0.5 },
  });
}

async function ingest(n: number, type: string, extra: (i: number) => object = () => ({})) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const made = await call('interactions.create', {
      type,
      input: {
        messages: [
          { role: 'system', content: 'Answer in one sentence.' },
          { role: 'user', content: `Where is Paris? (${i})` },
        ],
      },
      output: `Paris is in France, case ${i}.`,
      ...extra(i),
    });
    ids.push(made.id);
  }
  return ids;
}

async function graderScores(graderId: string): Promise<ScoreView[]> {
  return (await call('scores.list', { graderId, limit: 1000 })).scores;
}

describe('online scoring rules', () => {
  it('scores about the sampled share of 1,000 interactions, exactly the ones its hash picks', async () => {
    const grader = await deterministicGrader('Mentions Paris', 'Paris');
    const card = await scorecard('Paris card', [grader.id]);
    const rule = await call('scoringRules.create', {
      name: 'Ten percent',
      scorecardId: card.id,
      filter: { types: ['sampled'] },
      sampling: 0.1,
      dailyBudgetUsd: null,
    });
    expect(rule.status).toMatchObject({ state: 'running', scored: 0, skipped: 0 });
    const ids = await ingest(1_000, 'sampled');
    // Other types are walked past: the filter says no.
    await ingest(5, 'other');
    const done = await ruleUntil(core, rule.id, walked(1_005));
    const n = 1_000;
    const sigma = Math.sqrt(n * 0.1 * 0.9);
    expect(Math.abs(done.status.scored - n * 0.1)).toBeLessThan(4 * sigma);
    expect(done.status.skipped).toBe(1_005 - done.status.scored);
    const scores = await graderScores(grader.id);
    expect(scores).toHaveLength(done.status.scored);
    const expected = ids.filter((id) => sampled(rule.id, id, 0.1)).sort();
    expect(scores.map((s) => s.target.id).sort()).toEqual(expected);
    expect(scores.every((s) => s.value === 1 && s.source === 'grader' && s.costUsd === 0)).toBe(
      true,
    );
  });

  it('stops judging when the daily budget is spent, says why, and keeps scoring deterministically', async () => {
    const graders = (await call('graders.list', {})).graders;
    const relevance = graders.find((g) => g.name === 'Relevance' && g.builtIn)!;
    const paris = await deterministicGrader('Paris again', 'Paris');
    const card = await scorecard('Judged card', [relevance.id, paris.id]);
    const budget = 0.0002;
    const rule = await call('scoringRules.create', {
      name: 'Tiny budget',
      scorecardId: card.id,
      filter: { types: ['judged'] },
      sampling: 1,
      dailyBudgetUsd: budget,
    });
    const before = fake.requests.length;
    await ingest(20, 'judged');
    const done = await ruleUntil(core, rule.id, walked(20));
    expect(done.status.state).toBe('paused');
    expect(done.status.reason).toMatch(
      /^paused: spent \$0\.000\d+ of its \$0\.000200 daily judge budget on \d{4}-\d\d-\d\d \(UTC\); it resumes tomorrow$/,
    );
    expect(done.status.spentTodayUsd).toBeGreaterThanOrEqual(budget);
    const calls = fake.requests.length - before;
    const judged = await graderScores(relevance.id);
    // Each call gave a score (the built-in judge prompt answered, the registry having none).
    expect(judged).toHaveLength(calls);
    expect(judged.every((s) => s.level === 'Bullseye' && (s.costUsd ?? 0) > 0)).toBe(true);
    const spent = judged.reduce((sum, s) => sum + s.costUsd!, 0);
    expect(done.status.spentTodayUsd).toBeCloseTo(spent, 12);
    // No call started once spent: at most the two in flight (concurrency) ran past it.
    const perCall = spent / calls;
    expect(calls).toBeLessThanOrEqual(Math.ceil(budget / perCall) + 2);
    expect(done.status.budgetSkipped).toBe(20 - calls);
    expect(
      (await graderScores(paris.id)).filter((s) => s.value === 1).length,
    ).toBeGreaterThanOrEqual(20);
    const spans = await core.store.db
      .selectFrom('span')
      .select('kind')
      .where('kind', '=', 'judge')
      .execute();
    expect(spans.length).toBeGreaterThanOrEqual(calls);
    // Raising the budget resumes judging what arrives next.
    await call('scoringRules.update', { id: rule.id, dailyBudgetUsd: 100 });
    await ingest(2, 'judged');
    const resumed = await ruleUntil(core, rule.id, walked(22));
    expect(resumed.status.state).toBe('running');
    expect(await graderScores(relevance.id)).toHaveLength(calls + 2);
  });
});

describe('online scoring across restarts, grader changes and failures', () => {
  it('resumes from its position after the core is closed and opened again, scoring none twice', async () => {
    // A core of its own: its data directory lives for this test only.
    const dir = tempDir('assay-online-restart-');
    let own = await openScoringCore(dir, `${fake.url}/v1`);
    const on = <C extends Parameters<typeof coreCall>[1]>(
      channel: C,
      input: Parameters<typeof coreCall<C>>[2],
    ) => coreCall(own, channel, input);
    const grader = await on('graders.create', {
      name: 'Restart grader',
      definition: {
        kind: 'deterministic',
        check: { type: 'matcher', matcher: { type: 'contains', value: 'France' } },
      },
      scoreConfig: { type: 'boolean' },
    });
    const card = await on('scorecards.create', {
      name: 'Restart card',
      body: { items: [{ graderId: grader.id }], passThreshold: 0.5 },
    });
    const rule = await on('scoringRules.create', {
      name: 'Restarts',
      scorecardId: card.id,
      sampling: 0.5,
      dailyBudgetUsd: null,
    });
    const ingestOwn = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++)
        ids.push(
          (
            await on('interactions.create', {
              type: 'restart',
              input: `q${i}`,
              output: `France ${i}`,
            })
          ).id,
        );
      return ids;
    };
    const first = await ingestOwn(300);
    // Closed at once: the runner is stopped wherever it got to, mid-walk or not.
    const atClose = (await ruleStatus(own, rule.id)).status;
    await own.close();
    own = await openScoringCore(dir, `${fake.url}/v1`);
    try {
      const reopened = (await ruleStatus(own, rule.id)).status;
      expect(reopened.scored + reopened.skipped).toBeGreaterThanOrEqual(
        atClose.scored + atClose.skipped,
      );
      const second = await ingestOwn(300);
      const done = await ruleUntil(own, rule.id, walked(600));
      expect(done.status.scored + done.status.skipped).toBe(600);
      const expected = [...first, ...second].filter((id) => sampled(rule.id, id, 0.5)).sort();
      expect(done.status.scored).toBe(expected.length);
      const scores = (await on('scores.list', { graderId: grader.id, limit: 1000 })).scores;
      expect(scores.map((s) => s.target.id).sort()).toEqual(expected);
    } finally {
      await own.close();
    }
  });

  it('rescores what it scored with a grader’s new version, on request', async () => {
    const grader = await deterministicGrader('Rescored', 'Paris');
    const card = await scorecard('Rescore card', [grader.id]);
    const rule = await call('scoringRules.create', {
      name: 'Rescore',
      scorecardId: card.id,
      filter: { types: ['rescore'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    const ids = await ingest(30, 'rescore');
    await ruleUntil(core, rule.id, walked(30));
    const v2 = await call('graders.update', {
      id: grader.id,
      definition: {
        kind: 'deterministic',
        check: { type: 'matcher', matcher: { type: 'contains', value: 'Berlin' } },
      },
    });
    expect(v2.latest.version).toBe(2);
    // Nothing changes by itself: a rescore is asked for.
    expect((await ruleStatus(core, rule.id)).status.rescore.pending).toBe(false);
    const asked = await call('scoringRules.rescore', { id: rule.id });
    expect(asked.status.rescore).toEqual({ pending: true, rescored: 0 });
    const done = await ruleUntil(core, rule.id, (r) => !r.status.rescore.pending);
    expect(done.status.rescore.rescored).toBe(30);
    const scores = await graderScores(grader.id);
    const byVersion = (id: string) => scores.filter((s) => s.graderVersionId === id);
    expect(
      byVersion(v2.latest.id)
        .map((s) => s.target.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(byVersion(v2.latest.id).every((s) => s.value === 0)).toBe(true);
    expect(scores.filter((s) => s.graderVersionId !== v2.latest.id && s.value === 1)).toHaveLength(
      30,
    );
    // What arrives next is scored with the new version only; a second rescore finds nothing to do.
    await ingest(1, 'rescore');
    await ruleUntil(core, rule.id, walked(31));
    expect(await graderScores(grader.id)).toHaveLength(61);
    await call('scoringRules.rescore', { id: rule.id });
    const again = await ruleUntil(core, rule.id, (r) => !r.status.rescore.pending);
    expect(again.status.rescore.rescored).toBe(0);
  });

  it('holds at a provider failure, says so, and picks up where it stopped once it recovers', async () => {
    const judge = await call('graders.create', {
      name: 'Outage judge',
      definition: {
        kind: 'llm_judge',
        prompt: { name: 'assay-judge-relevance' },
        model: { provider: 'openai', model: 'gpt-4o-mini' },
      },
      scoreConfig: { type: 'boolean' },
    });
    const card = await scorecard('Outage card', [judge.id]);
    const rule = await call('scoringRules.create', {
      name: 'Outage',
      scorecardId: card.id,
      filter: { types: ['outage'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    // A key refused is not retried by the call path: the rule itself holds and retries.
    fake.faults.setRandom(1, [{ kind: 'status', status: 401 }]);
    const ids = await ingest(5, 'outage');
    const failing = await ruleUntil(core, rule.id, (r) => r.status.lastError !== null);
    expect(failing.status.lastError).toMatch(/401|key|auth/i);
    expect(failing.status.scored).toBe(0);
    expect(await graderScores(judge.id)).toHaveLength(0);
    // The judge answers now, in a shape this boolean grader cannot read: unscored, with why.
    fake.faults.clear();
    const done = await ruleUntil(core, rule.id, (r) => walked(5)(r) && r.status.lastError === null);
    expect(done.status.scored).toBe(5);
    const scores = await graderScores(judge.id);
    expect(scores.map((s) => s.target.id).sort()).toEqual([...ids].sort());
    expect(scores.every((s) => s.value === null && (s.reason ?? '') !== '')).toBe(true);
  });

  it('records a grader that fails as no score with its reason, and leaves human graders to people', async () => {
    const thrower = await call('graders.create', {
      name: 'Throws',
      definition: { kind: 'code', source: 'throw new Error("no verdict for " + target.output)' },
      scoreConfig: { type: 'boolean' },
    });
    const person = await call('graders.create', {
      name: 'Person',
      definition: { kind: 'human', instructions: 'Read it.' },
      scoreConfig: { type: 'boolean' },
    });
    const card = await scorecard('Failing card', [thrower.id, person.id]);
    const rule = await call('scoringRules.create', {
      name: 'Failing',
      scorecardId: card.id,
      filter: { types: ['failing'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    await ingest(3, 'failing');
    await ruleUntil(core, rule.id, walked(3));
    const scores = await graderScores(thrower.id);
    expect(scores).toHaveLength(3);
    for (const s of scores) {
      expect(s.value).toBeNull();
      expect(s.reason).toMatch(/no verdict for Paris is in France/);
    }
    expect(await graderScores(person.id)).toHaveLength(0);
  });

  it('judges with the registry’s prompt of the built-in name once a user creates one', async () => {
    await call('prompts.create', {
      name: 'assay-judge-conciseness',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', content: 'House rules for brevity.\n{{rubric}}\n{{answer_format}}' },
          { role: 'user', content: 'OVERRIDDEN <output>{{output}}</output>' },
        ],
      },
    });
    const conciseness = (await call('graders.list', {})).graders.find(
      (g) => g.name === 'Conciseness',
    )!;
    const card = await scorecard('Override card', [conciseness.id]);
    await call('scoringRules.create', {
      name: 'Override',
      scorecardId: card.id,
      filter: { types: ['override'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    const before = fake.requests.length;
    const [id] = await ingest(1, 'override');
    const scores = await (async () => {
      for (let i = 0; i < 400; i++) {
        const found = (await call('scores.list', { target: { type: 'interaction', id: id! } }))
          .scores;
        if (found.length > 0) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('never scored');
    })();
    expect(scores[0]).toMatchObject({ name: 'Conciseness', level: 'Bullseye' });
    const sent = JSON.stringify(fake.requests.slice(before).map((r) => r.body));
    expect(sent).toContain('OVERRIDDEN <output>Paris is in France, case 0.</output>');
  });
});

describe('what a rule walks', () => {
  it('scores an interaction that arrives behind its walk (an app’s own older time), once', async () => {
    const grader = await deterministicGrader('Late grader', 'Paris');
    const card = await scorecard('Late card', [grader.id]);
    const rule = await call('scoringRules.create', {
      name: 'Late',
      scorecardId: card.id,
      filter: { types: ['late'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    await ingest(3, 'late');
    const walkedPast = await ruleUntil(core, rule.id, walked(3));
    expect(walkedPast.status.through).not.toBeNull();
    // After the rule started, but before what it has walked: only the event can bring it.
    const behind = new Date(Date.parse(rule.createdAt) + 1).toISOString();
    const [late] = await ingest(1, 'late', () => ({ createdAt: behind }));
    // Before the rule started: not its business.
    const [before] = await ingest(1, 'late', () => ({
      createdAt: new Date(Date.parse(rule.createdAt) - 60_000).toISOString(),
    }));
    const done = await ruleUntil(core, rule.id, (r) => r.status.scored === 4);
    expect(done.status.through).toBe(walkedPast.status.through);
    const targets = (await graderScores(grader.id)).map((s) => s.target.id);
    expect(targets).toHaveLength(4);
    expect(targets).toContain(late);
    expect(targets).not.toContain(before);
  });

  it('scores nothing while disabled, and what arrives after it is enabled again', async () => {
    const grader = await deterministicGrader('Toggle grader', 'Paris');
    const card = await scorecard('Toggle card', [grader.id]);
    const rule = await call('scoringRules.create', {
      name: 'Toggle',
      scorecardId: card.id,
      filter: { types: ['toggle'] },
      sampling: 1,
      dailyBudgetUsd: null,
      enabled: false,
    });
    expect(rule.status).toMatchObject({
      state: 'disabled',
      reason: expect.stringMatching(/^disabled/),
    });
    await ingest(3, 'toggle');
    // A rule starts at the millisecond it is enabled: one created in that very millisecond is its.
    await new Promise((r) => setTimeout(r, 5));
    const on = await call('scoringRules.update', { id: rule.id, enabled: true });
    expect(on.status.state).toBe('running');
    const [after] = await ingest(1, 'toggle');
    await ruleUntil(core, rule.id, walked(1));
    await new Promise((r) => setTimeout(r, 200));
    const scores = await graderScores(grader.id);
    expect(scores.map((s) => s.target.id)).toEqual([after]);
    expect((await ruleStatus(core, rule.id)).status).toMatchObject({ scored: 1, skipped: 0 });
  });
});

describe('where pages are graded', () => {
  it('on SQLite on the grading worker (its own connection), scoring each interaction once per grader', async () => {
    const a = await deterministicGrader('Worker says Paris', 'Paris');
    const b = await deterministicGrader('Worker says France', 'France');
    const card = await scorecard('Worker card', [a.id, b.id]);
    const rule = await call('scoringRules.create', {
      name: 'On the worker',
      scorecardId: card.id,
      filter: { types: ['worker-check'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    const sqlite = core.store.dialect === 'sqlite';
    // The worker starts with the runner's first page (a few hundred ms; pages run here until then).
    const end = Date.now() + 20_000;
    let warmUps = 0;
    while (sqlite && core.services.scoringRules.runnerStats().grading !== 'worker') {
      if (Date.now() > end) throw new Error('the grading worker did not start');
      await ingest(1, 'warm-up');
      warmUps += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = core.services.scoringRules.runnerStats();
    const ids = await ingest(300, 'worker-check');
    const done = await ruleUntil(core, rule.id, walked(300 + warmUps));
    // The warm-ups are another type: walked past, not scored.
    expect(done.status).toMatchObject({ scored: 300, skipped: warmUps });
    const after = core.services.scoringRules.runnerStats();
    if (sqlite) {
      expect(after.grading).toBe('worker');
      expect(after.workerMs).toBeGreaterThan(before.workerMs);
    } else expect(after.grading).toBe('in-thread');
    for (const grader of [a, b]) {
      const targets = (await graderScores(grader.id)).map((s) => s.target.id).sort();
      expect(targets).toEqual([...ids].sort());
    }
  });
});

describe('matcher graders that call a model', () => {
  it('refuses a rule on a scorecard holding one, naming it, and leaves one added later out of the plan', async () => {
    const words = await deterministicGrader('Says Paris', 'Paris');
    const rubric = await call('graders.create', {
      name: 'Rubric matcher',
      definition: {
        kind: 'deterministic',
        check: { type: 'matcher', matcher: { type: 'llm-rubric', rubric: 'Names a city' } },
      },
      scoreConfig: { type: 'boolean' },
    });
    const mixed = await scorecard('Needs a model', [words.id, rubric.id]);
    const refused = await core.dispatcher.dispatch(
      'scoringRules.create',
      { name: 'Model matcher', scorecardId: mixed.id, sampling: 1, dailyBudgetUsd: null },
      { transport: 'http' },
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('VALIDATION_FAILED');
    expect(refused.error.message).toContain('"Rubric matcher"');
    expect(refused.error.details).toMatchObject({ issues: [{ path: 'scorecardId' }] });

    // A rule on a card without it; the card then gains it in a new version.
    const card = await scorecard('Gains a model matcher', [words.id]);
    const rule = await call('scoringRules.create', {
      name: 'Model matcher later',
      scorecardId: card.id,
      filter: { types: ['model-matcher'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    await call('scorecards.update', {
      id: card.id,
      body: { items: [{ graderId: words.id }, { graderId: rubric.id }], passThreshold: 0.5 },
    });
    const ids = await ingest(3, 'model-matcher');
    await ruleUntil(core, rule.id, walked(3));
    const said = await graderScores(words.id);
    expect(said.filter((s) => ids.includes(s.target.id))).toHaveLength(3);
    expect(await graderScores(rubric.id)).toHaveLength(0);
  });
});

describe('the rule register', () => {
  it('names the field of every refusal', async () => {
    const grader = await deterministicGrader('Register grader', 'x');
    const card = await scorecard('Register card', [grader.id]);
    const base = { name: 'Register', scorecardId: card.id, sampling: 1, dailyBudgetUsd: 1 };
    const answer = (channel: string, input: unknown) =>
      core.dispatcher.dispatch(channel, input, { transport: 'http' });
    const issue = (r: Awaited<ReturnType<typeof answer>>) =>
      r.ok
        ? null
        : {
            code: r.error.code,
            paths: (r.error.details as { issues?: { path: string }[] } | undefined)?.issues?.map(
              (i) => i.path,
            ),
          };
    expect(issue(await answer('scoringRules.create', { ...base, scorecardId: 'missing' }))).toEqual(
      { code: 'NOT_FOUND', paths: ['scorecardId'] },
    );
    expect(issue(await answer('scoringRules.create', { ...base, sampling: 1.5 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      paths: ['sampling'],
    });
    const made = await call('scoringRules.create', base);
    expect(made).toMatchObject({ dailyBudgetUsd: 1, enabled: true, filter: {} });
    expect(issue(await answer('scoringRules.create', base))).toEqual({
      code: 'CONFLICT',
      paths: ['name'],
    });
    expect(issue(await answer('scoringRules.update', { id: 'nope', sampling: 0.5 }))).toEqual({
      code: 'NOT_FOUND',
      paths: ['id'],
    });
    const off = await call('scoringRules.update', {
      id: made.id,
      enabled: false,
      dailyBudgetUsd: null,
    });
    expect(off.status).toMatchObject({ state: 'disabled' });
    expect(off.dailyBudgetUsd).toBeNull();
    await call('scoringRules.archive', { id: made.id, archived: true });
    expect((await call('scoringRules.list', {})).rules.map((r) => r.id)).not.toContain(made.id);
    const again = await call('scoringRules.create', base);
    expect(issue(await answer('scoringRules.archive', { id: made.id, archived: false }))).toEqual({
      code: 'CONFLICT',
      paths: ['name'],
    });
    expect(issue(await answer('scoringRules.rescore', { id: made.id }))).toEqual({
      code: 'VALIDATION_FAILED',
      paths: ['id'],
    });
    await call('scorecards.archive', { id: card.id, archived: true });
    expect(
      issue(await answer('scoringRules.update', { id: again.id, scorecardId: card.id })),
    ).toBeNull();
    const other = await scorecard('Register card 2', [grader.id]);
    await call('scorecards.archive', { id: other.id, archived: true });
    expect(
      issue(await answer('scoringRules.update', { id: again.id, scorecardId: other.id })),
    ).toEqual({ code: 'VALIDATION_FAILED', paths: ['scorecardId'] });
  });
});
