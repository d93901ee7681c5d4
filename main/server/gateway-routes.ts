import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { gatewayError, type WireFormat } from '../tracing/gateway/gateway-error';
import { GatewayProxy, type GatewayRoute } from '../tracing/gateway/gateway-proxy';
import type { IngestServices } from './ingest-services';

export interface IngestRouteOptions {
  /** The server token (required off loopback); see ingest-guard. */
  readonly token?: string;
}

/** The largest call body the gateway takes (a long conversation with a few images inline). */
export const MAX_GATEWAY_BODY_BYTES = 20 * 1024 * 1024;

const formatOf = (path: string): WireFormat =>
  path.startsWith('/gateway/anthropic/') ? 'anthropic' : 'openai';

/**
 * The LLM gateway: OpenAI-compatible `/gateway/openai/v1/*` (and `/gateway/local/v1/*` for the
 * configured local OpenAI-compatible server) and Anthropic-compatible
 * `/gateway/anthropic/v1/*`, so an app changes only its SDK's base URL. See README "Gateway".
 */
export function mountGatewayRoutes(
  app: Hono,
  services: IngestServices,
  options: IngestRouteOptions,
): { drain(): Promise<void> } {
  const proxy = new GatewayProxy(services, options.token);
  const limit = bodyLimit({
    maxSize: MAX_GATEWAY_BODY_BYTES,
    onError: (c) =>
      gatewayError(
        formatOf(c.req.path),
        'PAYLOAD_TOO_LARGE',
        `Request body is over ${MAX_GATEWAY_BODY_BYTES} bytes`,
      ),
  });
  const post = (path: string, route: GatewayRoute): void => {
    app.post(path, limit, (c) => proxy.handle(c, route));
  };
  for (const provider of ['openai', 'local'] as const) {
    const base = `/gateway/${provider}/v1`;
    const format = 'openai';
    post(`${base}/chat/completions`, {
      provider,
      format,
      kind: 'chat',
      upstreamPath: '/chat/completions',
    });
    post(`${base}/embeddings`, {
      provider,
      format,
      kind: 'embeddings',
      upstreamPath: '/embeddings',
    });
    app.get(`${base}/models`, (c) =>
      proxy.handle(c, { provider, format, kind: 'models', upstreamPath: '/models' }),
    );
  }
  post('/gateway/anthropic/v1/messages', {
    provider: 'anthropic',
    format: 'anthropic',
    kind: 'messages',
    upstreamPath: '/messages',
  });
  app.get('/gateway/anthropic/v1/models', (c) =>
    proxy.handle(c, {
      provider: 'anthropic',
      format: 'anthropic',
      kind: 'models',
      upstreamPath: '/models',
    }),
  );
  app.all('/gateway/*', (c) =>
    gatewayError(
      formatOf(c.req.path),
      'NOT_FOUND',
      `No gateway route ${c.req.method} ${c.req.path}: use /gateway/openai/v1/chat/completions, /embeddings, /models or /gateway/anthropic/v1/messages`,
    ),
  );
  return { drain: () => proxy.drain() };
}
