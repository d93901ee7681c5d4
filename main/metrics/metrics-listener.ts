import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AssayError } from '../../shared/errors';

export interface MetricsListener {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * GET /metrics (and GET /health) on a port of its own, for Prometheus inside the stack's
 * network: workers serve nothing else, and the server's main port sits behind login. The
 * TLS proxy never forwards to this port, so it needs no token.
 */
export async function startMetricsListener(
  port: number,
  host: string,
  metrics: () => Promise<string>,
): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || (path !== '/metrics' && path !== '/health')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    metrics().then(
      (text) =>
        res
          .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
          .end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new AssayError(
              'CONFLICT',
              `ASSAY_METRICS_PORT: port ${port} is already in use; pick another`,
            )
          : err,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** ASSAY_METRICS_PORT as a port number; undefined when unset (no metrics listener). */
export function metricsPortFrom(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new AssayError(
      'CONFIG_INVALID',
      `ASSAY_METRICS_PORT: must be an integer from 1 to 65535, got "${raw}"`,
    );
  return port;
}
