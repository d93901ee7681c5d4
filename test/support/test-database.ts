import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { createHeadlessCore } from '../../main/app/create-headless-core';
import { openStore } from '../../main/store/open-store';
import type { Store } from '../../main/store/store';
import { tempDir } from './temp-dir';
import path from 'node:path';

/**
 * Which database this test run uses: the `unit` project runs on SQLite, the `postgres` project
 * runs the same files with ASSAY_TEST_DB=postgres against the machine's PostgreSQL. Each data
 * directory (each core a test opens) gets a fresh database, dropped when its test file ends.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' =
  // A team server (ASSAY_E2E_TEAM, see team-mode.ts) runs on PostgreSQL only.
  process.env.ASSAY_TEST_DB === 'postgres' || process.env.ASSAY_E2E_TEAM === '1'
    ? 'postgres'
    : 'sqlite';

const ADMIN_URL =
  process.env.ASSAY_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const byDataDir = new Map<string, Promise<string>>();
const created: string[] = [];

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database; its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `assay_t_${process.pid}_${crypto.randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return databaseUrl(name);
}

/**
 * The environment that points a core (in process, or a CLI or server child) at this data
 * directory's database: empty on SQLite, ASSAY_DATABASE_URL on Postgres. The same data
 * directory always maps to the same database within a test file.
 */
export async function testDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  if (TEST_DIALECT === 'sqlite') return {};
  return { ASSAY_DATABASE_URL: await postgresDatabaseFor(dataDir) };
}

/**
 * This data directory's PostgreSQL database, whatever the run's dialect (a team server runs on
 * PostgreSQL only); created at the first ask, the same one after.
 */
export function postgresDatabaseFor(dataDir: string): Promise<string> {
  const key = path.resolve(dataDir);
  let url = byDataDir.get(key);
  if (!url) {
    url = createTestDatabase();
    byDataDir.set(key, url);
  }
  return url;
}

/** The headless core on this run's database (what `createHeadlessCore` is in production). */
export async function openTestCore(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Core> {
  return createHeadlessCore(dataDir, { ...env, ...(await testDatabaseEnv(dataDir)) });
}

/** A migrated store on this run's database, for repository tests. */
export async function openTestStore(): Promise<Store> {
  if (TEST_DIALECT === 'postgres')
    return openStore({ kind: 'postgres', url: await createTestDatabase(), poolSize: 4 });
  return openStore({ kind: 'sqlite', file: path.join(tempDir('assay-store-'), 'assay.db') });
}

/** A second connection to the database a data directory's core uses (to inspect it from a test). */
export async function openTestStoreFor(dataDir: string): Promise<Store> {
  const env = await testDatabaseEnv(dataDir);
  if (env.ASSAY_DATABASE_URL)
    return openStore({ kind: 'postgres', url: env.ASSAY_DATABASE_URL, poolSize: 2 });
  return openStore({ kind: 'sqlite', file: path.join(dataDir, 'assay.db') });
}

afterAll(async () => {
  const names = created.splice(0);
  byDataDir.clear();
  if (names.length === 0) return;
  // One admin connection each: DROP DATABASE cannot share a transaction, but can run side by side.
  await Promise.all(
    names.map((name) => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  );
}, 60_000);
