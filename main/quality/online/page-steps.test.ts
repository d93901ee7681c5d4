import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InteractionOutcome } from './grade-interaction';
import { mapUntil } from './map-until';
import { splitDone } from './page-commit';
import { newMeter } from './registry-judge';

const skipped: InteractionOutcome = { kind: 'skipped' };
const graded: InteractionOutcome = {
  kind: 'graded',
  scores: [],
  budgetSkipped: 0,
  meter: newMeter(),
};
const halted: InteractionOutcome = { kind: 'halted', error: new Error('down'), meter: newMeter() };

describe('a page stops at its first failure', () => {
  it('keeps the outcomes before the first halt (or gap) and names why it stopped', () => {
    expect(splitDone([graded, skipped, graded])).toEqual({ done: 3, stop: null });
    expect(splitDone([graded, halted, graded])).toEqual({ done: 1, stop: halted });
    // An item never started (after a stop) ends what is done, even if a later one finished.
    expect(splitDone([graded, undefined, halted])).toEqual({ done: 1, stop: halted });
  });

  it('starts no item after an outcome says stop, whatever the concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (fails, limit) => {
          const started: number[] = [];
          let stopped = false;
          let startedAfterStop = 0;
          const out = await mapUntil(
            fails.map((f, i) => ({ f, i })),
            limit,
            async ({ f, i }) => {
              if (stopped) startedAfterStop += 1;
              started.push(i);
              await new Promise((r) => setTimeout(r, (i * 7) % 3));
              if (f) stopped = true;
              return f;
            },
            (f) => f,
          );
          expect(startedAfterStop).toBe(0);
          const first = fails.indexOf(true);
          // Everything up to the first stop ran; what never started is absent.
          for (let i = 0; i <= (first === -1 ? fails.length - 1 : first); i++)
            expect(out[i]).toBe(fails[i]);
          for (let i = 0; i < fails.length; i++)
            expect(out[i] === undefined).toBe(!started.includes(i));
          if (first === -1) expect(started).toHaveLength(fails.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
