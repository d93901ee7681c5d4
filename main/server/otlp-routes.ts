import { sameSecret } from '../kit/same-secret';
import type { Hono } from 'hono';
import { AssayError } from '../../shared/errors';
import { decodeContent, readLimited } from '../tracing/otlp/read-body';
import { encodingOf, ingestOtlp } from '../tracing/otlp/otlp-ingest';
import { otlpErrorResponse } from '../tracing/otlp/otlp-status';
import { ingestPrincipal } from '../auth/ingest-token';
import { bearerOf } from './team-session';
import { OTLP_TRACES_PATH, type IngestRouteOptions, type IngestServices } from './ingest-services';

/**
 * `POST /v1/traces`: OTLP/HTTP trace export, protobuf or JSON, plain or gzip. A batch is stored
 * whole or not at all. Success is an empty ExportTraceServiceResponse in the request's encoding.
 * Refusals (400 malformed, 401, 413, 415) are a google.rpc.Status in the request's encoding
 * whose message starts with Assay's code (otlp-status.ts): the OpenTelemetry exporters retry
 * only 429/502/503/504, so a refused batch is dropped by the client, not resent forever.
 */
export function mountOtlpRoutes(
  app: Hono,
  services: IngestServices,
  options: IngestRouteOptions,
): void {
  app.post(OTLP_TRACES_PATH, async (c) => {
    const contentType = c.req.header('content-type');
    try {
      // A server with a token (any bind off loopback has one) wants it from every exporter,
      // which sends it through OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <token>".
      if (options.authenticate) {
        await ingestPrincipal(
          options.authenticate,
          bearerOf(c.req.header('authorization')),
          'set OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer assay_pat_…" (an editor token)',
        );
      } else if (options.token) {
        const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
        if (!sameSecret(bearer, options.token))
          throw new AssayError(
            'UNAUTHORIZED',
            'Missing or wrong token: set OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <token>"',
          );
      }
      const encoding = encodingOf(contentType);
      const body = await decodeContent(
        await readLimited(c.req.raw.body),
        c.req.header('content-encoding'),
      );
      await ingestOtlp(body, encoding, services);
      return encoding === 'protobuf'
        ? c.body(null, 200, { 'content-type': 'application/x-protobuf' })
        : c.json({}, 200);
    } catch (err) {
      // Only the unexpected is logged: a malformed batch is the sender's business.
      if (!(err instanceof AssayError)) console.error('[otlp] ingest failed:', err);
      return otlpErrorResponse(err, contentType);
    }
  });
}
