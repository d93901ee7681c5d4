import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { toErrorPayload, type ErrorCode } from '../../shared/errors';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../kit/event-bus';
import { mountApiRoutes } from './api-routes';
import { isIngestPath, OTLP_TRACES_PATH, type IngestServices } from './ingest-services';
import { otlpErrorResponse } from '../tracing/otlp/otlp-status';
import { mountOtlpRoutes } from './otlp-routes';
import { mountEventStream } from './event-stream';
import { errorResponse, loopbackHostGuard, tokenGuard } from './request-guards';
import { securityHeaders } from './security-headers';
import { requirePrincipal, teamPrincipal, type TeamHttpOptions } from './team-session';

export interface HttpAppOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  /** The built renderer (index.html and assets); omitted for API-only use. */
  readonly rendererDir?: string;
  /** Required on every request when set. */
  readonly token?: string;
  /** The bound port, which names the token cookie (see tokenCookieName). */
  readonly port: () => number;
  /** Mark the token cookie Secure: TLS is terminated in front of this plain-HTTP server. */
  readonly secureCookie?: boolean;
  /** True when bound to a loopback address: enables the DNS-rebinding host check. */
  readonly loopbackOnly: boolean;
  /**
   * The services behind OTLP ingest; omitted, it is not served. (The gateway, which uses them
   * too, is served beside this app: see gateway-listener.ts.)
   */
  readonly ingest?: IngestServices;
  /** Prometheus text exposition, served on GET /metrics when given. */
  readonly metrics?: () => Promise<string>;
  /**
   * Team mode: every request names its user (session cookie or personal API token) and the
   * dispatcher checks their role; the shared `token` is not used.
   */
  readonly team?: TeamHttpOptions;
}

/** The HTTP transport: the same dispatcher and events as IPC, plus the workbench's files. */
export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  if (options.loopbackOnly)
    app.use(
      '*',
      // OTLP clients get every refusal as a google.rpc.Status in their encoding (otlp-status.ts).
      loopbackHostGuard((c, error) =>
        options.ingest && c.req.path === OTLP_TRACES_PATH
          ? otlpErrorResponse(error, c.req.header('content-type'))
          : errorResponse(error.code, error.message),
      ),
    );
  const team = options.team;
  if (team) {
    // Ingest routes take a personal API token themselves (OTLP exporters send no cookies).
    const principal = teamPrincipal(team.auth);
    app.use('*', (c, next) =>
      options.ingest && isIngestPath(c.req.path) ? next() : principal(c, next),
    );
    app.use('/metrics', requirePrincipal());
    app.use('/api/events', requirePrincipal());
  } else if (options.token) {
    const guard = tokenGuard(options.token, { port: options.port, secure: options.secureCookie });
    // Apps posting to OTLP ingest (and the gateway, served beside this app) send their own
    // credentials (a provider key beside the token); those routes check the token themselves.
    app.use('*', (c, next) =>
      options.ingest && isIngestPath(c.req.path) ? next() : guard(c, next),
    );
  }

  app.get('/api/health', (c) => c.json({ ok: true }));
  const metrics = options.metrics;
  if (metrics) {
    // Behind the same host and token guards as the API: metrics name models and volumes.
    app.get('/metrics', async (c) =>
      c.body(await metrics(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
    );
  }
  if (options.ingest)
    mountOtlpRoutes(app, options.ingest, {
      token: team ? undefined : options.token,
      authenticate: team ? (token) => team.auth.authenticateToken(token) : undefined,
    });
  mountEventStream(app, options.events);
  mountApiRoutes(app, options.dispatcher, team);

  const rendererDir = options.rendererDir;
  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: rendererDir }));
    app.get('/', serveStatic({ path: path.join(rendererDir, 'index.html') }));
  } else {
    app.get('/', (c) =>
      c.text(
        'The workbench UI is not built. Run `npm run build`, or use the API under /api/.',
        503,
      ),
    );
  }
  app.notFound((c) => errorResponse('NOT_FOUND', `No such path: ${c.req.path}`));
  app.onError(answerError);
  return app;
}

/** HTTP statuses Hono's own exceptions carry, as the codes clients read. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * The last resort for anything thrown in a route or middleware: a coded JSON error like every
 * other answer, never Hono's bare "Internal Server Error" text, and the process keeps serving.
 */
function answerError(err: Error): Response {
  if (err instanceof HTTPException && CODE_OF_STATUS[err.status])
    return errorResponse(CODE_OF_STATUS[err.status]!, err.message || `HTTP ${err.status}`);
  const payload = toErrorPayload(err);
  if (payload.code === 'INTERNAL') console.error('[http] request failed:', err);
  return errorResponse(payload.code, payload.message, payload.details);
}
