import type { WholeAnswer } from './gateway-exchange';
import { gatewayError, type WireFormat } from './gateway-error';
import type { RouteKind } from './prepare-call';
import type { GatewayProvider } from './upstream';

export interface GatewayRoute {
  readonly provider: GatewayProvider;
  readonly format: WireFormat;
  /** `models` is listed, not recorded; the others are calls with a span. */
  readonly kind: RouteKind | 'models';
  /** The path after the upstream base URL (which ends in /v1). */
  readonly upstreamPath: string;
}

/** The largest call body the gateway takes (a long conversation with a few images inline). */
export const MAX_GATEWAY_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Paths the gateway answers: everything under `/gateway/`, the paths that skip the server
 * token guard (see ingest-services.ts); bare `/gateway` is the HTTP app's plain 404.
 */
export function isGatewayPath(path: string): boolean {
  return path.startsWith('/gateway/');
}

/**
 * The LLM gateway's routes: OpenAI-compatible `/gateway/openai/v1/*` (and `/gateway/local/v1/*`
 * for the configured local OpenAI-compatible server) and Anthropic-compatible
 * `/gateway/anthropic/v1/*`, so an app changes only its SDK's base URL. See README "Gateway".
 * Keyed by "METHOD path"; calls are POSTs, model lists GETs.
 */
const ROUTES = new Map<string, GatewayRoute>();
for (const provider of ['openai', 'local'] as const) {
  const base = `/gateway/${provider}/v1`;
  const route = (kind: GatewayRoute['kind'], upstreamPath: string): GatewayRoute => ({
    provider,
    format: 'openai',
    kind,
    upstreamPath,
  });
  ROUTES.set(`POST ${base}/chat/completions`, route('chat', '/chat/completions'));
  ROUTES.set(`POST ${base}/embeddings`, route('embeddings', '/embeddings'));
  ROUTES.set(`GET ${base}/models`, route('models', '/models'));
}
ROUTES.set('POST /gateway/anthropic/v1/messages', {
  provider: 'anthropic',
  format: 'anthropic',
  kind: 'messages',
  upstreamPath: '/messages',
});
ROUTES.set('GET /gateway/anthropic/v1/models', {
  provider: 'anthropic',
  format: 'anthropic',
  kind: 'models',
  upstreamPath: '/models',
});

/** The route of a request; HEAD is answered as GET without the body, as HTTP has it. */
export function gatewayRouteOf(method: string, path: string): GatewayRoute | undefined {
  return ROUTES.get(`${method === 'HEAD' ? 'GET' : method} ${path}`);
}

/** Errors before a route is known speak the wire format the path names. */
export function formatOfPath(path: string): WireFormat {
  return path.startsWith('/gateway/anthropic/') ? 'anthropic' : 'openai';
}

export function noSuchRoute(method: string, path: string): WholeAnswer {
  return gatewayError(
    formatOfPath(path),
    'NOT_FOUND',
    `No gateway route ${method} ${path}: use /gateway/openai/v1/chat/completions, /embeddings, /models or /gateway/anthropic/v1/messages`,
  );
}

export function bodyTooLarge(path: string): WholeAnswer {
  return gatewayError(
    formatOfPath(path),
    'PAYLOAD_TOO_LARGE',
    `Request body is over ${MAX_GATEWAY_BODY_BYTES} bytes`,
  );
}
