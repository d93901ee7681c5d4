import type { TokenAuthenticator } from '../auth/ingest-token';
import type { CoreServices } from '../api/core-services';

/** What the gateway and OTLP ingest use of the core: services only, never the store. */
export type IngestServices = Pick<
  CoreServices,
  'tracing' | 'llm' | 'prompts' | 'settings' | 'secrets' | 'events'
>;

/** Where OTLP/HTTP exporters post traces (their default path under the endpoint). */
export const OTLP_TRACES_PATH = '/v1/traces';

/** Paths apps post to, which carry their own credentials (see ingest-guard.ts). */
export const INGEST_PATH_PREFIXES = ['/gateway/', OTLP_TRACES_PATH] as const;

export function isIngestPath(path: string): boolean {
  return INGEST_PATH_PREFIXES.some((p) => path === p || path.startsWith(p));
}

export interface IngestRouteOptions {
  /** The server token (required off loopback): OTLP exporters send it as a Bearer token. */
  readonly token?: string;
  /** Team mode: a personal API token of an editor or admin instead (see ingest-token.ts). */
  readonly authenticate?: TokenAuthenticator;
}
