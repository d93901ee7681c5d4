import { sameSecret } from '../kit/same-secret';
import type { Hono } from 'hono';
import { AssayError, toErrorPayload } from '../../shared/errors';
import { decodeContent, readLimited } from '../tracing/otlp/read-body';
import { encodingOf, ingestOtlp } from '../tracing/otlp/otlp-ingest';
import type { IngestRouteOptions, IngestServices } from './ingest-services';
import { errorResponse } from './request-guards';

/**
 * `POST /v1/traces`: OTLP/HTTP trace export, protobuf or JSON, plain or gzip. A batch is stored
 * whole or not at all. Success is an empty ExportTraceServiceResponse in the request's encoding.
 * Refusals are coded JSON errors (400 malformed, 401, 413, 415): the OpenTelemetry exporters
 * retry only 429/502/503/504, so a refused batch is dropped by the client, not resent forever.
 */
export function mountOtlpRoutes(
  app: Hono,
  services: IngestServices,
  options: IngestRouteOptions,
): void {
  app.post('/v1/traces', async (c) => {
    try {
      // A server with a token (any bind off loopback has one) wants it from every exporter,
      // which sends it through OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <token>".
      if (options.token) {
        const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
        if (!sameSecret(bearer, options.token))
          return errorResponse(
            'UNAUTHORIZED',
            'Missing or wrong token: set OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <token>"',
          );
      }
      const encoding = encodingOf(c.req.header('content-type'));
      const body = await decodeContent(
        await readLimited(c.req.raw.body),
        c.req.header('content-encoding'),
      );
      await ingestOtlp(body, encoding, services);
      return encoding === 'protobuf'
        ? c.body(null, 200, { 'content-type': 'application/x-protobuf' })
        : c.json({}, 200);
    } catch (err) {
      const payload = toErrorPayload(err);
      // Only the unexpected is logged: a malformed batch is the sender's business.
      if (!(err instanceof AssayError)) console.error('[otlp] ingest failed:', err);
      return errorResponse(payload.code, payload.message, payload.details);
    }
  });
}
