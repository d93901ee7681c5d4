import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { tempDir } from '../../../test/support/temp-dir';
import {
  CASES,
  COMPARISON,
  DATASETS,
  DELETED_CASES,
  LABEL_EVENTS,
  PLAYGROUND_RUNS,
  PROMPTS,
  RENDERS,
  RESULTS,
  ROW_COUNTS,
  RUNS,
  SCHEMA_VERSION,
  SPANS,
  VERSIONS,
} from '../../../test/fixtures/release-0.1.0-data-dir/release-facts';
import type { Core } from '../../app/create-core';
import { createHeadlessCore } from '../../app/create-headless-core';
import { migrationLabel } from '../migration';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';

/**
 * A data directory written by today's release (0.1.0, commit 8407fbb) must open with the current
 * core and read back exactly as the release read it. The expected values are facts about the
 * fixture, recorded with the release's own code (test/fixtures/release-0.1.0-data-dir/).
 */
const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/release-0.1.0-data-dir');

/** The response cache may be pruned by age; every other table must come through untouched. */
const VOLATILE_TABLES = new Set(['llm_cache']);
const STABLE_TABLES = Object.keys(ROW_COUNTS).filter((t) => !VOLATILE_TABLES.has(t));

function copyFixture(): string {
  const dataDir = tempDir('assay-upgrade-');
  fs.copyFileSync(path.join(FIXTURE, 'assay.db'), path.join(dataDir, 'assay.db'));
  return dataDir;
}

async function withRelease<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  // An empty env: SQLite in the data directory, whatever ASSAY_DATABASE_URL the shell has.
  const core = await createHeadlessCore(dataDir, {});
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

function api(core: Core) {
  return async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data as ChannelOutput<C>;
  };
}

interface ColumnInfo {
  readonly name: string;
  readonly pk: number;
}

/**
 * Raw rows of the release's tables, JSON columns as bytes, read with better-sqlite3. `columns`
 * (the release's, from the first snapshot) keeps a column a later migration adds out of the
 * comparison.
 */
function rawSnapshot(file: string, columns?: Readonly<Record<string, readonly ColumnInfo[]>>) {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables: Record<string, unknown[]> = {};
    const columnsOf: Record<string, readonly ColumnInfo[]> = {};
    for (const table of STABLE_TABLES) {
      const cols =
        columns?.[table] ?? (db.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[]);
      columnsOf[table] = cols;
      const select = cols
        .map((c) =>
          c.name.endsWith('_json') ? `CAST("${c.name}" AS BLOB) AS "${c.name}"` : `"${c.name}"`,
        )
        .join(', ');
      const keys = cols.filter((c) => c.pk > 0).map((c) => `"${c.name}"`);
      const orderBy = keys.length > 0 ? keys.join(', ') : 'rowid';
      tables[table] = db.prepare(`SELECT ${select} FROM "${table}" ORDER BY ${orderBy}`).all();
    }
    const userVersion = db.pragma('user_version', { simple: true });
    return { userVersion, tables, columns: columnsOf };
  } finally {
    db.close();
  }
}

const byName = <T extends { name: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.name.localeCompare(b.name));
const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.id.localeCompare(b.id));
const isNewestFirst = (times: readonly string[]) =>
  times.every((t, i) => i === 0 || times[i - 1]! >= t);

describe('a data directory made by release 0.1.0', () => {
  it('opens at schema version 7 with nothing re-applied, and every row as the release left it', async () => {
    const dataDir = copyFixture();
    const file = path.join(dataDir, 'assay.db');
    const before = rawSnapshot(file);
    expect(before.userVersion).toBe(SCHEMA_VERSION);
    for (const table of STABLE_TABLES)
      expect(before.tables[table]).toHaveLength(ROW_COUNTS[table as keyof typeof ROW_COUNTS]);

    await withRelease(dataDir, async (core) => {
      // Today { from: 7, to: 7, applied: [] }; a later migration may run, none of the first 7.
      const report = core.store.info.migration;
      expect(report.from).toBe(SCHEMA_VERSION);
      expect(report.to).toBe(SQLITE_MIGRATIONS.length);
      const releaseSteps = SQLITE_MIGRATIONS.slice(0, SCHEMA_VERSION).map(migrationLabel);
      expect(releaseSteps).toHaveLength(SCHEMA_VERSION);
      expect(report.applied.filter((label) => releaseSteps.includes(label))).toEqual([]);
      expect(report.applied).toEqual(SQLITE_MIGRATIONS.slice(SCHEMA_VERSION).map(migrationLabel));
      const call = api(core);
      const info = await call('system.info', {});
      expect(info.schemaVersion).toBe(SQLITE_MIGRATIONS.length);
      expect(info.database.dialect).toBe('sqlite');
      // Read everything once: no read may rewrite what the release stored.
      await call('prompts.list', { includeDeleted: true });
      for (const p of PROMPTS) {
        await call('prompts.versions', { name: p.name });
        await call('prompts.labelHistory', { name: p.name });
      }
      for (const d of DATASETS) await call('datasets.get', { name: d.name, limit: 1000 });
      for (const r of RUNS) await call('evals.results', { runId: r.id, limit: 1000 });
      await call('playground.history', {});
      for (const s of SPANS) await call('spans.get', { id: s.id });
    });

    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    const after = rawSnapshot(file, before.columns);
    expect(after.userVersion).toBe(SQLITE_MIGRATIONS.length);
    for (const table of STABLE_TABLES)
      expect(after.tables[table], table).toEqual(before.tables[table]);
  });

  it('lists every prompt, the deleted one too, with its tags, labels and versions', async () => {
    await withRelease(copyFixture(), async (core) => {
      const call = api(core);
      const all = await call('prompts.list', { includeDeleted: true });
      expect(byName(all.prompts)).toMatchObject(byName(PROMPTS));
      const live = await call('prompts.list', {});
      expect(live.prompts.map((p) => p.name).sort()).toEqual(
        PROMPTS.filter((p) => p.deletedAt === null)
          .map((p) => p.name)
          .sort(),
      );
      expect(all.prompts.find((p) => p.name === 'old/greeting')?.deletedAt).toBe(
        '2026-12-06T19:06:27.575Z',
      );

      for (const [name, versions] of Object.entries(VERSIONS)) {
        const got = await call('prompts.versions', { name });
        // Newest first, each with the content, variables and hash the release stored.
        expect(got.versions, name).toMatchObject(versions);
        // A deleted prompt is refused by prompts.get until restored; its versions are above.
        if (name === 'old/greeting') continue;
        for (const v of versions) {
          const one = await call('prompts.get', { name, version: v.version });
          expect(one.version.contentHash, `${name}@${v.version}`).toBe(v.contentHash);
          expect(one.version.content).toEqual(v.content);
        }
      }
    });
  });

  it('keeps every label and every label move', async () => {
    await withRelease(copyFixture(), async (core) => {
      const call = api(core);
      for (const [name, events] of Object.entries(LABEL_EVENTS)) {
        const got = await call('prompts.labelHistory', { name });
        expect(isNewestFirst(got.events.map((e) => e.at)), name).toBe(true);
        // Moves within one millisecond have no order of their own: compared as a set.
        const key = (e: { at: string; label: string; toVersion: string }) =>
          `${e.at} ${e.label} ${e.toVersion}`;
        const sorted = <T extends { at: string; label: string; toVersion: string }>(
          l: readonly T[],
        ) => [...l].sort((a, b) => key(a).localeCompare(key(b)));
        expect(sorted(got.events), name).toMatchObject(sorted(events));
      }
      for (const p of PROMPTS.filter((x) => x.deletedAt === null)) {
        for (const [label, version] of Object.entries(p.labels)) {
          const got = await call('prompts.get', { name: p.name, label });
          expect(got.version.version, `${p.name}@${label}`).toBe(version);
        }
      }
      const production = await call('prompts.list', { label: 'production' });
      expect(production.prompts.map((p) => p.name).sort()).toEqual([
        'summarize',
        'support/chat',
        'support/system',
      ]);
      // Compositions resolve their components through the stored refs (by label and pinned).
      const chatAtProduction = await call('prompts.render', {
        name: 'support/chat',
        label: 'production',
        variables: { input: 'Where is my invoice?' },
        placeholders: {
          history: [
            { role: 'user', content: 'Hi' },
            { role: 'assistant', content: 'Hello!' },
          ],
        },
      });
      expect(chatAtProduction).toMatchObject(RENDERS['support/chat@production']);
      const chatV2 = await call('prompts.render', {
        name: 'support/chat',
        version: 'v2.0',
        variables: { input: 'Where is my invoice?', language: 'French' },
      });
      expect(chatV2).toMatchObject(RENDERS['support/chat@v2.0']);
      const summarize = await call('prompts.render', {
        name: 'summarize',
        label: 'staging',
        variables: { input: 'A long text.' },
      });
      expect(summarize).toMatchObject(RENDERS['summarize@staging']);
    });
  });

  it('keeps both datasets with every case, its revision and tags, and the deleted case apart', async () => {
    const dataDir = copyFixture();
    await withRelease(dataDir, async (core) => {
      const call = api(core);
      const { datasets } = await call('datasets.list', { includeDeleted: true });
      expect(byName(datasets)).toMatchObject(byName(DATASETS));
      for (const [name, page] of Object.entries(CASES)) {
        const got = await call('datasets.get', { name, limit: 1000 });
        expect(got.total, name).toBe(page.total);
        expect(got.cases, name).toMatchObject(page.cases);
      }
      const edited = CASES['edge-cases'].cases.find((c) => c.revision === 2);
      expect(edited?.tags).toEqual(['calendar', 'edited']);
      // Tag filters read the release's tags_json.
      for (const tag of ['smalltalk', 'strict', 'error']) {
        const got = await call('cases.list', { dataset: 'faq', tag, limit: 1000 });
        expect(
          got.cases.map((c) => c.id),
          tag,
        ).toEqual(CASES.faq.cases.filter((c) => c.tags.includes(tag)).map((c) => c.id));
      }
      const deleted = DELETED_CASES[0]!;
      const edge = await call('datasets.get', { name: 'edge-cases', limit: 1000 });
      expect(edge.cases.map((c) => c.id)).not.toContain(deleted.id);
      expect(edge.dataset.caseCount).toBe(5);
      // The run that used the case before it was deleted keeps its snapshot.
      const edgeRun = RUNS.find((r) => r.dataset === 'edge-cases')!;
      const results = await call('evals.results', { runId: edgeRun.id, limit: 1000 });
      expect(results.results.find((r) => r.position === deleted.position)?.vars).toEqual({
        input: 'This case will be deleted after the run.',
      });
    });
    const db = new Database(path.join(dataDir, 'assay.db'), { readonly: true });
    try {
      const row = db
        .prepare(
          `SELECT t.id, d.name AS dataset, t.position, t.description, t.vars_json, t.matchers_json,
             t.tags_json, t.revision, t.deleted_at
           FROM test_case t JOIN dataset d ON d.id = t.dataset_id WHERE t.deleted_at IS NOT NULL`,
        )
        .all();
      expect(row).toEqual(DELETED_CASES);
    } finally {
      db.close();
    }
  });

  it('keeps every run with its totals and every result with its status, cost and span', async () => {
    await withRelease(copyFixture(), async (core) => {
      const call = api(core);
      const { runs } = await call('evals.list', {});
      expect(isNewestFirst(runs.map((r) => r.createdAt))).toBe(true);
      expect(byId(runs)).toMatchObject(byId(RUNS));
      for (const run of RUNS) {
        expect(await call('evals.get', { runId: run.id })).toMatchObject(run);
        const page = await call('evals.results', { runId: run.id, limit: 1000 });
        const expected = RESULTS[run.id as keyof typeof RESULTS];
        expect(page.total).toBe(expected.length);
        const got = [...page.results]
          .sort((a, b) => a.position - b.position || a.repeatIndex - b.repeatIndex)
          .map((r) => ({
            id: r.id,
            caseKey: r.caseKey,
            position: r.position,
            repeatIndex: r.repeatIndex,
            status: r.status,
            score: r.score,
            output: r.output,
            latencyMs: r.latencyMs,
            inputTokens: r.inputTokens,
            outputTokens: r.outputTokens,
            costUsd: r.costUsd,
            judgeCostUsd: r.judgeCostUsd,
            cached: r.cached,
            spanId: r.spanId,
            error: r.error?.code ?? null,
            matchers: r.matchers.map((m) => [m.type, m.pass, m.unscored]),
          }));
        expect(got, run.name).toEqual(expected);
        for (const status of ['pass', 'fail', 'error', 'unscored'] as const) {
          const filtered = await call('evals.results', { runId: run.id, status, limit: 1000 });
          expect(filtered.total, `${run.name} ${status}`).toBe(run.totals[status]);
        }
      }
      const comparison = await call('evals.compare', {
        baselineRunId: COMPARISON.baselineRunId,
        candidateRunId: COMPARISON.candidateRunId,
      });
      expect(comparison.counts).toEqual(COMPARISON.counts);
      expect(comparison.passRateDelta).toBe(COMPARISON.passRateDelta);
      expect(comparison.costDeltaUsd).toBeCloseTo(COMPARISON.costDeltaUsd, 12);
    });
  });

  it('keeps every span, reachable from its result or playground column, and the playground run', async () => {
    await withRelease(copyFixture(), async (core) => {
      const call = api(core);
      for (const span of SPANS) {
        const { inputTokens, outputTokens, ...scalars } = span;
        const got = await call('spans.get', { id: span.id });
        expect(got, span.id).toMatchObject(scalars);
        expect(got.usage, span.id).toMatchObject({ inputTokens, outputTokens });
      }
      const spanIds = new Set(SPANS.map((s) => s.id));
      const traceOf = new Map(SPANS.map((s) => [s.id, s.traceId]));
      for (const run of RUNS) {
        const page = await call('evals.results', { runId: run.id, limit: 1000 });
        for (const result of page.results.filter((r) => r.spanId !== null)) {
          expect(spanIds.has(result.spanId!), result.id).toBe(true);
          const span = await call('spans.get', { id: result.spanId! });
          expect(span.traceId).toBe(traceOf.get(result.spanId!));
          expect(span.attributes).toMatchObject({ evalRunId: run.id });
        }
      }
      const { runs } = await call('playground.history', {});
      expect(runs).toMatchObject(PLAYGROUND_RUNS);
      for (const column of runs[0]!.columns) {
        const spanId = column.result!.spanId;
        expect(spanIds.has(spanId)).toBe(true);
        expect((await call('spans.get', { id: spanId })).traceId).toBe(column.result!.traceId);
      }
    });
  });
});
