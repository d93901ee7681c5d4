// `assay serve`'s gateway in a process of its own (a headless core and startHttpServer on
// 127.0.0.1), in front of OPENAI_BASE_URL, with its data in ASSAY_BENCH_DATA_DIR: apps call
// the gateway from their own process. Prints its URL, exits on SIGTERM.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { createHeadlessCore } from '../../main/app/create-headless-core';
import { startHttpServer } from '../../main/server/start-server';

const core = await createHeadlessCore(process.env.ASSAY_BENCH_DATA_DIR!, {
  OPENAI_BASE_URL: process.env.OPENAI_BASE_URL,
});
const server = await startHttpServer({
  dispatcher: core.dispatcher,
  events: core.events,
  host: '127.0.0.1',
  port: 0,
  ingest: core.services,
});

// The floor: the least a proxy can do (node:http in, undici out, bytes piped, nothing read,
// parsed or stored), so the bench shows how much of the gateway's added time is the extra hop.
const upstream = new URL(process.env.OPENAI_BASE_URL!);
const agent = new Agent({ keepAliveTimeout: 30_000 });
const floor = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    const path = req.url!.replace(/^\/floor/, upstream.pathname);
    request(new URL(path, upstream.origin), {
      method: req.method as 'POST',
      headers,
      body: Buffer.concat(chunks),
      dispatcher: agent,
    }).then(
      (answer) => {
        const out = { ...answer.headers };
        delete out['content-length'];
        delete out['transfer-encoding'];
        delete out.connection;
        delete out['keep-alive'];
        res.writeHead(answer.statusCode, out);
        answer.body.on('data', (c: Buffer) => res.write(c));
        answer.body.on('end', () => res.end());
      },
      () => res.destroy(),
    );
  });
});
await new Promise<void>((r) => floor.listen(0, '127.0.0.1', r));
const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/floor`;
process.stdout.write(`${server.url} ${floorUrl}\n`);
process.on('SIGTERM', () => {
  // Spans are written after each answer: give the last ones their commit before closing.
  setTimeout(
    () =>
      void server
        .close()
        .then(() => core.close())
        .then(() => process.exit(0)),
    300,
  );
});
