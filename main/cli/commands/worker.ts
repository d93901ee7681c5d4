import { AssayError } from '../../../shared/errors';
import { createHeadlessCore } from '../../app/create-headless-core';
import { resolveDataDir } from '../../app/data-dir';
import { teamOptionsFrom } from '../../team/team-options';
import { CASE_QUEUE } from '../../jobs/case-jobs';
import { DEFAULT_CASE_WORKER_TUNING, startCaseWorker } from '../../jobs/start-case-worker';
import { startMetricsListener, type MetricsListener } from '../../metrics/metrics-listener';
import { parseDatabaseUrl } from '../../store/postgres/database-url';
import { intOption } from '../int-option';

export interface WorkerOptions {
  readonly dataDir?: string;
  /** A PostgreSQL URL; falls back to ASSAY_DATABASE_URL. */
  readonly database?: string;
  /** A Redis URL; falls back to ASSAY_REDIS_URL. */
  readonly redis?: string;
  /** Jobs at once; falls back to ASSAY_WORKER_CONCURRENCY, then 20. */
  readonly concurrency?: string;
  readonly lockDuration?: string;
  readonly stalledInterval?: string;
  /** Port of /metrics; falls back to ASSAY_METRICS_PORT, then 9464 (0: a free one). */
  readonly metricsPort?: string;
}

const DEFAULT_METRICS_PORT = 9464;

/**
 * `assay worker`: takes eval case jobs from the team's Redis and runs them with the same core
 * as `assay serve`, on the same PostgreSQL, until SIGINT/SIGTERM. Provider keys come from the
 * environment (OPENAI_API_KEY, ...), as for the server.
 */
export async function workerCommand(options: WorkerOptions): Promise<void> {
  const env = process.env;
  const rawDatabase = options.database ?? (env.ASSAY_DATABASE_URL || undefined);
  if (!rawDatabase)
    throw new AssayError(
      'CONFIG_INVALID',
      '--database: a worker needs the team PostgreSQL (or ASSAY_DATABASE_URL)',
    );
  const databaseUrl = parseDatabaseUrl(
    rawDatabase,
    options.database ? '--database' : 'ASSAY_DATABASE_URL',
  );
  const team = teamOptionsFrom({ redis: options.redis }, env, databaseUrl);
  if (!team)
    throw new AssayError('CONFIG_INVALID', '--redis: a worker needs Redis (or ASSAY_REDIS_URL)');
  const concurrency =
    intOption('--concurrency', options.concurrency, 1, 1000) ??
    intOption('ASSAY_WORKER_CONCURRENCY', env.ASSAY_WORKER_CONCURRENCY || undefined, 1, 1000) ??
    DEFAULT_CASE_WORKER_TUNING.concurrency;
  const lockDurationMs =
    intOption('--lock-duration', options.lockDuration, 500, 600_000) ??
    DEFAULT_CASE_WORKER_TUNING.lockDurationMs;
  const stalledIntervalMs =
    intOption('--stalled-interval', options.stalledInterval, 200, 600_000) ??
    DEFAULT_CASE_WORKER_TUNING.stalledIntervalMs;
  const metricsPort =
    intOption('--metrics-port', options.metricsPort, 0, 65535) ??
    intOption('ASSAY_METRICS_PORT', env.ASSAY_METRICS_PORT || undefined, 0, 65535) ??
    DEFAULT_METRICS_PORT;
  const log = (line: string): void => void process.stdout.write(`${line}\n`);

  const core = await createHeadlessCore(resolveDataDir(options.dataDir), env, databaseUrl, team);
  // One registry for the process (calls, jobs, queue depth, results, Node), as serve has.
  const coreMetrics = core.services.metrics;
  coreMetrics.collectProcessMetrics();
  coreMetrics.jobs.watchQueue(CASE_QUEUE, () => core.caseQueue!.depth());
  const worker = startCaseWorker(
    team,
    core.services.runs,
    {
      concurrency,
      lockDurationMs,
      stalledIntervalMs,
      // A slot outlives a lock: a killed worker's slots lapse soon after its jobs come back.
      slotLeaseMs: Math.max(lockDurationMs, 1_000),
    },
    { metrics: coreMetrics.jobs },
  );
  let metrics: MetricsListener;
  try {
    // Every address: Prometheus scrapes workers from the stack's network (the healthcheck too).
    metrics = await startMetricsListener(metricsPort, '0.0.0.0', () => coreMetrics.text());
  } catch (err) {
    await worker.close();
    await core.close();
    throw err;
  }
  const port = metrics.port;
  log(`Assay worker: ${concurrency} jobs at once, queue ${team.redisPrefix}:${CASE_QUEUE}`);
  log(`Metrics: http://0.0.0.0:${port}/metrics`);
  log('Worker ready');

  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      log(`${signal}: finishing running jobs…`);
      void worker
        .close()
        .then(() => metrics.close())
        .then(() => core.close())
        .then(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
