import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { spanFixture } from '../../../test/support/span-fixture';
import { tempDir } from '../../../test/support/temp-dir';
import { openStore } from '../../store/open-store';
import type { Store } from '../../store/store';
import { WorkerSpanWriter } from './worker-span-writer';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function openTemp(): Promise<{ store: Store; file: string }> {
  const file = path.join(tempDir(), 'assay.db');
  store = await openStore({ kind: 'sqlite', file, backgroundCheckpoint: true });
  await store.db
    .insertInto('instance')
    .values({ id: 'test-instance', created_at: new Date().toISOString() })
    .execute();
  return { store, file };
}

const data = (file: string, instanceId = 'test-instance') => ({
  file,
  nativeBinding: null,
  vecExtensionPath: null,
  instanceId,
  writeGate: store!.writeGate!,
});

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stored(s: Store): Promise<{ spans: number; traces: number; indexed: number }> {
  const n = async (table: string) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(s.db))
        .rows[0]!.n,
    );
  return { spans: await n('span'), traces: await n('trace'), indexed: await n('span_fts') };
}

/** A worker script standing in for the real one, to see what the writer does when it fails. */
function fakeWorker(source: string): { url: URL; typescript: boolean } {
  const file = path.join(tempDir(), 'fake-worker.mjs');
  fs.writeFileSync(file, source);
  return { url: pathToFileURL(file), typescript: false };
}

describe('the span writer worker', () => {
  it('writes on its own connection once started, and on this thread until then', async () => {
    const { store: s, file } = await openTemp();
    const writer = new WorkerSpanWriter(s, data(file));
    const traceId = 'trace-worker-1';
    const first = [spanFixture({ traceId }), spanFixture({ traceId })];
    expect(await writer.write(first)).toBe(2);
    await until(() => writer.state === 'worker');
    const second = [spanFixture({ traceId }), spanFixture({ traceId: 'trace-worker-2' })];
    // A batch repeated (an exporter's retry) is not stored twice.
    const results = await Promise.all([
      writer.write(second),
      writer.write(second),
      writer.write(first),
    ]);
    expect(results.sort()).toEqual([0, 0, 2]);
    expect(await stored(s)).toEqual({ spans: 4, traces: 2, indexed: 4 });
    const trace = await s.db
      .selectFrom('trace')
      .select(['span_count'])
      .where('id', '=', traceId)
      .executeTakeFirstOrThrow();
    expect(trace.span_count).toBe(3);
    await writer.close();
    // After closing, a late batch still lands (on this thread).
    expect(await writer.write([spanFixture()])).toBe(1);
    expect(writer.state).toBe('in-thread');
  }, 30_000);

  it('writes on this thread when the worker cannot open the database', async () => {
    const { store: s } = await openTemp();
    // A path under a regular file: no directory can be made there.
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const writer = new WorkerSpanWriter(s, data(path.join(blocker, 'assay.db')));
    expect(await writer.write([spanFixture()])).toBe(1);
    await until(() => writer.state === 'in-thread');
    expect(await writer.write([spanFixture(), spanFixture()])).toBe(2);
    expect((await stored(s)).spans).toBe(3);
    await writer.close();
  }, 30_000);

  it('never writes to another file than the app reads (deleted or replaced under it)', async () => {
    const { store: s, file } = await openTemp();
    // Another database at the path the app opened: the worker refuses it.
    const other = new WorkerSpanWriter(s, data(file, 'another-instance'));
    expect(await other.write([spanFixture()])).toBe(1);
    await until(() => other.state === 'in-thread');
    // The file gone from its folder: the worker does not create a new one.
    const gone = new WorkerSpanWriter(s, data(path.join(tempDir(), 'assay.db')));
    expect(await gone.write([spanFixture()])).toBe(1);
    await until(() => gone.state === 'in-thread');
    expect(await gone.write([spanFixture(), spanFixture()])).toBe(2);
    expect((await stored(s)).spans).toBe(4);
  }, 30_000);

  it('writes on this thread the batches a worker took and died with', async () => {
    const { store: s, file } = await openTemp();
    // Says it is ready, then dies on the first batch without answering.
    const script = fakeWorker(`
      import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ kind: 'ready' });
      parentPort.on('message', () => process.exit(3));
    `);
    const writer = new WorkerSpanWriter(s, data(file), script);
    expect(await writer.write([spanFixture()])).toBe(1);
    await until(() => writer.state === 'worker');
    expect(await writer.write([spanFixture(), spanFixture()])).toBe(2);
    expect(writer.state).toBe('in-thread');
    expect((await stored(s)).spans).toBe(3);
    await writer.close();
  }, 30_000);

  it('reports a refused batch with its coded error, and keeps writing the others', async () => {
    const { store: s, file } = await openTemp();
    const script = fakeWorker(`
      import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ kind: 'ready' });
      parentPort.on('message', (m) => {
        if (m === 'close') process.exit(0);
        if (m.request.length === 1)
          parentPort.postMessage({ kind: 'refused', id: m.id, error: { code: 'VALIDATION_FAILED', message: 'span 0: bad' } });
        else parentPort.postMessage({ kind: 'refused', id: m.id, error: { code: 'NOT_A_CODE', message: 'disk I/O error' } });
      });
    `);
    const writer = new WorkerSpanWriter(s, data(file), script);
    await writer.write([spanFixture()]);
    await until(() => writer.state === 'worker');
    await expect(writer.write([spanFixture()])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'span 0: bad',
    });
    const plain = await writer.write([spanFixture(), spanFixture()]).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(Error);
    expect(plain).not.toHaveProperty('code');
    expect((plain as Error).message).toBe('disk I/O error');
    await writer.close();
  }, 30_000);
});
