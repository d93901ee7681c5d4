import type { Kysely } from 'kysely';
import type { GraderDefinition } from '../../../shared/contract/quality';
import { matcherCallsModel } from '../../evals/matchers/registry';
import type { DB } from '../../store/schema';
import { GraderRepository } from '../grader-repository';
import { ScorecardRepository } from '../scorecard-repository';

/**
 * Matcher graders that call a model (llm-rubric, similarity and the like) take their judge or
 * embedding model from the eval run that names it. An online scoring rule names no model, so
 * such a grader could only store "no judge model" for every interaction it sampled, forever:
 * a rule is refused on a scorecard that holds one, and a rule's plan leaves one out should its
 * scorecard gain one later. An LLM judge grader names its own model and runs online.
 */
export function callsMatcherModel(definition: GraderDefinition): boolean {
  return (
    definition.kind === 'deterministic' &&
    definition.check.type === 'matcher' &&
    matcherCallsModel(definition.check.matcher)
  );
}

/** The names of the graders of a scorecard's latest version that are such matchers. */
export async function modelMatcherGraders(db: Kysely<DB>, scorecardId: string): Promise<string[]> {
  const card = await new ScorecardRepository(db).version(scorecardId);
  if (!card) return [];
  const graders = new GraderRepository(db);
  const names: string[] = [];
  for (const item of card.body.items) {
    const grader = await graders.grader(item.graderId);
    const version =
      item.graderVersion === undefined
        ? await graders.latestVersion(item.graderId)
        : await graders.versionByNumber(item.graderId, item.graderVersion);
    if (grader && version && callsMatcherModel(version.definition)) names.push(grader.name);
  }
  return names;
}
