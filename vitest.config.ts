import { defineConfig } from 'vitest/config';

/**
 * Tests that reach the database run twice: on SQLite in `unit`/`e2e`, and on the machine's
 * PostgreSQL in `postgres`/`e2e-postgres` (ASSAY_TEST_DB, read by test/support/test-database.ts:
 * a fresh database per core, dropped when the file ends).
 */
const DATABASE_SUITES = [
  'main/**/*.repo.test.ts',
  'main/store/*.test.ts',
  'main/store/postgres/**/*.test.ts',
  'test/integration/**/*.test.ts',
  // PostgreSQL only (`assay serve --database`, ...).
  'test/postgres/**/*.test.ts',
];
/**
 * The end-to-end flows that run a second time on PostgreSQL: prompts, datasets, and the ship
 * flow (captured traces and interactions through the served workbench). Every repository and
 * integration suite already runs on both databases (the postgres project: eval runs, scorecards,
 * interactions' queries); running every UI detail twice would push `npm test` past CI's 30
 * minutes for no storage coverage. The workbench tour, the eval flows and the interactions page
 * run once, on SQLite.
 */
const E2E_ON_POSTGRES = [
  'test/e2e/prompts.e2e.ts',
  'test/e2e/datasets.e2e.ts',
  'test/e2e/ship-flow.e2e.ts',
];
/**
 * Integration files run once, on SQLite: those that never open a database, and CLI suites whose
 * commands only call channels (each command is a process of its own, seconds apiece; the
 * channels' storage runs on PostgreSQL in the repository and integration suites).
 */
const ONCE = [
  'test/integration/electronegativity.test.ts',
  'test/integration/packaging-config.test.ts',
  'test/integration/scoring-pulse-cli.test.ts',
  'test/integration/evals-scorecard-cli.test.ts',
  'test/integration/runs-cli.test.ts',
  'test/integration/cases-cli.test.ts',
  'test/integration/datasets-cli.test.ts',
  'test/integration/input-files-cli.test.ts',
  'test/integration/backtest-cli.test.ts',
  'test/integration/compose-file.test.ts',
  'test/integration/grafana-dashboards.test.ts',
];

export default defineConfig({
  test: {
    // Two files at once on CI's 2 cores (vitest's default is cores − 1 = 1): most test time is
    // spent waiting on child processes (the CLI, `assay serve`) and databases, not computing.
    // The e2e projects stay one file at a time (fileParallelism: false).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'main/**/*.test.ts',
            'shared/**/*.test.ts',
            'preload/**/*.test.ts',
            // The renderer's logic that needs no DOM (query layer, parsers).
            'renderer/src/**/*.test.ts',
            'test/integration/**/*.test.ts',
          ],
          environment: 'node',
          // Checks what the project declares in scripts/test-prerequisites.ts before it runs.
          globalSetup: ['scripts/test-prerequisites-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: DATABASE_SUITES,
          exclude: ONCE,
          environment: 'node',
          env: { ASSAY_TEST_DB: 'postgres' },
          globalSetup: ['scripts/test-prerequisites-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // Every flow on a local server; team.e2e.ts on a team server (PostgreSQL and Redis).
          // ASSAY_E2E_TEAM=1 runs them all on a team server, signed in as an editor
          // (test/support/team-mode.ts).
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['scripts/test-prerequisites-setup.ts'],
          // One browser, one server at a time: 2 cores, and the suite restarts servers.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e-postgres',
          include: E2E_ON_POSTGRES,
          environment: 'node',
          env: { ASSAY_TEST_DB: 'postgres' },
          globalSetup: ['scripts/test-prerequisites-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
