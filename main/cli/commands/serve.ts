import { AssayError } from '../../../shared/errors';
import { createHeadlessCore } from '../../app/create-headless-core';
import { resolveDataDir } from '../../app/data-dir';
import { parseDatabaseUrl } from '../../store/postgres/database-url';
import { startHttpServer } from '../../server/start-server';
import { teamOptionsFrom } from '../../team/team-options';
import { ensureRendererBuilt } from '../ensure-renderer';

export interface ServeOptions {
  readonly host?: string;
  readonly port?: string;
  readonly dataDir?: string;
  /** A PostgreSQL URL; falls back to ASSAY_DATABASE_URL, then SQLite in the data directory. */
  readonly database?: string;
  readonly token?: string;
  /** The token cookie is Secure: TLS ends at a proxy in front (the server itself speaks HTTP). */
  readonly secureCookie?: boolean;
  /** Team mode (see team-options.ts); each falls back to its ASSAY_* variable. */
  readonly redis?: string;
  readonly s3?: string;
  readonly publicUrl?: string;
  readonly build: boolean;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = '7717';

function parsePort(raw: string, name: string): number {
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AssayError(
      'CONFIG_INVALID',
      `${name} must be an integer from 0 to 65535, got "${raw}"`,
    );
  }
  return port;
}

/** `assay serve`: the workbench and the HTTP API until SIGINT/SIGTERM. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const env = process.env;
  const port =
    options.port !== undefined
      ? parsePort(options.port, '--port')
      : parsePort(env.ASSAY_PORT || DEFAULT_PORT, 'ASSAY_PORT');
  const host = options.host ?? (env.ASSAY_HOST || DEFAULT_HOST);
  const databaseUrl =
    options.database !== undefined
      ? parseDatabaseUrl(options.database, '--database')
      : env.ASSAY_DATABASE_URL
        ? parseDatabaseUrl(env.ASSAY_DATABASE_URL, 'ASSAY_DATABASE_URL')
        : undefined;
  const team = teamOptionsFrom(options, env, databaseUrl);
  const token = options.token ?? env.ASSAY_TOKEN;
  const dataDir = resolveDataDir(options.dataDir);
  const log = (line: string): void => void process.stdout.write(`${line}\n`);

  const rendererDir = options.build ? await ensureRendererBuilt(log) : undefined;
  const core = await createHeadlessCore(dataDir, env, databaseUrl, team);
  let server;
  try {
    server = await startHttpServer({
      ...options,
      host,
      port,
      // Team mode: accounts guard every request (sessions, personal tokens; main/auth).
      team:
        team && core.services.auth
          ? {
              auth: core.services.auth,
              publicUrl: team.publicUrl,
              secureCookie: options.secureCookie,
            }
          : undefined,
      token,
      rendererDir,
      dispatcher: core.dispatcher,
      events: core.events,
      metrics: () => core.services.llm.metrics.registry.metrics(),
      ingest: core.services,
    });
  } catch (err) {
    await core.close();
    throw err;
  }
  // Pulse alert rules are evaluated every minute, online scoring rules score what arrives, and
  // ended days of scores are summed for the dashboards (hourly), while the server runs.
  core.services.pulse.start();
  core.services.scoringRules.start();
  core.services.scoreRollup.start();
  core.services.backtests.start();
  const url = token ? `${server.url}/?token=${encodeURIComponent(token)}` : `${server.url}/`;
  const { dialect, location } = core.services.storeInfo;
  log(`Assay is serving ${dataDir}`);
  if (dialect === 'postgres') log(`Database: PostgreSQL at ${location}`);
  if (team)
    log(
      `Team mode: Redis prefix "${team.redisPrefix}"${team.s3 ? `, blobs in S3 bucket "${team.s3.bucket}"` : ''}`,
    );
  log(`Workbench: ${url}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      log(`\n${signal}: shutting down…`);
      void server
        .close()
        .then(() => core.close())
        .then(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
