import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../kit/event-bus';
import type { IngestStatus } from '../../shared/contract';
import { AssayError, toErrorPayload } from '../../shared/errors';
import type { IngestServices } from './ingest-services';
import { startHttpServer, type RunningServer } from './start-server';

export interface LocalIngestOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly ingest: IngestServices;
  /** The `ingestPort` setting: `assay serve`'s default 7717, so an app uses one URL for either. */
  readonly port: number;
  /** 127.0.0.1 unless a test says otherwise; never beyond the machine (no token is set). */
  readonly host?: string;
}

/**
 * What the desktop app shows about its ingest server (`ingest.status`): where apps send to, or
 * why it is off.
 */
export type LocalIngestStatus = Exclude<IngestStatus, { state: 'server' }>;

/** The status before startLocalIngestServer has answered (the desktop opens no window before). */
export const INGEST_NOT_STARTED: LocalIngestStatus = {
  state: 'unavailable',
  port: 0,
  inUse: false,
  reason: 'the local ingest server has not started yet',
};

export interface LocalIngestServer {
  readonly status: LocalIngestStatus;
  close(): Promise<void>;
}

/**
 * The desktop app's local server for the user's apps: the gateway (`/gateway/openai/v1`,
 * `/gateway/anthropic/v1`), OTLP ingest (`/v1/traces`) and the HTTP API on 127.0.0.1, the same
 * routes `assay serve` has, without the workbench UI (the app has its window). A taken port
 * (often `assay serve` itself, already capturing into its own data directory) is reported in
 * the status instead of stopping the app: the app works without ingest.
 */
export async function startLocalIngestServer(
  options: LocalIngestOptions,
): Promise<LocalIngestServer> {
  let server: RunningServer;
  try {
    server = await startHttpServer({
      dispatcher: options.dispatcher,
      events: options.events,
      ingest: options.ingest,
      host: options.host ?? '127.0.0.1',
      port: options.port,
    });
  } catch (err) {
    return {
      status: unavailable(err, options.port, options.host ?? '127.0.0.1'),
      close: () => Promise.resolve(),
    };
  }
  return {
    status: { state: 'listening', url: server.url, port: server.port },
    close: () => server.close(),
  };
}

/**
 * Why the server is off, in the app's words: startHttpServer's "in use" message advises
 * `--port`, a flag of `assay serve`; the app's port is a setting.
 */
function unavailable(err: unknown, port: number, host: string): LocalIngestStatus {
  // startHttpServer reports EADDRINUSE, and only that, as CONFLICT.
  if (err instanceof AssayError && err.code === 'CONFLICT') {
    return {
      state: 'unavailable',
      port,
      inUse: true,
      reason: `another program, often assay serve, is listening on ${host}:${port}`,
    };
  }
  return { state: 'unavailable', port, inUse: false, reason: toErrorPayload(err).message };
}
