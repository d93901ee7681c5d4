import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../kit/event-bus';
import { toErrorPayload } from '../../shared/errors';
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

/** What the desktop app shows about its ingest server: where apps send to, or why it is off. */
export type LocalIngestStatus =
  | { readonly state: 'listening'; readonly url: string; readonly port: number }
  | { readonly state: 'unavailable'; readonly port: number; readonly reason: string };

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
    const reason = toErrorPayload(err).message;
    return {
      status: { state: 'unavailable', port: options.port, reason },
      close: () => Promise.resolve(),
    };
  }
  return {
    status: { state: 'listening', url: server.url, port: server.port },
    close: () => server.close(),
  };
}
