import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { AssayError } from '../../shared/errors';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../kit/event-bus';
import { createGatewayListener } from './gateway-listener';
import { createHttpApp } from './http-app';
import type { IngestServices } from './ingest-services';
import { isLoopbackHost } from './request-guards';
import type { TeamHttpOptions } from './team-session';

export interface StartServerOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token?: string;
  /** Mark the token cookie Secure although this server speaks HTTP: TLS ends at a proxy. */
  readonly secureCookie?: boolean;
  readonly rendererDir?: string;
  readonly metrics?: () => Promise<string>;
  /** Serves the gateway and OTLP ingest with these services. */
  readonly ingest?: IngestServices;
  /** Team mode: users sign in (sessions, personal API tokens); see team-session.ts. */
  readonly team?: TeamHttpOptions;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Binds the HTTP transport. Anything but loopback needs a token: the API holds the keys. */
export async function startHttpServer(options: StartServerOptions): Promise<RunningServer> {
  const loopbackOnly = isLoopbackHost(options.host);
  // Team mode needs no shared token: every request names a user, and roles are checked.
  if (!loopbackOnly && !options.token && !options.team) {
    throw new AssayError(
      'CONFIG_INVALID',
      `Binding ${options.host} exposes Assay beyond this machine; pass --token <secret> (or ASSAY_TOKEN) so every request must carry it, or run a team server (--redis) where every request must name an account`,
    );
  }
  // Port 0 is resolved by listen(); the token cookie is named for the real port.
  let boundPort = options.port;
  const app = createHttpApp({ ...options, loopbackOnly, port: () => boundPort });
  const serveApp = getRequestListener(app.fetch, { hostname: options.host });
  // The gateway is served on node:http directly, not through the app: an app's LLM call must
  // not pay for the fetch-API layer (see gateway-listener.ts). Everything else is the app's.
  const gateway = options.ingest
    ? createGatewayListener(options.ingest, {
        token: options.team ? undefined : options.token,
        loopbackOnly,
        authenticate: options.team
          ? (token) => options.team!.auth.authenticateToken(token)
          : undefined,
      })
    : null;
  const server = http.createServer((req, res) => {
    const target = gateway?.target(req);
    if (gateway && target) gateway.handle(req, res, target);
    else void serveApp(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new AssayError(
              'CONFLICT',
              `Port ${options.port} on ${options.host} is already in use; pick another with --port`,
            )
          : err,
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  boundPort = port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams stay open forever; end them so close() returns promptly.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      // Spans of calls answered just before the close are stored before the core closes.
      await gateway?.drain();
    },
  };
}
