import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { traceDetailSchema } from '../../shared/contract';
import { parseJson, readJsonFile } from '../support/parse-json';
import { spanFixture } from '../support/span-fixture';
import { CLI, REPO_ROOT, runCli } from '../support/run-cli';
import { openTestCore, testDatabaseEnv } from '../support/test-database';
import { tempDir } from '../support/temp-dir';
import { tempDirKept } from '../support/temp-dir-kept';

// Lives across the tests (tempDir is removed after each one).
const dataDir = tempDirKept('assay-traces-export-');
const HOUR = 3_600_000;
const now = Date.now();
const at = (msAgo: number) => new Date(now - msAgo).toISOString();

beforeAll(async () => {
  const core = await openTestCore(dataDir);
  try {
    const root = spanFixture({
      traceId: 'trace-chat',
      kind: 'chain',
      name: 'support chat',
      source: 'otlp',
      userId: 'alice',
      tags: ['prod'],
      requestJson: JSON.stringify({ input: 'where is my order?' }),
      responseJson: JSON.stringify({ output: 'on its way' }),
      costPicoUsd: null,
      startedAt: at(HOUR),
      endedAt: at(HOUR - 900),
    });
    const llm = spanFixture({
      traceId: 'trace-chat',
      parentId: root.id,
      source: 'otlp',
      requestJson: JSON.stringify({
        provider: 'openai',
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'where is my order? zebrafish' }],
      }),
      responseJson: JSON.stringify({
        text: 'It ships tomorrow.',
        toolCalls: [],
        finishReason: 'stop',
      }),
      startedAt: at(HOUR - 10),
      endedAt: at(HOUR - 800),
    });
    // A hostile app: span name and trace id that try to climb out of the export folder.
    const hostile = spanFixture({
      traceId: '../../escaped',
      name: '../../../x',
      source: 'gateway',
      model: 'claude-x',
      provider: 'anthropic',
      status: 'error',
      errorClass: 'Overloaded',
      errorMessage: '529',
      responseJson: null,
      startedAt: at(2 * HOUR),
      endedAt: at(2 * HOUR - 50),
    });
    const old = spanFixture({
      traceId: 'trace-old',
      name: 'old call',
      startedAt: at(72 * HOUR),
      endedAt: at(72 * HOUR - 5),
    });
    await core.services.tracing.ingest([root, llm], 'otlp', 'test');
    await core.services.tracing.ingest([hostile], 'gateway', 'test');
    await core.services.tracing.ingest([old], 'assay', 'test');
  } finally {
    await core.close();
  }
});

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const listTree = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

/** A line of the export's index.jsonl. */
const indexLineSchema = z.object({ id: z.string(), folder: z.string() });
/** What the test reads of a `traces tail --json` line (its own shape: spanJsonLine). */
const tailLineSchema = z.object({
  name: z.string(),
  traceId: z.string(),
  costUsd: z.number().nullable(),
});
describe('assay traces export', () => {
  it('writes a folder per trace with trace.json and Markdown per span, and an index', async () => {
    const out = path.join(tempDir('assay-export-out-'), 'traces');
    const r = await runCli(['traces', 'export', out, '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exported 3 traces (4 spans)');
    const folders = fs
      .readdirSync(out)
      .filter((f) => fs.statSync(path.join(out, f)).isDirectory())
      .sort();
    expect(folders).toHaveLength(3);
    const chat = folders.find((f) => f.endsWith('_support-chat_trace-chat'))!;
    expect(chat).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_support-chat_trace-chat$/);
    expect(fs.readdirSync(path.join(out, chat)).sort()).toEqual([
      '01-chain-support-chat.md',
      '02-llm-openai-gpt-4o.md',
      'trace.json',
    ]);
    const detail = readJsonFile(traceDetailSchema, path.join(out, chat, 'trace.json'));
    expect(detail.trace).toMatchObject({ id: 'trace-chat', spanCount: 2 });
    expect(detail.spans[1]!.request).toMatchObject({ messages: [{ role: 'user' }] });
    const md = fs.readFileSync(path.join(out, chat, '02-llm-openai-gpt-4o.md'), 'utf8');
    expect(md).toContain('### user\n\nwhere is my order? zebrafish');
    expect(md).toContain('## Answer\n\nIt ships tomorrow.');
    // The hostile trace stayed inside: nothing was written next to or above `out`.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['traces']);
    const hostile = folders.find((f) => f.includes('escaped'))!;
    expect(fs.readdirSync(path.join(out, hostile))).toContain('01-llm-x.md');
    expect(fs.readFileSync(path.join(out, hostile, '01-llm-x.md'), 'utf8')).toContain(
      '## Error\n\n**Overloaded**',
    );
    const index = fs.readFileSync(path.join(out, 'index.md'), 'utf8');
    expect(index).toContain(`[${chat}](./${chat}/)`);
    const lines = fs
      .readFileSync(path.join(out, 'index.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => parseJson(indexLineSchema, l, 'index.jsonl'));
    expect(lines.map((l) => l.id)).toEqual(['trace-chat', '../../escaped', 'trace-old']);

    // Re-export is idempotent: same tree, its own files overwritten.
    fs.writeFileSync(path.join(out, chat, '07-llm-stale.md'), 'from an older export');
    fs.writeFileSync(path.join(out, chat, 'notes.txt'), 'mine');
    const before = listTree(out)
      .filter((f) => !f.endsWith('07-llm-stale.md') && !f.endsWith('notes.txt'))
      .sort();
    const again = await runCli(['traces', 'export', out, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    const after = listTree(out).sort();
    expect(after).toEqual([...before, path.join(chat, 'notes.txt')].sort());
  }, 60_000);

  it('filters by time, key=value and full text, and limits', async () => {
    const run = async (...args: string[]) => {
      const out = tempDir('assay-export-f-');
      const r = await runCli(['traces', 'export', out, '--data-dir', dataDir, ...args]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return (
        fs
          .readFileSync(path.join(out, 'index.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean) as string[]
      ).map((l) => parseJson(indexLineSchema, l, 'index.jsonl').id);
    };
    expect(await run('--since', '24h')).toEqual(['trace-chat', '../../escaped']);
    expect(await run('--until', '24h')).toEqual(['trace-old']);
    expect(await run('--filter', 'status=error')).toEqual(['../../escaped']);
    expect(await run('--filter', 'user=alice', '--filter', 'tag=prod')).toEqual(['trace-chat']);
    expect(await run('--filter', 'source=gateway', '--filter', 'provider=anthropic')).toEqual([
      '../../escaped',
    ]);
    expect(await run('--search', 'zebrafish')).toEqual(['trace-chat']);
    expect(await run('--limit', '1')).toEqual(['trace-chat']);
    expect(await run('--filter', 'min-cost=1')).toEqual([]);
  }, 120_000);

  it('refuses bad input with exit 2 and a coded one-line error naming the flag', async () => {
    const out = tempDir('assay-export-bad-');
    for (const [args, field] of [
      [['--since', 'yesterday'], '--since'],
      [['--filter', 'colour=red'], '--filter'],
      [['--filter', 'min-cost=-1'], 'min-cost'],
      [['--filter', 'status=maybe'], 'status'],
      [['--limit', '0'], '--limit'],
    ] as const) {
      const r = await runCli(['traces', 'export', out, '--data-dir', dataDir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^assay: VALIDATION_FAILED: .*\n$/);
      expect(r.stderr).toContain(field);
    }
  }, 120_000);
});

describe('assay traces tail', () => {
  it('prints spans another process stores after it starts, filtered, and exits 0 on Ctrl+C', async () => {
    const env = { ...process.env, ...(await testDatabaseEnv(dataDir)), NO_COLOR: '1' };
    const child = spawn(
      process.execPath,
      [
        CLI,
        'traces',
        'tail',
        '--json',
        '--interval',
        '100',
        '--filter',
        'model=gpt-4o',
        '--data-dir',
        dataDir,
      ],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      // Once it says it follows, what was stored before is marked seen (and must not print).
      const ready = Date.now() + 30_000;
      while (!stderr.includes('Following new spans') && Date.now() < ready)
        await new Promise((r) => setTimeout(r, 50));
      const core = await openTestCore(dataDir);
      try {
        const live = { startedAt: new Date().toISOString(), endedAt: new Date().toISOString() };
        const wanted = spanFixture({
          traceId: 'tail-1',
          name: 'live call',
          model: 'gpt-4o',
          ...live,
        });
        const other = spanFixture({
          traceId: 'tail-1',
          name: 'other model',
          model: 'gpt-4o-mini',
          ...live,
        });
        await core.services.tracing.ingest([wanted, other], 'gateway', 'test');
        const deadline = Date.now() + 10_000;
        while (!stdout.includes('live call') && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 100));
      } finally {
        await core.close();
      }
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => parseJson(tailLineSchema, l, 'traces tail --json'));
      expect(lines).toEqual([
        expect.objectContaining({ name: 'live call', traceId: 'tail-1', costUsd: 0.000125 }),
      ]);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/^Following new spans in .* \(Ctrl\+C stops\)\n$/);
  }, 40_000);
});
