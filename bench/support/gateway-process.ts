// `assay serve`'s gateway in a process of its own (a headless core and startHttpServer on
// 127.0.0.1), in front of OPENAI_BASE_URL, with its data in ASSAY_BENCH_DATA_DIR: apps call
// the gateway from their own process. Prints its URL, exits on SIGTERM.
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
process.stdout.write(`${server.url}\n`);
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
