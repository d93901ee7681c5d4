import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import {
  caseOf,
  GEO_SCORECARD,
  geoReply,
  runStopped,
  seedGeo,
  type GeoSeed,
} from '../support/backtest-fixture';
import { openTestCore, openTestStoreFor } from '../support/test-database';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * Backtest runs past the happy path: a cancel and a resume that replays nothing twice, a run
 * a crash left `running`, outcome and score-band strata, schedules (validation, a tick that
 * starts a run once, a regression's pulse alert), and hostile names and references.
 */

let openai: FakeServer;
let core: Core;
let dir: string;
let seed: GeoSeed;
const N = 20;

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

async function fail<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.data)}`);
  return result.error;
}

const stopped = (id: string) => runStopped(ok, id);
const MINI = { provider: 'openai' as const, model: 'gpt-4o-mini' };
const scorecard = { name: GEO_SCORECARD };

/** Case numbers of the fake's requests for a model, from request `from` on. */
function casesAsked(model: string, from = 0): number[] {
  return openai.requests.slice(from).flatMap((r) => {
    const body = r.body as { model?: string; messages?: { role: string; content: unknown }[] };
    if (body?.model !== model) return [];
    const user = body.messages?.filter((m) => m.role === 'user').at(-1);
    return [caseOf(JSON.stringify(user?.content ?? ''))];
  });
}

/** Case numbers of the items whose candidate side has a stored result. */
async function candidateDone(runId: string): Promise<Set<number>> {
  const { pairs } = await ok('backtests.runs.pairs', {
    id: runId,
    order: 'position',
    limit: 500,
  });
  return new Set(
    pairs.filter((p) => p.candidate !== null).map((p) => caseOf(JSON.stringify(p.input))),
  );
}

beforeAll(async () => {
  openai = await startOpenAiFake();
  openai.reply = geoReply;
  dir = tempDirKept('assay-backtest-runs-');
  core = await openTestCore(dir, {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-backtest-test-0000000000',
  });
  seed = await seedGeo(ok, N);
  await ok('backtests.sets.create', {
    name: 'all',
    source: { kind: 'interactions', sampleSize: N, filter: { type: 'geo' } },
  });
}, 60_000);

afterAll(async () => {
  await core?.close();
  await openai?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backtest runs: cancel, resume, crash', () => {
  it('keeps what finished on cancel, and the resume replays only what is missing', async () => {
    openai.latencyMs = 60;
    const mark = openai.requests.length;
    const started = await ok('backtests.runs.create', {
      set: 'all',
      candidates: [{ model: MINI }],
      scorecard,
      concurrency: 2,
    });
    for (let i = 0; i < 400; i++) {
      if ((await ok('backtests.runs.get', { id: started.id })).done >= 12) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const cancelled = await ok('backtests.runs.cancel', { id: started.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.done).toBeGreaterThanOrEqual(12);
    expect(cancelled.done).toBeLessThan(cancelled.total);
    expect(cancelled.total).toBe(2 * N);
    // What finished stays readable as pairs.
    const kept = await candidateDone(started.id);
    expect(kept.size).toBeGreaterThan(0);
    expect(kept.size).toBeLessThan(N);
    // The calls cut off by the cancel (at most one per worker) reached the fake, unstored.
    const before = casesAsked('gpt-4o-mini', mark);
    expect(before.length - kept.size).toBeGreaterThanOrEqual(0);
    expect(before.length - kept.size).toBeLessThanOrEqual(2);

    const resumeMark = openai.requests.length;
    const resumed = await ok('backtests.runs.resume', { id: started.id });
    // Shown as live again at once (queued, or running if its executor got there first), not
    // as the cancel it resumes.
    expect(['queued', 'running']).toContain(resumed.status);
    expect(resumed.finishedAt).toBeNull();
    // A second resume while it runs is refused: one executor per run.
    expect((await fail('backtests.runs.resume', { id: started.id })).code).toBe('CONFLICT');
    openai.latencyMs = 0;
    const run = await stopped(started.id);
    expect({ status: run.status, error: run.error }).toEqual({ status: 'completed', error: null });
    expect(run.done).toBe(run.total);
    expect(run.verdicts[0]).toMatchObject({ pairs: N, scoredPairs: N, losses: N / 2 });
    // Backtest throughput for Prometheus: every stored result counted once, across the resume.
    const counted = await core.services.metrics.registry
      .getSingleMetric('assay_backtest_results_total')!
      .get();
    expect(counted.values.reduce((sum, v) => sum + v.value, 0)).toBe(run.total);
    expect(run.verdicts[0]!.meanDelta).toBeCloseTo(-0.5, 12);
    // No item whose result was stored was replayed again; every other one exactly once.
    const after = casesAsked('gpt-4o-mini', resumeMark);
    expect(after.filter((c) => kept.has(c))).toEqual([]);
    expect(after).toHaveLength(N - kept.size);
    expect(new Set([...after, ...kept]).size).toBe(N);
  }, 60_000);

  it('shows a run a crash left running as failed with a resume hint, and resumes it', async () => {
    openai.latencyMs = 40;
    const started = await ok('backtests.runs.create', {
      set: 'all',
      candidates: [{ model: MINI }],
      scorecard,
      concurrency: 1,
    });
    await ok('backtests.runs.cancel', { id: started.id });
    openai.latencyMs = 0;
    // Another process's view: the row says queued or running, and no executor here runs it.
    for (const status of ['queued', 'running']) {
      const other = await openTestStoreFor(dir);
      try {
        await other.writes.run(async (tx) => {
          await tx
            .updateTable('backtest_run')
            .set({ status, finished_at: null })
            .where('id', '=', started.id)
            .execute();
        });
      } finally {
        await other.close();
      }
      const shown = await ok('backtests.runs.get', { id: started.id });
      expect(shown.status).toBe('failed');
      expect(shown.error).toContain('resume it');
    }
    const listed = (await ok('backtests.runs.list', { set: 'all' })).runs.find(
      (r) => r.id === started.id,
    );
    expect(listed?.status).toBe('failed');
    await ok('backtests.runs.resume', { id: started.id });
    const run = await stopped(started.id);
    expect({ status: run.status, error: run.error }).toEqual({ status: 'completed', error: null });
    expect(run.done).toBe(2 * N);
    expect(run.verdicts[0]!.pairs).toBe(N);
  }, 60_000);

  it('never shows a run that is finishing as failed to a reader polling it', async () => {
    // A read that overlaps the run's last write and its executor's exit once saw `running`
    // in the row and no executor, and called the run cut off: the CLI then exited 1.
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const started = await ok('backtests.runs.create', {
        set: 'all',
        candidates: [{ model: MINI }],
        scorecard,
      });
      let done = false;
      const poll = async () => {
        while (!done) {
          const run = await ok('backtests.runs.get', { id: started.id });
          seen.add(run.status);
          if (run.status !== 'queued' && run.status !== 'running') done = true;
          // Let the run's own I/O through: SQLite answers these reads without yielding.
          await new Promise((r) => setImmediate(r));
        }
      };
      await Promise.all([poll(), poll(), poll(), poll()]);
      expect((await ok('backtests.runs.get', { id: started.id })).status).toBe('completed');
    }
    expect(seen.has('failed')).toBe(false);
  }, 60_000);

  it('refuses to resume or cancel a run that does not exist', async () => {
    expect((await fail('backtests.runs.resume', { id: 'no-such-run' })).code).toBe('NOT_FOUND');
    expect((await fail('backtests.runs.cancel', { id: 'no-such-run' })).code).toBe('NOT_FOUND');
  });
});

describe('backtest sets: strata', () => {
  it('stratifies by outcome: an errored trace, ok traces, and no trace', async () => {
    const okCalls = [];
    for (const i of [100, 101])
      okCalls.push(
        await ok('llm.call', {
          provider: 'openai',
          model: 'gpt-4o',
          messages: [{ role: 'user', content: `Where is Paris? (${i})` }],
        }),
      );
    openai.faults.enqueue({ kind: 'status', status: 400, message: 'bad request on purpose' });
    const broken = await fail('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-broken',
      messages: [{ role: 'user', content: 'Where is Paris? (102)' }],
    });
    expect(broken.code).not.toBe('INTERNAL');
    const { items } = await ok('traces.list', {
      filter: { model: 'gpt-4o-broken', status: 'error' },
    });
    expect(items).toHaveLength(1);
    const failed = items[0]!;
    for (const [i, c] of okCalls.entries())
      await ok('interactions.create', {
        type: 'outcome-t',
        input: { question: `Where is Paris? (${100 + i})` },
        output: c.text,
        traceId: c.traceId,
        spanIds: [c.spanId],
      });
    await ok('interactions.create', {
      type: 'outcome-t',
      input: { question: 'Where is Paris? (102)' },
      traceId: failed.id,
      spanIds: failed.rootSpanId ? [failed.rootSpanId] : [],
    });
    await ok('interactions.create', { type: 'outcome-t', input: { question: 'untraced' } });
    const set = await ok('backtests.sets.create', {
      name: 'by-outcome',
      source: {
        kind: 'interactions',
        sampleSize: 10,
        stratifyBy: 'outcome',
        filter: { type: 'outcome-t' },
      },
    });
    expect(set.strata).toEqual({ error: 1, ok: 2, 'no trace': 1 });
    // A rare error is kept in a small sample: 3 of 4 still see each stratum.
    const small = await ok('backtests.sets.create', {
      name: 'by-outcome-small',
      source: {
        kind: 'interactions',
        sampleSize: 3,
        stratifyBy: 'outcome',
        filter: { type: 'outcome-t' },
        seed: 1,
      },
    });
    expect(small.strata).toEqual({ error: 1, ok: 1, 'no trace': 1 });
  });

  it('stratifies by score band with a scorecard, and asks for one without', async () => {
    const ids: string[] = [];
    for (const [i, output] of ['France', 'France', 'Spain', 'France'].entries())
      ids.push(
        (
          await ok('interactions.create', {
            type: 'banded',
            input: { question: `Where is Paris? (${200 + i})` },
            output,
          })
        ).id,
      );
    // Three scored (two in France, one not); the fourth left unscored.
    for (const [i, id] of ids.slice(0, 3).entries())
      await ok('scores.create', {
        target: { type: 'interaction', id },
        graderId: seed.graderId,
        value: i < 2,
        idempotencyKey: `band-${i}`,
      });
    const set = await ok('backtests.sets.create', {
      name: 'by-band',
      source: {
        kind: 'interactions',
        sampleSize: 10,
        stratifyBy: 'score_band',
        scorecard: GEO_SCORECARD,
        filter: { type: 'banded' },
      },
    });
    expect(set.strata).toEqual({ 'high (>=0.8)': 2, 'low (<0.5)': 1, unscored: 1 });
    const items = (await ok('backtests.sets.get', { id: set.id })).items;
    const bandOf = new Map(items.map((i) => [i.interactionId, i.stratum]));
    expect(ids.map((id) => bandOf.get(id))).toEqual([
      'high (>=0.8)',
      'high (>=0.8)',
      'low (<0.5)',
      'unscored',
    ]);
    const none = await fail('backtests.sets.create', {
      name: 'by-band-2',
      source: { kind: 'interactions', sampleSize: 10, stratifyBy: 'score_band' },
    });
    expect(none.code).toBe('VALIDATION_FAILED');
    expect(none.message).toContain('source.scorecard');
    const unknown = await fail('backtests.sets.create', {
      name: 'by-band-3',
      source: {
        kind: 'interactions',
        sampleSize: 10,
        stratifyBy: 'score_band',
        scorecard: 'no-such-card',
      },
    });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('source.scorecard');
  });
});

describe('backtest schedules', () => {
  const base = { set: 'all', candidates: [{ model: MINI }], scorecard };

  it('validates cadence, weekday and time, and computes the next run', async () => {
    const weeklyNoDay = await fail('backtests.schedules.create', {
      ...base,
      name: 'w',
      cadence: 'weekly',
      at: '09:00',
    });
    expect(weeklyNoDay.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(weeklyNoDay)).toContain('weekday');
    const dailyWithDay = await fail('backtests.schedules.create', {
      ...base,
      name: 'd',
      cadence: 'daily',
      at: '09:00',
      weekday: 1,
    });
    expect(dailyWithDay.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(dailyWithDay)).toContain('weekday');
    for (const at of ['25:00', '9:30', '09:60', '09:00:00', 'noon', ''])
      expect(
        (await fail('backtests.schedules.create', { ...base, name: 'x', cadence: 'daily', at }))
          .code,
      ).toBe('VALIDATION_FAILED');
    const badSet = await fail('backtests.schedules.create', {
      ...base,
      set: 'no-such-set',
      name: 'x',
      cadence: 'daily',
      at: '09:00',
    });
    expect(badSet.code).toBe('NOT_FOUND');
    const before = Date.now();
    const weekly = await ok('backtests.schedules.create', {
      ...base,
      name: 'weekly-check',
      cadence: 'weekly',
      at: '06:30',
      weekday: 3,
    });
    const next = new Date(weekly.nextRunAt!);
    expect(next.getUTCDay()).toBe(3);
    expect(next.toISOString().slice(11, 16)).toBe('06:30');
    expect(next.getTime()).toBeGreaterThan(before);
    expect(next.getTime() - before).toBeLessThanOrEqual(7 * 86_400_000);
    await ok('backtests.schedules.delete', { id: weekly.id });
    expect((await fail('backtests.schedules.delete', { id: weekly.id })).code).toBe('NOT_FOUND');
  });

  it('starts a due schedule once per tick time; a regression raises a pulse alert', async () => {
    const schedules = core.services.backtests.schedules;
    const worse = await ok('backtests.schedules.create', {
      ...base,
      name: 'nightly-mini',
      cadence: 'daily',
      at: '03:00',
      alertBelow: 0.1,
    });
    const due = new Date(Date.parse(worse.nextRunAt!) + 1_000);
    expect(await schedules.tick(due)).toBe(1);
    // The same minute again (another process, or the next timer firing): nothing starts.
    expect(await schedules.tick(due)).toBe(0);
    const listed = (await ok('backtests.schedules.list', {})).schedules.find(
      (s) => s.id === worse.id,
    )!;
    expect(listed.lastRunId).toEqual(expect.any(String));
    expect(Date.parse(listed.nextRunAt!)).toBe(Date.parse(worse.nextRunAt!) + 86_400_000);
    const run = await stopped(listed.lastRunId!);
    expect({ status: run.status, error: run.error, scheduleId: run.scheduleId }).toEqual({
      status: 'completed',
      error: null,
      scheduleId: worse.id,
    });
    expect(run.verdicts[0]).toMatchObject({ verdict: 'worse' });
    // The alert is stored when the run finishes (after its status): wait for it.
    let alerts: ChannelOutput<'pulse.alerts.list'>['alerts'] = [];
    for (let i = 0; i < 100 && alerts.length === 0; i++) {
      alerts = (await ok('pulse.alerts.list', {})).alerts.filter(
        (a) => a.metric === 'backtest_mean_delta',
      );
      if (alerts.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.value).toBeCloseTo(-0.5, 12);
    expect(alerts[0]!.summary).toContain('nightly-mini');
    await ok('backtests.schedules.delete', { id: worse.id });
  }, 60_000);

  it('raises no alert for a candidate that is better than the baseline', async () => {
    const schedules = core.services.backtests.schedules;
    const better = await ok('backtests.schedules.create', {
      set: 'all',
      name: 'nightly-better',
      // The baseline replays every item on a model that knows nothing; gpt-4o knows them all.
      baseline: { kind: 'replay', model: { provider: 'openai', model: 'o3-mini' } },
      candidates: [{ model: { provider: 'openai', model: 'gpt-4o' } }],
      scorecard,
      cadence: 'daily',
      at: '04:00',
    });
    // Two ticks at once (two processes on one database): the conditional claim starts it once.
    const at = new Date(Date.parse(better.nextRunAt!) + 1_000);
    const started = await Promise.all([schedules.tick(at), schedules.tick(at)]);
    expect(started[0] + started[1]).toBe(1);
    const { lastRunId } = (await ok('backtests.schedules.list', {})).schedules.find(
      (s) => s.id === better.id,
    )!;
    const run = await stopped(lastRunId!);
    expect(run.verdicts[0]).toMatchObject({ verdict: 'better', meanDelta: 1 });
    // Give an alert the time it would take to land, then check none did.
    await new Promise((r) => setTimeout(r, 300));
    const alerts = (await ok('pulse.alerts.list', {})).alerts.filter(
      (a) => a.metric === 'backtest_mean_delta',
    );
    expect(alerts.map((a) => a.summary).filter((s) => s.includes('nightly-better'))).toEqual([]);
  }, 60_000);
});

describe('backtests: hostile input', () => {
  const nasty = [
    `it's "quoted"`,
    `x'; DROP TABLE backtest_set; --`,
    'Ünïcödé 集合 🚀',
    'n'.repeat(120),
    '%_ wildcards \\ back',
  ];

  it('keeps odd set names as given, finds them by name, and refuses what is too long', async () => {
    for (const name of nasty) {
      const set = await ok('backtests.sets.create', {
        name,
        source: { kind: 'interactions', sampleSize: 2, seed: 3 },
      });
      expect(set.name).toBe(name);
      expect((await ok('backtests.sets.get', { id: name })).set.id).toBe(set.id);
      const again = await fail('backtests.sets.create', {
        name,
        source: { kind: 'interactions', sampleSize: 1 },
      });
      expect(again.code).toBe('CONFLICT');
    }
    // The table is still there, and the wildcard name matched only itself.
    expect((await ok('backtests.sets.get', { id: 'all' })).set.itemCount).toBe(N);
    expect((await fail('backtests.sets.get', { id: '%' })).code).toBe('NOT_FOUND');
    const long = await fail('backtests.sets.create', {
      name: 'n'.repeat(121),
      source: { kind: 'interactions', sampleSize: 1 },
    });
    expect(long.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(long)).toContain('name');
  });

  it('answers odd filters, references and sizes with coded errors', async () => {
    for (const type of nasty.map((n) => n.slice(0, 64))) {
      const none = await fail('backtests.sets.create', {
        name: 'filtered',
        source: { kind: 'interactions', sampleSize: 2, filter: { type } },
      });
      expect(none.code).toBe('VALIDATION_FAILED');
      expect(none.message).toContain('no interaction matches');
    }
    for (const sampleSize of [0, -1, 10_001, 1.5])
      expect(
        JSON.stringify(
          await fail('backtests.sets.create', {
            name: 'sized',
            source: { kind: 'interactions', sampleSize },
          }),
        ),
      ).toMatch(/VALIDATION_FAILED.*sampleSize/);
    for (const prompt of [...nasty, '@', '@latest', 'geo@v999.0', "geo@'; --"]) {
      const refused = await fail('backtests.runs.create', {
        set: 'all',
        candidates: [{ prompt }],
        scorecard,
      });
      expect(['NOT_FOUND', 'VALIDATION_FAILED']).toContain(refused.code);
      expect(JSON.stringify(refused)).toContain('candidates.0.prompt');
      const asFilter = await fail('backtests.sets.create', {
        name: 'by-prompt',
        source: { kind: 'interactions', sampleSize: 2, prompt },
      });
      expect(['NOT_FOUND', 'VALIDATION_FAILED']).toContain(asFilter.code);
    }
    for (const set of nasty) {
      const missing = await fail('backtests.runs.create', {
        set: `${set}-missing`,
        candidates: [{ model: MINI }],
        scorecard,
      });
      expect(missing.code).toBe('NOT_FOUND');
    }
    const noCandidate = await fail('backtests.runs.create', {
      set: 'all',
      candidates: [{}],
      scorecard,
    });
    expect(noCandidate.code).toBe('VALIDATION_FAILED');
    const unknownCard = await fail('backtests.runs.create', {
      set: 'all',
      candidates: [{ model: MINI }],
      scorecard: { name: `'; DROP TABLE scorecard; --` },
    });
    expect(unknownCard.code).toBe('NOT_FOUND');
    expect(JSON.stringify(unknownCard)).toContain('scorecard');
  });
});
