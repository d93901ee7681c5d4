import type { Hono } from 'hono';
import type { IngestServices } from './ingest-services';

export interface IngestRouteOptions {
  /** The server token (required off loopback); see ingest-guard. */
  readonly token?: string;
}

/** `/gateway/openai/v1/*` and `/gateway/anthropic/v1/*`: built in issue 13 (gateway). */
export function mountGatewayRoutes(
  _app: Hono,
  _services: IngestServices,
  _options: IngestRouteOptions,
): void {}
