import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { costRecomputationSchema, whatIfResultSchema } from '../../shared/contract/costs';
import { picoToUsd } from '../../shared/money';
import { coreCall } from '../support/core-call';
import { parseJson } from '../support/parse-json';
import { runCli } from '../support/run-cli';
import { spanFixture } from '../support/span-fixture';
import { openTestCore } from '../support/test-database';

/**
 * `assay costs …`: spans and prices set up through a core on the same database, then priced
 * and recomputed through the real bin script (exit codes, flags named in errors, --json).
 */
let dir: string;
const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);
const RANGE = ['--since', '2026-03-01T00:00:00Z', '--until', '2026-03-03T00:00:00Z'];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-costs-cli-'));
  const core = await openTestCore(dir);
  try {
    await coreCall(core, 'prices.set', {
      provider: 'openai',
      model: 'cli-model',
      input: '2.00',
      output: '8.00',
    });
    await coreCall(core, 'prices.set', {
      provider: 'anthropic',
      model: 'cli-target',
      input: '1.00',
      output: '4.00',
    });
    const usage = {
      inputTokens: 1000,
      outputTokens: 500,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    };
    // 1000*2e6 + 500*8e6 = 6e9 each; on cli-target 1000*1e6 + 500*4e6 = 3e9 each.
    await core.services.tracing.ingest(
      ['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z'].map((at) =>
        spanFixture({
          provider: 'openai',
          model: 'cli-model',
          startedAt: at,
          endedAt: at,
          usage,
          costPicoUsd: 6e9,
        }),
      ),
      'api',
      'test',
    );
  } finally {
    await core.close();
  }
});

describe('assay costs', () => {
  it('what-if prints the days and totals (JSON and a table)', async () => {
    const res = await cli(
      'costs',
      'what-if',
      '--model',
      'anthropic:cli-target',
      ...RANGE,
      '--json',
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const result = parseJson(whatIfResultSchema, res.stdout, 'costs what-if --json');
    expect(result.days.map((d) => [d.day, d.spans])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
    ]);
    expect(result.totals.actualCostUsd).toBe(picoToUsd(12e9));
    expect(result.totals.whatIfCostUsd).toBe(picoToUsd(6e9));
    const table = await cli(
      'costs',
      'what-if',
      '--model',
      'anthropic:cli-target',
      ...RANGE,
      '--filter',
      'model=cli-model',
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('2026-03-02');
    expect(table.stdout).toMatch(/total.*\$0\.0120.*\$0\.00600/);
  });

  it('refuses bad flags with exit 2, naming the flag', async () => {
    const noModel = await cli('costs', 'what-if', ...RANGE);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('--model');
    const unpriced = await cli(
      'costs',
      'what-if',
      '--model',
      'openai:nobody-prices-this',
      ...RANGE,
    );
    expect(unpriced.code).toBe(2);
    expect(unpriced.stderr).toContain('--model');
    const badModel = await cli('costs', 'what-if', '--model', 'gpt-4o', ...RANGE);
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toContain('--model');
    const badSince = await cli(
      'costs',
      'what-if',
      '--model',
      'anthropic:cli-target',
      '--since',
      'yesterday',
    );
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toContain('--since');
    const backwards = await cli(
      'costs',
      'recompute',
      '--since',
      '2026-03-03T00:00:00Z',
      '--until',
      '2026-03-01T00:00:00Z',
    );
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--until');
    const badFilter = await cli('costs', 'recompute', ...RANGE, '--filter', 'colour=blue');
    expect(badFilter.code).toBe(2);
    expect(badFilter.stderr).toContain('--filter');
  });

  it('recompute records what it did, and history lists it', async () => {
    const res = await cli('costs', 'recompute', ...RANGE, '--model', 'openai:cli-model', '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const record = parseJson(costRecomputationSchema, res.stdout, 'costs recompute --json');
    expect(record).toMatchObject({
      status: 'completed',
      spansExamined: 2,
      spansChanged: 0,
      costBeforeUsd: picoToUsd(12e9),
      costAfterUsd: picoToUsd(12e9),
    });
    const history = await cli('costs', 'history', '--json');
    expect(history.code).toBe(0);
    const items = parseJson(z.array(costRecomputationSchema), history.stdout, 'costs history');
    expect(items.map((r) => r.id)).toContain(record.id);
    const text = await cli('costs', 'history');
    expect(text.stdout).toContain(record.id);
  });
});
