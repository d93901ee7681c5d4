import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { BULLSEYE_LEVELS } from '../../../shared/contract';
import type { ScoreTarget } from '../../../shared/contract/quality';
import { AssayError } from '../../../shared/errors';
import type { Store } from '../../store/store';
import { QualityInsightsService } from '../dashboard/quality-insights-service';
import { insertScore, insertSpan, insertTrace } from '../dashboard/test-targets';
import { QualityService } from '../quality-service';

let store: Store;
let quality: QualityService;
let insights: QualityInsightsService;
let accuracy: { id: string; v1: string; v2: string };
let expert: { id: string; v1: string };
let stars: { id: string; v1: string };

const target = (id: string): ScoreTarget =>
  id.startsWith('sp') ? { type: 'span', id } : { type: 'interaction', id };
let minute = 0;
/** Each stored score one minute after the one before: "newest" is the order they are written. */
const next = () => new Date(Date.UTC(2026, 2, 1, 8, minute++)).toISOString();
const level = (name: string) => BULLSEYE_LEVELS.find((l) => l.name === name)!;

async function score(
  grader: { id: string },
  versionId: string,
  id: string,
  levelName: string | null,
  source: 'grader' | 'human',
) {
  await insertScore(store.db, {
    target: target(id),
    graderId: grader.id,
    graderVersionId: versionId,
    value: levelName === null ? null : level(levelName).value,
    level: levelName,
    source,
    createdAt: next(),
  });
}

// The judge (the built-in Accuracy grader) and people, on ten targets. B, O, R, W: Bullseye,
// One hop short, Right area, Wrong. [target, people, judge].
const PAIRS: [string, string, string][] = [
  ['t1', 'Bullseye', 'Bullseye'],
  ['t2', 'Bullseye', 'Bullseye'],
  ['t3', 'Bullseye', 'Bullseye'],
  ['t4', 'One hop short', 'One hop short'],
  ['t5', 'One hop short', 'One hop short'],
  ['t6', 'Right area', 'Right area'],
  ['t7', 'Wrong', 'Wrong'],
  ['t8', 'Bullseye', 'One hop short'],
  ['t9', 'Right area', 'Wrong'],
  ['sp1', 'Wrong', 'Bullseye'],
];

beforeAll(async () => {
  store = await openTestStore();
  quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
  insights = new QualityInsightsService(store);
  await quality.seedBuiltIns();
  const builtIn = (await quality.listGraders({ includeArchived: false })).find(
    (g) => g.name === 'Accuracy',
  )!;
  const v2 = await quality.updateGrader({ id: builtIn.id, rubric: 'Stricter about dates.' });
  accuracy = { id: builtIn.id, v1: builtIn.latest.id, v2: v2.latest.id };
  const e = await quality.createGrader({
    name: 'Expert',
    description: '',
    rubric: '',
    definition: { kind: 'human', instructions: 'Judge as a domain expert.' },
    scoreConfig: { type: 'categorical', levels: [...BULLSEYE_LEVELS] },
  });
  expert = { id: e.id, v1: e.latest.id };
  const s = await quality.createGrader({
    name: 'Stars judge',
    description: '',
    rubric: '',
    definition: {
      kind: 'llm_judge',
      prompt: { name: 'stars' },
      model: { provider: 'openai', model: 'gpt-4o-mini' },
    },
    scoreConfig: { type: 'numeric', min: 0, max: 10, higherIsBetter: true },
  });
  stars = { id: s.id, v1: s.latest.id };
  await insertTrace(store.db, { id: 'tr1', provider: 'openai', model: 'gpt-4o' });
  await insertSpan(store.db, { id: 'sp1', traceId: 'tr1', provider: 'openai', model: 'gpt-4o' });

  // t1: the judge's version 1 said Wrong, then version 2 said Bullseye (the newest counts);
  // a person first said Wrong too, then Bullseye.
  await score(accuracy, accuracy.v1, 't1', 'Wrong', 'grader');
  await score(accuracy, accuracy.v1, 't1', 'Wrong', 'human');
  for (const [id, people, judge] of PAIRS) {
    await score(accuracy, id === 't1' ? accuracy.v2 : accuracy.v1, id, judge, 'grader');
    await score(accuracy, accuracy.v1, id, people, 'human');
  }
  // Not pairs: people only (t11), the judge only (t12), a judge that could not score (t13).
  await score(accuracy, accuracy.v1, 't11', 'Bullseye', 'human');
  await score(accuracy, accuracy.v1, 't12', 'Bullseye', 'grader');
  await score(accuracy, accuracy.v1, 't13', null, 'grader');
  await score(accuracy, accuracy.v1, 't13', 'Wrong', 'human');

  // The Expert grader, a reference the user may pick: agrees on t1, t6, t7, not on t2.
  for (const [id, name] of [
    ['t1', 'Bullseye'],
    ['t2', 'One hop short'],
    ['t6', 'Right area'],
    ['t7', 'Wrong'],
  ] as const)
    await score(expert, expert.v1, id, name, 'human');

  // A numeric judge on 0..10 against people, in quarters of the range.
  for (const [id, judge, people] of [
    ['n1', 7, 8],
    ['n2', 10, 9],
    ['n3', 0, 2],
  ] as const) {
    await insertScore(store.db, {
      target: target(id),
      graderId: stars.id,
      graderVersionId: stars.v1,
      value: judge,
      createdAt: next(),
    });
    await insertScore(store.db, {
      target: target(id),
      graderId: stars.id,
      graderVersionId: stars.v1,
      value: people,
      source: 'human',
      createdAt: next(),
    });
  }
});
afterAll(() => store.close());

describe('graders.calibration', () => {
  it("matches a hand-computed kappa against people's newest scores under the judge", async () => {
    // Rows (people) x columns (judge) in B, O, R, W order, newest score per target:
    //   B: 3 1 0 0 | O: 0 2 0 0 | R: 0 0 1 1 | W: 1 0 0 1      (n = 10, 7 agree)
    // observed 0.7; row sums 4,2,2,2; column sums 4,3,1,2;
    // chance = (16 + 6 + 2 + 4) / 100 = 0.28; kappa = 0.42 / 0.72 = 7/12 (under 0.6: flagged).
    const c = await insights.calibration({ id: accuracy.id });
    expect(c).toMatchObject({
      reference: { kind: 'human', graderId: accuracy.id, graderName: 'Accuracy' },
      labelling: 'levels',
      levels: ['Bullseye', 'One hop short', 'Right area', 'Wrong'],
      n: 10,
      referenceTargets: 12,
      flagged: true,
      version: null,
    });
    expect(c.exact).toBeCloseTo(0.7, 12);
    expect(c.kappa).toBeCloseTo(7 / 12, 12);
    expect(c.confusion).toEqual([
      [3, 1, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 1, 1],
      [1, 0, 0, 1],
    ]);
    const listed = c.disagreements.map((d) => [d.link.target.id, d.reference, d.judge]);
    expect(listed.sort()).toEqual([
      ['sp1', 'Wrong', 'Bullseye'],
      ['t8', 'Bullseye', 'One hop short'],
      ['t9', 'Right area', 'Wrong'],
    ]);
    const span = c.disagreements.find((d) => d.link.target.id === 'sp1')!;
    expect(span.link).toEqual({ target: { type: 'span', id: 'sp1' }, traceId: 'tr1', runId: null });
    expect(c.disagreementsOmitted).toBe(0);
  });

  it("reads only one version's judge scores when asked", async () => {
    // Version 1 only: t1's judge score is Wrong. Column sums 3,3,1,3; 6 agree.
    // chance = (12 + 6 + 2 + 6) / 100 = 0.26; kappa = 0.34 / 0.74 = 17/37.
    const c = await insights.calibration({ id: accuracy.id, version: 1 });
    expect(c.version).toBe(1);
    expect(c.n).toBe(10);
    expect(c.exact).toBeCloseTo(0.6, 12);
    expect(c.kappa).toBeCloseTo(17 / 37, 12);
  });

  it('compares with another grader when one is chosen as the reference', async () => {
    // (B,B) (O,B) (R,R) (W,W): observed 0.75, chance (2 + 0 + 1 + 1) / 16 = 0.25, kappa 2/3.
    const c = await insights.calibration({ id: accuracy.id, referenceGraderId: expert.id });
    expect(c.reference).toEqual({ kind: 'grader', graderId: expert.id, graderName: 'Expert' });
    expect(c.n).toBe(4);
    expect(c.kappa).toBeCloseTo(2 / 3, 12);
    expect(c.flagged).toBe(false);
  });

  it('compares numeric scores in quarters of the range', async () => {
    const c = await insights.calibration({ id: stars.id });
    expect(c.labelling).toBe('bins');
    expect(c.levels).toEqual(['0–2.5', '2.5–5', '5–7.5', '7.5–10']);
    expect(c.n).toBe(3);
    // (7.5–10, 5–7.5) (7.5–10, 7.5–10) (0–2.5, 0–2.5): observed 2/3; rows 1 (0–2.5), 2 (7.5–10);
    // columns 1, 1 (5–7.5), 1; chance = (1 + 2) / 9 = 1/3; kappa = (1/3) / (2/3) = 0.5.
    expect(c.exact).toBeCloseTo(2 / 3, 12);
    expect(c.kappa).toBeCloseTo(0.5, 12);
    expect(c.disagreements.map((d) => [d.reference, d.judge])).toEqual([['7.5–10', '5–7.5']]);
  });

  it('refuses a reference on another kind of scale, and unknown graders, naming the field', async () => {
    const safety = (await quality.listGraders({ includeArchived: false })).find(
      (g) => g.name === 'Safety',
    )!;
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (e: unknown) =>
          e instanceof AssayError
            ? [e.code, (e.details as { issues: { path: string }[] }).issues[0]!.path]
            : e,
      );
    await expect(
      refusal(insights.calibration({ id: accuracy.id, referenceGraderId: safety.id })),
    ).resolves.toEqual(['VALIDATION_FAILED', 'referenceGraderId']);
    await expect(refusal(insights.calibration({ id: 'nope' }))).resolves.toEqual([
      'NOT_FOUND',
      'id',
    ]);
    await expect(refusal(insights.calibration({ id: accuracy.id, version: 7 }))).resolves.toEqual([
      'NOT_FOUND',
      'version',
    ]);
  });
});

describe('graders.calibrationFlags', () => {
  it('flags the judges under kappa 0.6 and leaves judges without human scores unflagged', async () => {
    const flags = await insights.calibrationFlags();
    const of = (id: string) => flags.find((f) => f.graderId === id);
    expect(of(accuracy.id)).toMatchObject({ n: 10, flagged: true });
    expect(of(accuracy.id)!.kappa).toBeCloseTo(7 / 12, 12);
    expect(of(stars.id)).toMatchObject({ n: 3, flagged: true });
    // Every other built-in judge: no human scores yet.
    const others = flags.filter((f) => f.graderId !== accuracy.id && f.graderId !== stars.id);
    expect(others).toHaveLength(7);
    for (const f of others)
      expect(f).toEqual({ graderId: f.graderId, n: 0, kappa: null, flagged: false });
    // A human grader is never a judge to flag.
    expect(of(expert.id)).toBeUndefined();
  });
});
