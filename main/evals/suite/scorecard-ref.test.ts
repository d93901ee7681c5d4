import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScorecardRef } from './load-suite';

/** `--scorecard NAME[@VERSION]` and a suite's `scorecard:`. */

/** Names as scorecards.create takes them (trimmed, 1-120 characters), not ending in `@N`. */
const nameArb = fc
  .string({ minLength: 1, maxLength: 120 })
  .map((s) => s.trim())
  .filter((s) => s !== '' && !/@v?\d+$/.test(s));

describe('parseScorecardRef', () => {
  it('reads a name alone, or with a trailing @N / @vN as its version', () => {
    fc.assert(
      fc.property(nameArb, fc.integer({ min: 1, max: 1_000_000 }), (name, version) => {
        expect(parseScorecardRef(name)).toEqual({ name });
        expect(parseScorecardRef(`${name}@${version}`)).toEqual({ name, version });
        expect(parseScorecardRef(` ${name}@v${version} `)).toEqual({ name, version });
      }),
    );
  });

  it('names a scorecard by id when given a UUID', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(parseScorecardRef(id)).toEqual({ id });
        expect(parseScorecardRef(`${id}@2`)).toEqual({ id, version: 2 });
      }),
    );
  });

  it('refuses no name, a version 0, and names longer than a scorecard can have', () => {
    for (const text of ['', '  ', '@3', 'words@0', 'x'.repeat(121)])
      expect(parseScorecardRef(text)).toBeNull();
  });
});
