// The score store at 1,000,000 scores (issue 14's dashboard size): the newest page of one
// grader's scores and of one target's, through ScoreRepository.list, and the plan each query
// uses. SQLite by default, in $TMPDIR/assay-bench-scores-<N>/ (reused; BENCH_REGENERATE=1
// rebuilds it); BENCH_DATABASE_URL=postgres://… runs it on an empty PostgreSQL database instead.
// BENCH_SCORES sets the size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { newId } from '../main/kit/ids';
import { GraderRepository } from '../main/quality/grader-repository';
import { ScoreRepository } from '../main/quality/score-repository';
import { openStore } from '../main/store/open-store';
import type { Store } from '../main/store/store';
import { percentile } from './support/child-server';

const TARGET = Number(process.env.BENCH_SCORES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const GRADERS = 20;
const TARGETS = 200_000;
const ROWS_PER_INSERT = 1_000;
const START = Date.parse('2026-01-01T00:00:00.000Z');

const dir = path.join(os.tmpdir(), `assay-bench-scores-${TARGET}`);
const url = process.env.BENCH_DATABASE_URL;
if (!url && process.env.BENCH_REGENERATE === '1') fs.rmSync(dir, { recursive: true, force: true });

const graderId = (g: number) => `00000000-0000-7000-8000-${String(g).padStart(12, '0')}`;
const versionId = (g: number) => `00000000-0000-7000-8001-${String(g).padStart(12, '0')}`;

async function count(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM score`.execute(store.db);
  return Number(r.rows[0]!.n);
}

async function generate(store: Store): Promise<void> {
  const graders = new GraderRepository(store.db);
  const now = new Date(START).toISOString();
  for (let g = 0; g < GRADERS; g++) {
    await graders.insertGrader({
      id: graderId(g),
      name: `bench grader ${g}`,
      description: '',
      kind: 'human',
      builtIn: false,
      archived: false,
      createdAt: now,
    });
    await graders.insertVersion({
      id: versionId(g),
      graderId: graderId(g),
      version: 1,
      definition: { kind: 'human', instructions: '' },
      scoreConfig: { type: 'numeric', min: 0, max: 100, higherIsBetter: true },
      rubric: '',
      createdAt: now,
    });
  }
  const started = performance.now();
  for (let done = 0; done < TARGET; done += ROWS_PER_INSERT) {
    const rows = Array.from({ length: Math.min(ROWS_PER_INSERT, TARGET - done) }, (_, i) => {
      const n = done + i;
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
    await store.writes.run(async (tx) => {
      await tx.insertInto('score').values(rows).execute();
    });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`inserted ${TARGET.toLocaleString()} scores in ${seconds.toFixed(1)} s`);
}

async function time(label: string, work: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label}: p50 ${percentile(ms, 0.5).toFixed(2)} ms, p95 ${percentile(ms, 0.95).toFixed(2)} ms`,
  );
}

async function plan(store: Store, query: string): Promise<string> {
  const explain = store.dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
  const r = await sql.raw<Record<string, string>>(`${explain}${query}`).execute(store.db);
  return r.rows.map((row) => row.detail ?? row['QUERY PLAN']).join(' | ');
}

async function main(): Promise<void> {
  const store = url
    ? await openStore({ kind: 'postgres', url })
    : await openStore({ kind: 'sqlite', file: path.join(dir, 'assay.db') });
  try {
    if ((await count(store)) < TARGET) await generate(store);
    if (store.dialect === 'postgres') await sql`ANALYZE score`.execute(store.db);
    console.log(`${(await count(store)).toLocaleString()} scores on ${store.dialect}`);
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
