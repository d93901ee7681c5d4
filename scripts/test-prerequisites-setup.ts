import { missingPrerequisites } from './test-prerequisites';

/**
 * vitest globalSetup for every project: the same check as `npm test`'s first step, for runs
 * that start vitest directly (`npx vitest run --project e2e`). It throws before any test of
 * the project runs, with one line per missing prerequisite and no stack.
 */
export default async function checkPrerequisites(project: {
  readonly name: string;
}): Promise<void> {
  const missing = await missingPrerequisites([project.name]);
  if (missing.length === 0) return;
  const error = new Error(missing.map((line) => `vitest ${project.name}: ${line}`).join('\n'));
  error.stack = error.message;
  throw error;
}
