// `npm test` runs this before the typecheck, the lint and vitest:
//   tsx scripts/check-test-prerequisites.ts [suite...]   (every suite when none is named)
// A missing prerequisite is one line on stderr and exit code 1, before a minute is spent.
import { reportMissingPrerequisites } from './test-prerequisites';

process.exitCode = await reportMissingPrerequisites(process.argv.slice(2), (line) =>
  process.stderr.write(`${line}\n`),
);
