import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Insertable } from 'kysely';
import type { GraderDefinition, ScoreConfig } from '../../shared/contract';
import { GraderRepository } from '../../main/quality/grader-repository';
import { insertRows } from '../../main/store/bulk-insert';
import { openStore } from '../../main/store/open-store';
import type { DB } from '../../main/store/schema';
import type { Store } from '../../main/store/store';
import { percentile } from './child-server';

/**
 * What the score benches (scores-store, scorecard-dashboard) share: a store of a million scores
 * kept between runs, bench graders with fixed ids, rows written a thousand at a time, and
 * the timing of a query.
 */

/**
 * The size both benches build (issue 14's dashboard): BENCH_SCORES scores (default 1,000,000)
 * from GRADERS graders on TARGETS interactions, created from START on.
 */
export const SCORES = Number(process.env.BENCH_SCORES ?? 1_000_000);
export const GRADERS = 20;
export const TARGETS = 200_000;
export const START = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * SQLite in $TMPDIR/assay-bench-<name>-<scores>/ (reused; BENCH_REGENERATE=1 rebuilds it), or
 * the empty PostgreSQL database BENCH_DATABASE_URL names.
 */
export async function openBenchStore(name: string, scores: number): Promise<Store> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return openStore({ kind: 'postgres', url });
  const dir = path.join(os.tmpdir(), `assay-bench-${name}-${scores}`);
  if (process.env.BENCH_REGENERATE === '1') fs.rmSync(dir, { recursive: true, force: true });
  return openStore({ kind: 'sqlite', file: path.join(dir, 'assay.db') });
}

export async function countScores(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM score`.execute(store.db);
  return Number(r.rows[0]!.n);
}

export const pad = (n: number) => String(n).padStart(12, '0');
export const benchGraderId = (g: number) => `00000000-0000-7000-8000-${pad(g)}`;
export const benchVersionId = (g: number) => `00000000-0000-7000-8001-${pad(g)}`;

/** `count` graders named `bench grader <g>`, each at version 1 of what `version(g)` says. */
export async function insertBenchGraders(
  store: Store,
  count: number,
  createdAt: string,
  version: (g: number) => {
    readonly definition: GraderDefinition;
    readonly scoreConfig: ScoreConfig;
  },
): Promise<void> {
  const graders = new GraderRepository(store.db);
  for (let g = 0; g < count; g++) {
    const { definition, scoreConfig } = version(g);
    await graders.insertGrader({
      id: benchGraderId(g),
      name: `bench grader ${g}`,
      description: '',
      kind: definition.kind,
      builtIn: false,
      archived: false,
      createdAt,
    });
    await graders.insertVersion({
      id: benchVersionId(g),
      graderId: benchGraderId(g),
      version: 1,
      definition,
      scoreConfig,
      rubric: '',
      createdAt,
    });
  }
}

const ROWS_PER_INSERT = 1_000;

/** Rows 0..total-1 of a table, a write of a thousand rows at a time. */
export async function insertGenerated<T extends 'score' | 'trace' | 'interaction'>(
  store: Store,
  table: T,
  total: number,
  row: (n: number) => Insertable<DB[T]>,
): Promise<void> {
  for (let done = 0; done < total; done += ROWS_PER_INSERT) {
    const rows = Array.from({ length: Math.min(ROWS_PER_INSERT, total - done) }, (_, i) =>
      row(done + i),
    );
    await store.writes.run((tx) => insertRows(tx, store.dialect, table, rows));
  }
}

/** Runs `work` `runs` times (after one unmeasured run, with `warm`) and prints p50 and p95. */
export async function timeRuns(
  label: string,
  runs: number,
  work: () => Promise<unknown>,
  { warm, digits }: { readonly warm: boolean; readonly digits: number },
): Promise<void> {
  if (warm) await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label}: p50 ${percentile(ms, 0.5).toFixed(digits)} ms, p95 ${percentile(ms, 0.95).toFixed(digits)} ms`,
  );
}
