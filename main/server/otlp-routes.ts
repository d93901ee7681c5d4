import type { Hono } from 'hono';
import type { IngestRouteOptions } from './gateway-routes';
import type { IngestServices } from './ingest-services';

/** `POST /v1/traces` (OTLP/HTTP, protobuf and JSON): built in issue 13 (OTLP ingest). */
export function mountOtlpRoutes(
  _app: Hono,
  _services: IngestServices,
  _options: IngestRouteOptions,
): void {}
