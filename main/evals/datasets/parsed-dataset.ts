import type { ImportFormat, ImportWarning, InteractionType } from '../../../shared/contract';
import type { CaseDraft } from './case-draft';
import type { CaseLocator, MatcherPath } from './check-cases';
import type { CaseProblem } from './problems';

/** One case read from a file, not yet checked; its matchers are its own (defaults apart). */
export interface ParsedCase {
  readonly draft: CaseDraft;
  readonly at: CaseLocator;
  /** Where each matcher was written, when not at `matchers[i]` (promptfoo `assert[j]`). */
  readonly matcherPath?: MatcherPath;
}

/** Matchers a file applies to every case (YAML `default_matchers`, promptfoo `defaultTest`). */
export interface SharedMatchers {
  readonly matchers: readonly unknown[];
  readonly at: CaseLocator;
  readonly matcherPath: MatcherPath;
}

export interface DatasetMeta {
  readonly name?: string;
  readonly interactionType?: InteractionType;
  readonly description?: string;
  readonly tags?: readonly string[];
}

/** What a format parser hands to the import: structure read, nothing validated deeply yet. */
export interface ParsedDataset {
  readonly meta: DatasetMeta;
  /** File line of a top-level key, for problems with the metadata. */
  readonly metaLine?: (key: string) => number | undefined;
  readonly cases: readonly ParsedCase[];
  readonly defaults?: SharedMatchers;
  readonly warnings: readonly ImportWarning[];
  readonly suggested?: { readonly prompts: string[]; readonly providers: string[] };
  /** The shape the file was read in, when the parser tells it apart (a `.yaml` in assay-py). */
  readonly format?: ImportFormat;
}

export type ParseOutcome =
  | { readonly ok: true; readonly dataset: ParsedDataset }
  | { readonly ok: false; readonly problems: CaseProblem[] };

export const failed = (problems: CaseProblem[]): ParseOutcome => ({ ok: false, problems });
