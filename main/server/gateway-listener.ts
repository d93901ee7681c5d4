import type { TokenAuthenticator } from '../auth/ingest-token';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { getPath } from 'hono/utils/url';
import { AssayError, httpStatusOf, toErrorPayload } from '../../shared/errors';
import {
  isStreamAnswer,
  type GatewayRequest,
  type StreamAnswer,
  type WholeAnswer,
} from '../tracing/gateway/gateway-exchange';
import { GatewayProxy } from '../tracing/gateway/gateway-proxy';
import {
  MAX_GATEWAY_BODY_BYTES,
  bodyTooLarge,
  gatewayRouteOf,
  isGatewayPath,
  noSuchRoute,
} from '../tracing/gateway/gateway-routes';
import type { IngestServices } from './ingest-services';
import { errorBody, loopbackHostRefusal } from './request-guards';
import { SECURITY_HEADERS } from './security-headers';

/*
 * The gateway's HTTP transport: node:http request in, node:http answer out, before and beside
 * the Hono app. An LLM call through the gateway must add well under a millisecond, and the
 * fetch-API layer (a Request per call, Response and ReadableStream wrappers, the middleware
 * chain) cost about half of that. This module does for /gateway/* exactly what the Hono app
 * did (the same host check, security headers, body limit, routes and 404), then hands the
 * call to GatewayProxy, which holds all of the gateway's own logic.
 */

export interface GatewayTarget {
  /** The path as Hono would route it (dot segments resolved, percent-decoding applied). */
  readonly path: string;
  /** The request URL as @hono/node-server would build it: the origin check reads it. */
  readonly href: string;
}

export interface GatewayListener {
  /** Where a request goes in the gateway; null: it is not the gateway's (the app serves it). */
  target(req: IncomingMessage): GatewayTarget | null;
  handle(req: IncomingMessage, res: ServerResponse, target: GatewayTarget): void;
  /** Stores the spans still gathered for a batch (the server is closing). */
  drain(): Promise<void>;
}

export interface GatewayListenerOptions {
  /** The server token (required off loopback); see credentials.ts. */
  readonly token?: string;
  /** True when bound to a loopback address: enables the DNS-rebinding host check. */
  readonly loopbackOnly: boolean;
  /** Team mode: personal API tokens (editor or admin) instead of the server token. */
  readonly authenticate?: TokenAuthenticator;
}

// @hono/node-server's own tests for a request target it can use as is (src/url.ts).
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
const PLAIN_PATH = /^\/[!#$&-;=?-[\]_a-z~]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

/**
 * The target of a request, by the rules the Hono app routed on, so a path reaches the gateway
 * exactly when it reached the gateway's Hono routes before. Plain targets (every SDK call) are
 * read as they are; anything else goes through the URL @hono/node-server would build and
 * Hono's own getPath. A target it would refuse (bad Host, a backslash) is left to the app,
 * which answers 400 as before.
 */
export function gatewayTarget(req: IncomingMessage): GatewayTarget | null {
  const url = req.url ?? '';
  const host = req.headers.host;
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  if (
    host !== undefined &&
    PLAIN_HOST.test(host) &&
    PLAIN_PATH.test(url) &&
    !DOT_SEGMENT.test(url)
  ) {
    if (!isGatewayPath(url)) return null;
    return { path: url.slice(0, pathEnd(url)), href: `${scheme}://${host}${url}` };
  }
  let href: string;
  try {
    href = requestHref(url, host, scheme);
  } catch {
    return null;
  }
  // getPath reads only `url`.
  const path = getPath({ url: href } as Request);
  return isGatewayPath(path) ? { path, href } : null;
}

function pathEnd(url: string): number {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  if (query === -1) return hash === -1 ? url.length : hash;
  return hash === -1 ? query : Math.min(query, hash);
}

/** The request URL @hono/node-server builds (src/request.ts newRequest, src/url.ts buildUrl). */
function requestHref(url: string, host: string | undefined, scheme: string): string {
  const noBackslash = (): void => {
    const backslash = url.indexOf('\\');
    const query = url.indexOf('?');
    if (backslash !== -1 && (query === -1 || backslash < query))
      throw new Error('Backslash in request path');
  };
  if (url[0] !== '/' && (url.startsWith('http://') || url.startsWith('https://'))) {
    noBackslash();
    return new URL(url).href;
  }
  if (!host) throw new Error('Missing host header');
  const href = `${scheme}://${host}${url}`;
  if (!PLAIN_HOST.test(host)) {
    noBackslash();
    const parsed = new URL(href);
    const bare = (host.includes(':') ? host.replace(/:\d+$/, '') : host).toLowerCase();
    if (parsed.hostname.length !== host.length && parsed.hostname !== bare)
      throw new Error('Invalid host header');
    return parsed.href;
  }
  if (url === '') return `${href}/`;
  if (url[0] !== '/') throw new Error('Invalid URL');
  noBackslash();
  return new URL(href).href;
}

/**
 * Request headers by lower-case name, a repeated header's values joined by ", " as the fetch
 * API's Headers joins them (the Hono route read them that way; `cookie` is never read here).
 */
function headerMap(raw: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const prev = map.get(name);
    map.set(name, prev === undefined ? raw[i + 1]! : `${prev}, ${raw[i + 1]!}`);
  }
  return map;
}

/**
 * The whole request body, or null past `limit` bytes (the rest is left unread and dropped by
 * discardUnreadBody once the 413 is sent). A client that goes away mid-body is CANCELLED.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > limit) {
        stop();
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onGone = (): void => {
      stop();
      reject(new AssayError('CANCELLED', 'The client went away while sending the call'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

/** How long, and how much, an unread request body is read and dropped (@hono/node-server's). */
const DISCARD_MS = 500;
const DISCARD_MAX_BYTES = 64 * 1024 * 1024;

/**
 * A body left unread (a refused call) is read and dropped once the answer is out, so the
 * connection can carry the app's next call; one still coming after DISCARD_MS or past
 * DISCARD_MAX_BYTES closes the connection instead.
 */
function discardUnreadBody(req: IncomingMessage): void {
  if (req.readableEnded || req.destroyed) return;
  let bytes = 0;
  const done = (): void => {
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', done);
    req.off('error', done);
  };
  const close = (): void => {
    done();
    req.socket.destroySoon();
  };
  const onData = (chunk: Buffer): void => {
    bytes += chunk.byteLength;
    if (bytes > DISCARD_MAX_BYTES) close();
  };
  const timer = setTimeout(close, DISCARD_MS);
  timer.unref();
  req.on('data', onData);
  req.on('end', done);
  req.on('error', done);
  req.resume();
}

/** A whole answer, with the security headers every answer of this server carries. */
function send(req: IncomingMessage, res: ServerResponse, answer: WholeAnswer): void {
  if (res.destroyed) return;
  const headers: OutgoingHttpHeaders = { ...answer.headers, ...SECURITY_HEADERS };
  // HEAD gets GET's headers without a body (nor a length, as the Hono app sent it).
  const body = req.method === 'HEAD' ? null : answer.body;
  if (body !== null) {
    headers['content-length'] = body.byteLength;
    headers['content-type'] ??= 'text/plain; charset=UTF-8';
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && !req.readableEnded)
    res.once('finish', () => discardUnreadBody(req));
  res.writeHead(answer.status, headers);
  if (body === null) res.end();
  else res.end(body);
}

/**
 * A provider's stream passed through chunk by chunk, with backpressure: a slow app pauses the
 * upstream read rather than having the stream buffered here. Settled once, however it ends.
 */
function relay(res: ServerResponse, answer: StreamAnswer): void {
  const body = answer.body;
  if (res.destroyed) {
    // The app hung up as the provider answered: its 'close' has been and gone.
    answer.settle('client');
    body.destroy();
    return;
  }
  // Declared chunked, so each chunk is framed and written the moment it arrives.
  res.writeHead(answer.status, {
    ...answer.headers,
    'transfer-encoding': 'chunked',
    ...SECURITY_HEADERS,
  });
  // The headers go at once (the app's SDK returns from create() on them, however long the
  // first token takes), unless the first chunk is already here to go in the same write.
  if (body.readableLength === 0) res.flushHeaders();
  let over = false;
  body.on('data', (chunk: Buffer) => {
    if (over) return;
    if (!res.write(chunk)) body.pause();
    answer.seen(chunk);
  });
  res.on('drain', () => body.resume());
  body.on('end', () => {
    if (over) return;
    over = true;
    res.end();
    answer.settle('done');
  });
  body.on('error', (err) => {
    if (over) return;
    over = true;
    answer.settle('upstream', err);
    // The app sees the stream break, as the provider broke it.
    res.destroy();
  });
  res.on('close', () => {
    if (over) return;
    over = true;
    answer.settle('client');
    body.destroy();
  });
}

/** The last resort for anything thrown: a coded JSON error, as the Hono app's onError gives. */
function answerUnexpected(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  const payload = toErrorPayload(err);
  if (payload.code === 'INTERNAL') console.error('[http] request failed:', err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  send(req, res, {
    status: httpStatusOf(payload.code),
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(errorBody(payload.code, payload.message, payload.details))),
  });
}

export function createGatewayListener(
  services: IngestServices,
  options: GatewayListenerOptions,
): GatewayListener {
  const proxy = new GatewayProxy(services, options.token, options.authenticate);

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    target: GatewayTarget,
    signal: AbortSignal,
  ): Promise<void> {
    const headers = headerMap(req.rawHeaders);
    if (options.loopbackOnly) {
      const refusal = loopbackHostRefusal(headers.get('host'));
      if (refusal !== null) {
        const body = Buffer.from(JSON.stringify(errorBody('FORBIDDEN', refusal)));
        const json = { 'content-type': 'application/json' };
        return send(req, res, { status: httpStatusOf('FORBIDDEN'), headers: json, body });
      }
    }
    const method = req.method ?? 'GET';
    const route = gatewayRouteOf(method, target.path);
    if (route === undefined) return send(req, res, noSuchRoute(method, target.path));

    let body: Buffer | undefined;
    if (route.kind !== 'models') {
      // A declared length over the limit is refused before a byte is read; a chunked body is
      // counted as it comes. Either way before any other check, as the Hono route did.
      const length = headers.get('content-length');
      if (
        length !== undefined &&
        !headers.has('transfer-encoding') &&
        parseInt(length, 10) > MAX_GATEWAY_BODY_BYTES
      )
        return send(req, res, bodyTooLarge(target.path));
      const read = await readBody(req, MAX_GATEWAY_BODY_BYTES);
      if (read === null) return send(req, res, bodyTooLarge(target.path));
      body = read;
    }

    let origin: string | undefined;
    const request: GatewayRequest = {
      header: (name) => headers.get(name),
      headers,
      origin: () => (origin ??= new URL(target.href).origin),
      body,
      signal,
    };
    const answer = await proxy.handle(request, route);
    if (isStreamAnswer(answer)) relay(res, answer);
    else send(req, res, answer);
  }

  return {
    target: gatewayTarget,
    handle(req, res, target) {
      // The signal the proxy hands upstream: the app hanging up cancels its call.
      const hangUp = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) hangUp.abort();
      });
      answer(req, res, target, hangUp.signal).catch((err: unknown) =>
        answerUnexpected(req, res, err),
      );
    },
    drain: () => proxy.drain(),
  };
}
