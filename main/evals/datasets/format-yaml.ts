import { stringify } from 'yaml';
import { z } from 'zod';
import { interactionTypeSchema } from '../../../shared/contract';
import type { CaseDraft } from './case-draft';
import type { CaseLocator } from './check-cases';
import { fileCase, toFileCase } from './file-case';
import { looksLikeAssayPy, parseAssayPyDataset } from './format-assay-py';
import { MAX_CASES, tooManyCases } from './limits';
import { failed, type DatasetMeta, type ParseOutcome, type ParsedCase } from './parsed-dataset';
import type { CaseProblem, PathSegment } from './problems';
import { readYaml, type YamlSource } from './yaml-source';

/**
 * The product's dataset file:
 *
 *   name: support-faq                 # optional: the dataset name when none is given
 *   interaction_type: chat            # optional: chat | extraction | classification | generation
 *   description: …                    # optional
 *   tags: [support]                   # optional
 *   default_matchers:                 # optional: applied to EVERY case, before its own
 *     - { type: not-contains, value: "As an AI" }
 *   test_cases:
 *     - input: …                      # see file-case.ts for the entry shape
 *
 * `default_matchers` are merged, not a fallback: each case runs the defaults followed by its own
 * matchers, as promptfoo's `defaultTest.assert` does, so a case adds checks without repeating
 * the shared ones. They are expanded on import (the stored case holds them all), so an export
 * writes every case with its full list and no `default_matchers`.
 * A bare list at the top is read as `test_cases`.
 *
 * A file in the assay-py shape (Assay's Python version: cases with `name` and an `input`
 * mapping, snake_case matchers) is recognised and read by format-assay-py.ts instead; every
 * sign it looks for is something this format refuses, so no file read here changes meaning.
 */
const topSchema = z
  .object({
    name: z.string().optional(),
    interaction_type: interactionTypeSchema.optional(),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    default_matchers: z.array(z.unknown()).optional(),
    test_cases: z.array(z.unknown(), 'test_cases must be a list of cases'),
  })
  .strict();

const PROMPTFOO_KEYS = ['prompts', 'providers', 'tests', 'defaultTest'];

function topProblems(error: z.ZodError, source: YamlSource, raw: unknown): CaseProblem[] {
  const promptfoo =
    typeof raw === 'object' &&
    raw !== null &&
    PROMPTFOO_KEYS.some((k) => Object.hasOwn(raw, k)) &&
    !Object.hasOwn(raw, 'test_cases');
  const hint = promptfoo ? ' (this looks like a promptfoo config: import it as promptfoo)' : '';
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const key = keys[0];
    const message = key === undefined ? issue.message : `unknown key "${keys.join('", "')}"`;
    return {
      line: source.lineOf(key === undefined ? path : [...path, key]),
      path: path.map(String).join('.'),
      message: `${message}${hint}`,
    };
  });
}

/** `parsed`: the text already read (a suite's inline cases), so it is not parsed twice. */
export function parseYamlDataset(text: string, where: string, parsed?: YamlSource): ParseOutcome {
  const read = parsed ? { ok: true as const, source: parsed } : readYaml(text);
  if (!read.ok) return failed(read.problems);
  const { source } = read;
  if (looksLikeAssayPy(source.value)) return parseAssayPyDataset(text, where, source);
  const bare = Array.isArray(source.value);
  const top = topSchema.safeParse(bare ? { test_cases: source.value } : source.value);
  if (!top.success) return failed(topProblems(top.error, source, source.value));
  const root: PathSegment[] = bare ? [] : ['test_cases'];
  const entries = top.data.test_cases;
  if (entries.length > MAX_CASES) throw tooManyCases(where, entries.length);
  const locate = (base: PathSegment[]): CaseLocator => ({
    base,
    lineOf: (sub) => source.lineOf([...base, ...sub]),
  });
  const cases: ParsedCase[] = [];
  const problems: CaseProblem[] = [];
  entries.forEach((raw, i) => {
    const at = locate([...root, i]);
    const result = fileCase(raw, at);
    if (result.ok) cases.push({ draft: result.draft, at });
    else problems.push(...result.problems);
  });
  if (problems.length > 0) return failed(problems);
  const { name, interaction_type, description, tags, default_matchers } = top.data;
  const meta: DatasetMeta = {
    ...(name === undefined ? {} : { name }),
    ...(interaction_type === undefined ? {} : { interactionType: interaction_type }),
    ...(description === undefined ? {} : { description }),
    ...(tags === undefined ? {} : { tags }),
  };
  return {
    ok: true,
    dataset: {
      meta,
      metaLine: (key) => source.lineOf([key]),
      cases,
      ...(default_matchers === undefined
        ? {}
        : {
            defaults: {
              matchers: default_matchers,
              at: locate(['default_matchers']),
              matcherPath: (i: number) => [i],
            },
          }),
      warnings: [],
    },
  };
}

export function serializeYamlDataset(
  meta: Required<DatasetMeta>,
  drafts: Iterable<CaseDraft>,
): string {
  const test_cases = Array.from(drafts, toFileCase);
  const file = {
    name: meta.name,
    interaction_type: meta.interactionType,
    ...(meta.description === '' ? {} : { description: meta.description }),
    ...(meta.tags.length === 0 ? {} : { tags: meta.tags }),
    test_cases,
  };
  // lineWidth 0: never fold long lines, so inputs read (and diff) as written.
  return stringify(file, { lineWidth: 0, aliasDuplicateObjects: false });
}
