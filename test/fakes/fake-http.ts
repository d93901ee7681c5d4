import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { defaultReply, type ReplyScript } from './fake-reply';
import { FaultPlan, type Fault } from './fault-plan';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/** Request and response as both http and http2-compat expose them. */
export type FakeReq = http.IncomingMessage | http2.Http2ServerRequest;
export type FakeRes = http.ServerResponse | http2.Http2ServerResponse;

/** What a fake's route handler gets: the parsed body and the fault chosen for this request. */
export interface FakeContext {
  readonly req: FakeReq;
  readonly res: FakeRes;
  readonly path: string;
  readonly body: unknown;
  /** A fault of a mid-stream kind, for streaming handlers to apply; null otherwise. */
  readonly streamFault: Extract<Fault, { kind: 'drop-mid-stream' | 'error-mid-stream' }> | null;
  readonly server: FakeServer;
}

export type FakeRoute = (ctx: FakeContext) => Promise<void> | void;

/** A running fake provider: its URL, what it received, and the knobs tests turn. */
export class FakeServer {
  url = '';
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultPlan();
  /** Delay before every answer, to simulate model latency. */
  latencyMs = 0;
  reply: ReplyScript = defaultReply;
  /** Set `record = false` in benchmarks so memory stays flat. */
  record = true;
  /** Requests being answered now, and the most there were at once. */
  inFlight = 0;
  peakInFlight = 0;
  close: () => Promise<void> = () => Promise.resolve();
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: FakeReq): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Destroys the underlying connection (HTTP/1.1 socket or HTTP/2 stream). */
export function dropConnection(res: FakeRes): void {
  if ('stream' in res && res.stream) res.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
  else (res as http.ServerResponse).socket?.destroy();
}

export interface FakeListenOptions {
  /** Serve cleartext HTTP/2 (h2c) instead of HTTP/1.1: the Bedrock client defaults to HTTP/2. */
  readonly h2c?: boolean;
  /** Renders the provider's own error body for a `status` fault. */
  readonly errorBody: (status: number, message: string) => unknown;
  /** Extra headers of the provider's error responses (e.g. Bedrock's x-amzn-errortype). */
  readonly errorHeaders?: (status: number) => Record<string, string>;
}

/**
 * Starts a fake on 127.0.0.1 with an ephemeral port. `route` answers a request; this wrapper
 * records it, applies latency and pre-response faults, and hands mid-stream faults on.
 */
export async function listenFake(
  route: (path: string) => FakeRoute | null,
  options: FakeListenOptions,
): Promise<FakeServer> {
  const server = new FakeServer();
  const handle = async (req: FakeReq, res: FakeRes): Promise<void> => {
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // Keep the raw text: a handler may want to see what was sent.
    }
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (server.record)
      server.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    const handler = route(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(options.errorBody(404, `No route for ${req.method} ${path}`)));
      return;
    }
    const fault = server.faults.take();
    if (server.latencyMs > 0) await sleep(server.latencyMs);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'drop') return dropConnection(res);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...options.errorHeaders?.(fault.status),
        ...fault.headers,
      });
      res.end(
        JSON.stringify(
          options.errorBody(fault.status, fault.message ?? `fake fault ${fault.status}`),
        ),
      );
      return;
    }
    const streamFault =
      fault?.kind === 'drop-mid-stream' || fault?.kind === 'error-mid-stream' ? fault : null;
    await handler({ req, res, path, body, streamFault, server });
  };
  const onRequest = (req: FakeReq, res: FakeRes): void => {
    server.peakInFlight = Math.max(server.peakInFlight, ++server.inFlight);
    res.once('close', () => server.inFlight--);
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(options.errorBody(500, `fake crashed: ${String(err)}`)));
    });
  };
  const listener = options.h2c ? http2.createServer(onRequest) : http.createServer(onRequest);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  server.url = `http://127.0.0.1:${port}`;
  const sessions = new Set<http2.Http2Session>();
  listener.on('session', (s: http2.Http2Session) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  server.close = () =>
    new Promise<void>((resolve) => {
      listener.close(() => resolve());
      if ('closeAllConnections' in listener) listener.closeAllConnections();
      for (const s of sessions) s.destroy();
    });
  return server;
}
