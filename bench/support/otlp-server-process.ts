// `assay serve`'s HTTP server with OTLP ingest, in a process of its own so the bench's clients do
// not share its event loop. SQLite in BENCH_DATA_DIR (indexes and FTS on, as shipped). Prints its
// URL, exits on SIGTERM.
import { createHeadlessCore } from '../../main/app/create-headless-core';
import { startHttpServer } from '../../main/server/start-server';

const dataDir = process.env.BENCH_DATA_DIR!;
const core = await createHeadlessCore(dataDir, {});
const server = await startHttpServer({
  dispatcher: core.dispatcher,
  events: core.events,
  host: '127.0.0.1',
  port: 0,
  ingest: core.services,
});
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => core.close())
    .then(() => process.exit(0));
});
