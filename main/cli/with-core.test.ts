import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { ScoreRollupRunner } from '../quality/dashboard/rollup-runner';
import { ScoringRulesService } from '../quality/online/scoring-rules-service';
import { PulseService } from '../quality/pulse/pulse-service';
import { withCore } from './with-core';

afterEach(() => vi.restoreAllMocks());

describe('withCore (a one-off CLI command)', () => {
  it('starts no background runner: no alerts, no online scoring, no score rollup', async () => {
    const dir = tempDir('assay-cli-core-');
    const starts = [
      vi.spyOn(PulseService.prototype, 'start'),
      vi.spyOn(ScoringRulesService.prototype, 'start'),
      vi.spyOn(ScoreRollupRunner.prototype, 'start'),
    ];
    try {
      const started = await withCore(dir, async (core) => core.services.scoreRollup.started);
      expect(started).toBe(false);
      for (const start of starts) expect(start).not.toHaveBeenCalled();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
