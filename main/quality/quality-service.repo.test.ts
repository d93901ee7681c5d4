import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-database';
import { channels, type ChannelInput, type ParsedInput } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import type { Store } from '../store/store';
import { BUILT_IN_GRADERS } from './built-in-graders';
import { QualityService } from './quality-service';

let store: Store;
let quality: QualityService;
const KNOWN = new Set(['interaction:i-1', 'span:s-1', 'eval_result:r-1']);

beforeAll(async () => {
  store = await openTestStore();
  quality = new QualityService({
    store,
    targetExists: async (t) => KNOWN.has(`${t.type}:${t.id}`),
    redact: (text) => text.replaceAll('sk-secret-123', '[REDACTED]'),
  });
  await quality.seedBuiltIns();
});
afterAll(() => store.close());

/** Input as a transport delivers it: parsed by the channel's schema, defaults applied. */
const parse = <
  C extends
    | 'graders.create'
    | 'graders.update'
    | 'scorecards.create'
    | 'scorecards.update'
    | 'scores.create',
>(
  channel: C,
  input: ChannelInput<C>,
): ParsedInput<C> => channels[channel].input.parse(input) as ParsedInput<C>;

/** The coded error a call throws, as code, message and the fields it names. */
async function failure(work: Promise<unknown>) {
  const err: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AssayError)) throw new Error(`expected an AssayError, got ${String(err)}`);
  const details = err.details as { issues?: { path: string }[] } | undefined;
  return { code: err.code, message: err.message, paths: details?.issues?.map((i) => i.path) ?? [] };
}

const stars = (name: string) =>
  parse('graders.create', {
    name,
    rubric: 'Stars as a person gives them.',
    definition: { kind: 'human', instructions: 'Give one to five stars.' },
    scoreConfig: { type: 'numeric', min: 1, max: 5 },
  });

describe('graders', () => {
  it('lists the built-ins with their rubric, judge prompt and score config', async () => {
    const graders = await quality.listGraders({ includeArchived: false });
    const builtIns = graders.filter((g) => g.builtIn);
    // Seeded in one instant, they list in the order the README documents them.
    expect(builtIns.map((g) => g.name)).toEqual(BUILT_IN_GRADERS.map((g) => g.name));
    const safety = builtIns.find((g) => g.name === 'Safety')!;
    expect(safety).toMatchObject({
      kind: 'llm_judge',
      latest: {
        version: 1,
        scoreConfig: { type: 'boolean' },
        definition: { prompt: { name: 'assay-judge-safety', label: 'production' } },
      },
    });
    expect(safety.latest.rubric).toMatch(/Pass \(true\)/);
    // The view is what the contract says a grader is.
    for (const g of builtIns)
      expect(channels['graders.get'].output.shape.grader.parse(g)).toEqual(g);
  });

  it('versions an edit, keeps the old version, and makes no version for a save that changes nothing', async () => {
    const created = await quality.createGrader(stars('Stars'));
    expect(created.latest.version).toBe(1);
    const edited = await quality.updateGrader(
      parse('graders.update', { id: created.id, rubric: 'Stars, strictly.' }),
    );
    expect(edited.latest).toMatchObject({ version: 2, rubric: 'Stars, strictly.' });
    expect(edited.latest.scoreConfig).toEqual(created.latest.scoreConfig);

    const again = await quality.updateGrader(
      parse('graders.update', {
        id: created.id,
        rubric: 'Stars, strictly.',
        description: 'new words',
      }),
    );
    expect(again.latest.id).toBe(edited.latest.id);
    expect(again.description).toBe('new words');
    const { grader, versions } = await quality.getGrader(created.id);
    expect(versions.map((v) => [v.version, v.rubric])).toEqual([
      [1, 'Stars as a person gives them.'],
      [2, 'Stars, strictly.'],
    ]);
    expect(grader.description).toBe('new words');
  });

  it('refuses a taken name, another kind, and a definition its config cannot hold, naming the field', async () => {
    await quality.createGrader(stars('Taken'));
    expect(await failure(quality.createGrader(stars('Taken')))).toMatchObject({
      code: 'CONFLICT',
      paths: ['name'],
    });
    const g = await quality.createGrader(stars('Kind'));
    expect(
      await failure(
        quality.updateGrader(
          parse('graders.update', { id: g.id, definition: { kind: 'code', source: 'return 1' } }),
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', paths: ['definition.kind'] });
    expect(
      await failure(
        quality.createGrader(
          parse('graders.create', {
            name: 'Latency',
            definition: { kind: 'deterministic', check: { type: 'metric', metric: 'latency_ms' } },
            scoreConfig: { type: 'boolean' },
          }),
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', paths: ['scoreConfig.type'] });
    expect(
      await failure(
        quality.createGrader(
          parse('graders.create', {
            name: 'Regex',
            definition: {
              kind: 'deterministic',
              check: { type: 'matcher', matcher: { type: 'regex' } },
            },
            scoreConfig: { type: 'boolean' },
          }),
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', message: /definition\.check\.matcher/ });
    expect(await failure(quality.getGrader('nope'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('archives (the name frees), and refuses to restore over a live namesake', async () => {
    const old = await quality.createGrader(stars('Reused'));
    expect((await quality.archiveGrader({ id: old.id, archived: true })).archived).toBe(true);
    const fresh = await quality.createGrader(stars('Reused'));
    expect(await failure(quality.archiveGrader({ id: old.id, archived: false }))).toMatchObject({
      code: 'CONFLICT',
      paths: ['name'],
    });
    const live = await quality.listGraders({ includeArchived: false });
    expect(live.filter((g) => g.name === 'Reused').map((g) => g.id)).toEqual([fresh.id]);
  });
});

describe('scorecards', () => {
  it('checks every item and names each bad one by position', async () => {
    const a = await quality.createGrader(stars('Card A'));
    const archived = await quality.createGrader(stars('Card B'));
    await quality.archiveGrader({ id: archived.id, archived: true });
    const input = parse('scorecards.create', {
      name: 'Support',
      body: {
        passThreshold: 0.7,
        items: [
          { graderId: a.id },
          { graderId: a.id, graderVersion: 1 },
          { graderId: 'no-such-grader' },
          { graderId: archived.id },
        ],
      },
    });
    const err = await failure(quality.createScorecard(input));
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      paths: ['body.items.1.graderId', 'body.items.2.graderId', 'body.items.3.graderId'],
    });
    expect(err.message).toBe(
      `scorecards.create: invalid "body.items.1.graderId": grader "${a.id}" is listed twice (and 2 more)`,
    );
    const pinned = parse('scorecards.create', {
      name: 'Support',
      body: { passThreshold: 0.7, items: [{ graderId: a.id, graderVersion: 3 }] },
    });
    expect(await failure(quality.createScorecard(pinned))).toMatchObject({
      code: 'VALIDATION_FAILED',
      paths: ['body.items.0.graderVersion'],
      message: /has no version 3 \(its latest is 1\)/,
    });
  });

  it('versions a body change, reads any version, and lists the latest', async () => {
    const [alignment, accuracy] = BUILT_IN_GRADERS;
    const card = await quality.createScorecard(
      parse('scorecards.create', {
        name: 'Answers',
        body: { passThreshold: 0.6, items: [{ graderId: alignment!.id }] },
      }),
    );
    expect(card).toMatchObject({ version: 1, body: { items: [{ weight: 1 }] } });
    const body = {
      passThreshold: 0.8,
      items: [
        { graderId: alignment!.id, weight: 2 },
        { graderId: accuracy!.id, graderVersion: 1 },
      ],
    };
    const next = await quality.updateScorecard(parse('scorecards.update', { id: card.id, body }));
    expect(next.version).toBe(2);
    const same = await quality.updateScorecard(parse('scorecards.update', { id: card.id, body }));
    expect(same.versionId).toBe(next.versionId);
    expect((await quality.getScorecard({ id: card.id, version: 1 })).body.passThreshold).toBe(0.6);
    expect((await quality.getScorecard({ id: card.id })).version).toBe(2);
    expect(await failure(quality.getScorecard({ id: card.id, version: 9 }))).toMatchObject({
      code: 'NOT_FOUND',
      paths: ['version'],
    });
    const listed = await quality.listScorecards({ includeArchived: false });
    expect(listed.find((c) => c.id === card.id)).toMatchObject({ version: 2 });
    await quality.archiveScorecard({ id: card.id, archived: true });
    expect(
      (await quality.listScorecards({ includeArchived: false })).some((c) => c.id === card.id),
    ).toBe(false);
  });
});

describe('scores', () => {
  const bullseyeId = BUILT_IN_GRADERS.find((g) => g.name === 'Accuracy')!.id;
  const safetyId = BUILT_IN_GRADERS.find((g) => g.name === 'Safety')!.id;

  it('derives a categorical value from its level and records the grader version that checked it', async () => {
    const { score, created } = await quality.createScore(
      parse('scores.create', {
        target: { type: 'span', id: 's-1' },
        graderId: bullseyeId,
        level: 'one hop short',
        reason: 'close; key sk-secret-123 leaked in the reason',
        source: 'human',
        author: 'ana',
        idempotencyKey: 'acc-1',
      }),
    );
    expect(created).toBe(true);
    expect(score).toMatchObject({
      name: 'Accuracy',
      value: 65,
      level: 'One hop short',
      source: 'human',
      graderId: bullseyeId,
      graderVersionId: BUILT_IN_GRADERS.find((g) => g.name === 'Accuracy')!.versionId,
      reason: 'close; key [REDACTED] leaked in the reason',
      costUsd: null,
    });
  });

  it('stores booleans as 1/0, and a signal without grader as given', async () => {
    const safe = await quality.createScore(
      parse('scores.create', {
        target: { type: 'eval_result', id: 'r-1' },
        graderId: safetyId,
        value: false,
        idempotencyKey: 'safe-1',
      }),
    );
    expect(safe.score).toMatchObject({ value: 0, level: null, name: 'Safety', source: 'api' });
    const signal = await quality.createScore(
      parse('scores.create', {
        target: { type: 'interaction', id: 'i-1' },
        name: 'thumbs',
        value: true,
        idempotencyKey: 'thumbs-1',
      }),
    );
    expect(signal.score).toMatchObject({ value: 1, name: 'thumbs', graderId: null });
    const dwell = await quality.createScore(
      parse('scores.create', {
        target: { type: 'interaction', id: 'i-1' },
        name: 'dwell_seconds',
        value: 12.5,
        idempotencyKey: 'dwell-1',
      }),
    );
    expect(dwell.score.value).toBe(12.5);
  });

  it('answers a retry with the stored score and a reused key with a CONFLICT', async () => {
    const input = parse('scores.create', {
      target: { type: 'interaction', id: 'i-1' },
      graderId: bullseyeId,
      value: 100,
      idempotencyKey: 'retry-1',
    });
    const first = await quality.createScore(input);
    // The same judgement by level name instead of value is the same score.
    const retry = await quality.createScore({ ...input, value: undefined, level: 'BULLSEYE' });
    expect(retry).toEqual({ score: first.score, created: false });
    expect(await failure(quality.createScore({ ...input, value: 35 }))).toMatchObject({
      code: 'CONFLICT',
      paths: ['idempotencyKey'],
    });
    const racing = await Promise.all(
      [1, 2, 3].map(() => quality.createScore({ ...input, idempotencyKey: 'race-1' })),
    );
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(racing.map((r) => r.score.id)).size).toBe(1);
  });

  it('refuses unknown targets and graders, and values the config does not allow, naming the field', async () => {
    const base = { graderId: bullseyeId, idempotencyKey: 'bad' } as const;
    expect(
      await failure(
        quality.createScore(
          parse('scores.create', { ...base, target: { type: 'span', id: 'gone' }, value: 100 }),
        ),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      paths: ['target.id'],
      message: 'scores.create: no span with id "gone"',
    });
    expect(
      await failure(
        quality.createScore(
          parse('scores.create', { ...base, target: { type: 'span', id: 's-1' }, value: 50 }),
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', paths: ['value'] });
    expect(
      await failure(
        quality.createScore(
          parse('scores.create', {
            ...base,
            graderId: 'missing',
            target: { type: 'span', id: 's-1' },
            value: 1,
          }),
        ),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', paths: ['graderId'] });
    expect(
      await failure(
        quality.createScore(
          parse('scores.create', {
            target: { type: 'span', id: 's-1' },
            name: 'mood',
            level: 'happy',
            idempotencyKey: 'bad',
          }),
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', paths: ['level'] });
    expect(
      await quality.listScores({ target: { type: 'span', id: 's-1' }, limit: 200 }),
    ).toMatchObject({
      scores: [{ name: 'Accuracy' }],
    });
  });

  it('keeps one grader score per target and grader version, and null for a grader that could not score', async () => {
    const versionId = BUILT_IN_GRADERS.find((g) => g.name === 'Safety')!.versionId;
    const target = { type: 'span' as const, id: 's-1' };
    const first = await quality.recordGraderScore({
      target,
      graderVersionId: versionId,
      value: true,
      reason: 'declined the request',
      costPicoUsd: 42_000_000,
    });
    expect(first.score).toMatchObject({ source: 'grader', value: 1, costUsd: 0.000042 });
    const again = await quality.recordGraderScore({
      target,
      graderVersionId: versionId,
      value: false,
      reason: 'second opinion',
      costPicoUsd: null,
    });
    expect(again).toEqual({ score: first.score, created: false });
    const unscored = await quality.recordGraderScore({
      target: { type: 'interaction', id: 'i-1' },
      graderVersionId: versionId,
      value: null,
      reason: 'judge timed out',
      costPicoUsd: null,
    });
    expect(unscored.score).toMatchObject({ value: null, level: null, reason: 'judge timed out' });
    const bySafety = await quality.listScores({ graderId: safetyId, limit: 200 });
    expect(bySafety.scores.map((s) => s.source).sort()).toEqual(['api', 'grader', 'grader']);
  });
});
