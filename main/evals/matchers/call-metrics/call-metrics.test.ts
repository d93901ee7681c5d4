import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('cost and latency', () => {
  it('compares the call cost with maxUsd', async () => {
    const cheap = await run({ type: 'cost', maxUsd: 0.001 }, 'x', { costPicoUsd: 500_000_000 });
    expect(cheap).toMatchObject({
      pass: true,
      reason: 'cost $0.000500 is within the maximum of $0.00100',
    });
    expect(
      (await run({ type: 'cost', maxUsd: 0.001 }, 'x', { costPicoUsd: 2_000_000_000 })).pass,
    ).toBe(false);
  });

  it('fails unpriced calls, even under not', async () => {
    for (const not of [false, true]) {
      const r = await run({ type: 'cost', maxUsd: 1, not }, 'x', { costPicoUsd: null });
      expect(r.pass).toBe(false);
      expect(r.reason).toMatch(/^unpriced/);
    }
  });

  it('compares latency with maxMs', async () => {
    expect(await run({ type: 'latency', maxMs: 500 }, 'x', { latencyMs: 320 })).toMatchObject({
      pass: true,
      reason: 'latency 320 ms is within the maximum of 500 ms',
    });
    expect((await run({ type: 'latency', maxMs: 500 }, 'x', { latencyMs: 501 })).pass).toBe(false);
  });
});
