import { AssayError } from '../../../shared/errors';
import type { PromptService } from '../../prompts/prompt-service';
import type { InteractionRecord } from '../../tracing/interaction-repository';
import type { SpanRecord } from '../../tracing/span-record';
import type { TracingService } from '../../tracing/tracing-service';
import type { FactSource } from './grade-interaction';
import { interactionOrNull, interactionSpans } from './interaction-facts';

/** What the runner reads besides its rules: an interaction, its spans, its prompt's name. */
export interface GradingFacts {
  promptName(versionId: string): Promise<string | null>;
  spans(interaction: InteractionRecord): Promise<readonly SpanRecord[]>;
  interaction(id: string): Promise<InteractionRecord | null>;
}

/** Prompt names remembered by version id (immutable, so never stale). */
const MAX_PROMPT_NAMES = 10_000;

const notFound = (err: unknown) => err instanceof AssayError && err.code === 'NOT_FOUND';

/**
 * The facts through the tracing and prompt services: on the core's thread, and on the grading
 * worker's own connection (page-worker/).
 */
export function gradingFacts(tracing: TracingService, prompts: PromptService): GradingFacts {
  const names = new Map<string, Promise<string | null>>();
  return {
    promptName(versionId) {
      let name = names.get(versionId);
      if (!name) {
        if (names.size >= MAX_PROMPT_NAMES) names.clear();
        name = prompts.resolveRef(versionId).then(
          (found) => found.name,
          (err: unknown) => {
            // A purged prompt names nothing; anything else is retried on the next read.
            if (notFound(err)) return null;
            names.delete(versionId);
            throw err;
          },
        );
        names.set(versionId, name);
      }
      return name;
    },
    spans: (i) => interactionSpans(tracing, i),
    interaction: (id) => interactionOrNull(tracing, id),
  };
}

/** One page's view of the facts: each interaction's spans read once, however many ask. */
export function pageFacts(facts: GradingFacts): FactSource {
  const spans = new Map<string, Promise<readonly SpanRecord[]>>();
  return {
    promptName: (id) => facts.promptName(id),
    spans: (i) => {
      let found = spans.get(i.id);
      if (!found) spans.set(i.id, (found = facts.spans(i)));
      return found;
    },
  };
}
