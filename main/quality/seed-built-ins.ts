import type { Kysely } from 'kysely';
import type { DB } from '../store/schema';
import { BUILT_IN_GRADERS } from './built-in-graders';
import { GraderRepository } from './grader-repository';

/**
 * Adds the shipped graders a database lacks, at version 1, in one transaction. Idempotent and
 * safe against a second process doing the same (inserts skip what exists). A grader the user
 * edited, archived or replaced is left as it is: the seed only ever inserts its own fixed ids,
 * and skips a built-in whose name a live grader of the user's already has.
 * Returns the names it added.
 */
export async function seedBuiltInGraders(db: Kysely<DB>): Promise<string[]> {
  const ids = BUILT_IN_GRADERS.map((g) => g.id);
  if ((await new GraderRepository(db).countIds(ids)) === ids.length) return [];
  return db.transaction().execute(async (tx) => {
    const repo = new GraderRepository(tx);
    const added: string[] = [];
    const now = new Date().toISOString();
    for (const g of BUILT_IN_GRADERS) {
      if (await repo.grader(g.id)) continue;
      const stored = await repo.insertBuiltIn(
        {
          id: g.id,
          name: g.name,
          description: g.description,
          kind: g.definition.kind,
          builtIn: true,
          archived: false,
          createdAt: now,
        },
        {
          id: g.versionId,
          graderId: g.id,
          version: 1,
          definition: g.definition,
          scoreConfig: g.scoreConfig,
          rubric: g.rubric,
          createdAt: now,
        },
      );
      if (stored) added.push(g.name);
    }
    return added;
  });
}
