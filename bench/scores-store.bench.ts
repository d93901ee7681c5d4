// The score store at 1,000,000 scores (issue 14's dashboard size): the newest page of one
// grader's scores and of one target's, through ScoreRepository.list, and the plan each query
// uses. SQLite by default, in $TMPDIR/assay-bench-scores-<N>/ (reused; BENCH_REGENERATE=1
// rebuilds it); BENCH_DATABASE_URL=postgres://… runs it on an empty PostgreSQL database instead.
// BENCH_SCORES sets the size.
import { sql } from 'kysely';
import { newId } from '../main/kit/ids';
import { ScoreRepository } from '../main/quality/score-repository';
import type { Store } from '../main/store/store';
import {
  benchGraderId as graderId,
  benchVersionId as versionId,
  countScores,
  GRADERS,
  insertBenchGraders,
  insertGenerated,
  openBenchStore,
  SCORES as TARGET,
  START,
  TARGETS,
  timeRuns,
} from './support/score-corpus';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);

async function generate(store: Store): Promise<void> {
  await insertBenchGraders(store, GRADERS, new Date(START).toISOString(), () => ({
    definition: { kind: 'human', instructions: '' },
    scoreConfig: { type: 'numeric', min: 0, max: 100, higherIsBetter: true },
  }));
  const started = performance.now();
  await insertGenerated(store, 'score', TARGET, (n) => {
    const g = n % (GRADERS + 2);
    const graded = g < GRADERS;
    return {
      id: newId(),
      target_type: 'interaction',
      target_id: `interaction-${n % TARGETS}`,
      grader_id: graded ? graderId(g) : null,
      grader_version_id: graded ? versionId(g) : null,
      name: graded ? `bench grader ${g}` : 'thumbs',
      value: n % 101,
      level: null,
      reason: n % 7 === 0 ? 'a short reason the judge gave' : null,
      source: graded ? 'human' : 'api',
      cost_pico_usd: null,
      author: null,
      idempotency_key: graded ? null : `key-${n}`,
      created_at: new Date(START + n * 1_000).toISOString(),
    };
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`inserted ${TARGET.toLocaleString()} scores in ${seconds.toFixed(1)} s`);
}

const time = (label: string, work: () => Promise<unknown>) =>
  timeRuns(label, RUNS, work, { warm: false, digits: 2 });

async function plan(store: Store, query: string): Promise<string> {
  const explain = store.dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
  const r = await sql.raw<Record<string, string>>(`${explain}${query}`).execute(store.db);
  return r.rows.map((row) => row.detail ?? row['QUERY PLAN']).join(' | ');
}

async function main(): Promise<void> {
  const store = await openBenchStore('scores', TARGET);
  try {
    if ((await countScores(store)) < TARGET) await generate(store);
    if (store.dialect === 'postgres') await sql`ANALYZE score`.execute(store.db);
    console.log(`${(await countScores(store)).toLocaleString()} scores on ${store.dialect}`);
    const scores = new ScoreRepository(store.db);
    let g = 0;
    await time('newest 200 of one grader', () =>
      scores.list({ graderId: graderId(g++ % GRADERS), limit: 200 }),
    );
    let t = 0;
    await time('newest 200 of one target', () =>
      scores.list({
        target: { type: 'interaction', id: `interaction-${(t += 7919) % TARGETS}` },
        limit: 200,
      }),
    );
    await time('newest 1,000 of one grader', () =>
      scores.list({ graderId: graderId(g++ % GRADERS), limit: 1_000 }),
    );
    const order = 'ORDER BY created_at DESC, id DESC LIMIT 200';
    console.log(
      'plan (grader):',
      await plan(store, `SELECT * FROM score WHERE grader_id = '${graderId(3)}' ${order}`),
    );
    console.log(
      'plan (target):',
      await plan(
        store,
        `SELECT * FROM score WHERE target_type = 'interaction' AND target_id = 'interaction-5' ${order}`,
      ),
    );
  } finally {
    await store.close();
  }
}

await main();
