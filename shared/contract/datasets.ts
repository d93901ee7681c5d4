import { z } from 'zod';
import { channel } from './define';

/** What kind of interaction a dataset's cases exercise (decides the default matchers and views). */
export const INTERACTION_TYPES = ['chat', 'extraction', 'classification', 'generation'] as const;
export const interactionTypeSchema = z.enum(INTERACTION_TYPES);
export type InteractionType = z.infer<typeof interactionTypeSchema>;

/** `assay-py`: the test-case YAML of Assay's Python version (main/evals/datasets/format-assay-py.ts). */
export const DATASET_FORMATS = ['yaml', 'csv', 'jsonl', 'assay-py'] as const;
export const IMPORT_FORMATS = [...DATASET_FORMATS, 'promptfoo'] as const;
export const datasetFormatSchema = z.enum(DATASET_FORMATS);
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type DatasetFormat = z.infer<typeof datasetFormatSchema>;
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** Same rule as prompt names: stable identifiers for files, CLI arguments and run references. */
export const datasetNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._/-]{0,127}$/,
    'lowercase letters, digits, ".", "_", "-" and "/" only, starting with a letter or digit (at most 128)',
  );

/** Tags are single words or phrases; no commas, so CSV can hold them as a comma list. */
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^,]*$/, 'no commas');
export const tagsSchema = z.array(tagSchema).max(32);

/** A template variable name, as `{{name}}` placeholders spell it (shared/template/variables.ts). */
export const varNameSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/,
    'a variable name: a letter or "_", then letters, digits, "_", "-" or "." (at most 128)',
  )
  // An own "__proto__" key would set an object's prototype instead of holding a value.
  .refine((name) => name !== '__proto__', 'is a reserved name');

/** Template variables of a case; `input` is the conventional name of the main one. */
export const caseVarsSchema = z.record(varNameSchema, z.string().max(1_000_000));

/**
 * A matcher as written (`{ type: 'contains', value: 'x' }`). The contract only checks its shape;
 * the matcher library validates the settings of each type, and the case is refused with the
 * field named (`cases[2].matchers[0].pattern`) when they are wrong.
 */
export const matcherInputSchema = z.looseObject({ type: z.string().min(1).max(100) });
export type MatcherInput = z.infer<typeof matcherInputSchema>;

/** Any JSON value; JSON null means "no expected output" (a case cannot expect null). */
export const expectedSchema = z.json();

/** Where a span's case draft took its variables from. */
export const SPAN_DRAFT_SOURCES = ['eval-case', 'playground', 'messages'] as const;

export const spanCaseDraftSchema = z.object({
  spanId: z.string(),
  description: z.string(),
  vars: z.record(z.string(), z.string()),
  /** The span's reply; absent when it had none. */
  expected: z.json().optional(),
  /**
   * `eval-case` / `playground`: the variables the call's prompt was rendered with;
   * `messages`: none were recorded, so `input` (last user message) and `system` stand in.
   */
  source: z.enum(SPAN_DRAFT_SOURCES),
  /** The prompt the call rendered (`name@version`, or `inline prompt`), when known. */
  prompt: z.string().nullable(),
});
export type SpanCaseDraft = z.infer<typeof spanCaseDraftSchema>;

export const caseInputSchema = z
  .object({
    vars: caseVarsSchema,
    expected: expectedSchema.optional(),
    matchers: z.array(matcherInputSchema).max(100).optional().default([]),
    tags: tagsSchema.optional().default([]),
    description: z.string().max(2000).optional().default(''),
  })
  .strict();
export type CaseInput = z.input<typeof caseInputSchema>;

export const testCaseSchema = z.object({
  id: z.string(),
  datasetId: z.string(),
  position: z.number().int(),
  description: z.string(),
  vars: z.record(z.string(), z.string()),
  /** Absent when the case has no expected output. */
  expected: z.json().optional(),
  matchers: z.array(matcherInputSchema),
  tags: z.array(z.string()),
  /** The span this case was made from ("steal as eval"), or null. */
  sourceSpanId: z.string().nullable(),
  /** 1 at creation, bumped by every edit; eval runs record the revision they ran. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TestCaseView = z.infer<typeof testCaseSchema>;

export const datasetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  interactionType: interactionTypeSchema,
  description: z.string(),
  tags: z.array(z.string()),
  /** Live (not deleted) cases. */
  caseCount: z.number().int(),
  /** The file shape it was first imported from (export writes assay-py back); null: made here. */
  sourceFormat: importFormatSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

const datasetSelector = z.object({ name: datasetNameSchema }).strict();

/** Pages of cases; a local dataset holds at most 100,000 of them. */
const page = {
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(100),
};

const casePageSchema = z.object({
  cases: z.array(testCaseSchema),
  /** Cases matching the filters, before paging. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

/** A non-fatal note from an import: something skipped or changed, with its line when known. */
export const importWarningSchema = z.object({
  line: z.number().int().optional(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** A file kept as a blob on the team server (`GET /api/blobs/<sha256>` fetches its bytes). */
export const keptFileSchema = z.object({
  ref: z.string(),
  bytes: z.number().int(),
});

export const datasetFileSchema = keptFileSchema.extend({
  kind: z.enum(['import', 'export']),
  fileName: z.string().nullable(),
  format: z.string(),
  createdAt: z.string(),
});
export type DatasetFile = z.infer<typeof datasetFileSchema>;

export const datasetChannels = {
  'datasets.create': channel({
    summary: 'Creates an empty dataset (add cases with cases.add or datasets.import).',
    input: z
      .object({
        name: datasetNameSchema,
        interactionType: interactionTypeSchema.optional().default('chat'),
        description: z.string().max(2000).optional().default(''),
        tags: tagsSchema.optional().default([]),
      })
      .strict(),
    output: datasetSummarySchema,
  }),
  'datasets.list': channel({
    summary: 'Datasets by name, filtered; search matches names and descriptions.',
    input: z
      .object({
        tag: z.string().optional(),
        interactionType: interactionTypeSchema.optional(),
        search: z.string().max(200).optional(),
        includeDeleted: z.boolean().optional(),
      })
      .strict()
      .optional()
      .default({}),
    output: z.object({ datasets: z.array(datasetSummarySchema) }),
  }),
  'datasets.get': channel({
    summary: 'One dataset (deleted ones too) with a page of its cases in order.',
    input: datasetSelector.extend(page).strict(),
    output: casePageSchema.extend({ dataset: datasetSummarySchema }),
  }),
  'datasets.update': channel({
    summary: 'Renames a dataset or changes its description, tags or interaction type.',
    input: z
      .object({
        name: datasetNameSchema,
        newName: datasetNameSchema.optional(),
        interactionType: interactionTypeSchema.optional(),
        description: z.string().max(2000).optional(),
        tags: tagsSchema.optional(),
      })
      .strict(),
    output: datasetSummarySchema,
  }),
  'datasets.delete': channel({
    summary: 'Soft-deletes a dataset (undo with datasets.restore); its name stays taken.',
    input: datasetSelector,
    output: z.object({ deleted: z.boolean() }),
  }),
  'datasets.restore': channel({
    summary: 'Undoes a soft delete.',
    input: datasetSelector,
    output: datasetSummarySchema,
  }),
  'datasets.import': channel({
    summary:
      'Imports cases from YAML (Assay or assay-py, told apart by content), CSV, JSONL or a promptfoo config, all or nothing; an invalid file names the line and field.',
    input: z
      .object({
        /** Else the file's own `name`, else derived from `fileName`. */
        name: datasetNameSchema.optional(),
        /** Where the content came from: shown in messages (`cases.csv:12: …`) and a name fallback. */
        fileName: z.string().max(1000).optional(),
        format: importFormatSchema,
        content: z.string(),
        /** `create` refuses an existing name; `append` adds to an existing, live dataset. */
        mode: z.enum(['create', 'append']).optional().default('create'),
        /** For a new dataset when the file does not say (default chat). */
        interactionType: interactionTypeSchema.optional(),
        /**
         * promptfoo: import assertions Assay cannot run as `unmapped` matchers, their cases
         * unscored, instead of refusing the file.
         */
        skipUnmapped: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      dataset: datasetSummarySchema,
      added: z.number().int(),
      warnings: z.array(importWarningSchema),
      /** Prompts and providers a promptfoo config names, for the UI/CLI to offer (else empty). */
      suggested: z.object({ prompts: z.array(z.string()), providers: z.array(z.string()) }),
      /** Team server with S3: the imported file, kept as a blob. Absent in local mode. */
      source: keptFileSchema.optional(),
    }),
  }),
  'datasets.export': channel({
    summary:
      'A dataset as YAML, CSV, JSONL or assay-py text; importing it again reproduces the cases.',
    input: z
      .object({
        name: datasetNameSchema,
        /** Absent: assay-py for a dataset imported from it, else YAML. */
        format: datasetFormatSchema.optional(),
      })
      .strict(),
    output: z.object({
      content: z.string(),
      cases: z.number().int(),
      format: datasetFormatSchema,
      /** What the format cannot say its own way (kept in Assay's spelling, never dropped). */
      warnings: z.array(importWarningSchema),
      /** Team server with S3: the exported text, kept as a blob. Absent in local mode. */
      file: keptFileSchema.optional(),
    }),
  }),
  'datasets.files': channel({
    summary:
      'The files a dataset was imported from and exported to on the team server (kept in object storage by sha256), newest first; empty in local mode.',
    input: datasetSelector,
    output: z.object({ files: z.array(datasetFileSchema) }),
  }),
  'cases.add': channel({
    summary: 'Appends one or more cases to a dataset, all or nothing.',
    input: z
      .object({ dataset: datasetNameSchema, cases: z.array(caseInputSchema).min(1).max(10_000) })
      .strict(),
    output: z.object({ cases: z.array(testCaseSchema) }),
  }),
  'cases.update': channel({
    summary:
      'Edits a case (omitted fields stay; expected: null removes it) and bumps its revision; no change, no bump.',
    input: z
      .object({
        id: z.string().min(1),
        /** When given, the case must belong to this dataset (else NOT_FOUND). */
        dataset: datasetNameSchema.optional(),
        vars: caseVarsSchema.optional(),
        expected: expectedSchema.optional(),
        matchers: z.array(matcherInputSchema).max(100).optional(),
        tags: tagsSchema.optional(),
        description: z.string().max(2000).optional(),
        /** The revision the edit started from; a newer one in between is a conflict. */
        baseRevision: z.number().int().min(1).optional(),
      })
      .strict(),
    output: testCaseSchema,
  }),
  'cases.delete': channel({
    summary:
      'Soft-deletes a case: it leaves the dataset, and runs that used it keep their snapshot.',
    input: z
      .object({
        id: z.string().min(1),
        /** When given, the case must belong to this dataset (else NOT_FOUND). */
        dataset: datasetNameSchema.optional(),
      })
      .strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'cases.list': channel({
    summary:
      'A page of a dataset’s cases; search matches variable values, expected and description.',
    input: z
      .object({
        dataset: datasetNameSchema,
        ...page,
        tag: z.string().optional(),
        search: z.string().max(200).optional(),
      })
      .strict(),
    output: casePageSchema,
  }),
  'cases.draftFromSpan': channel({
    summary:
      "The case a traced call would become, to edit before saving: the prompt's variables when the call rendered a prompt (an eval case, a playground run), else its messages; the reply as expected.",
    input: z.object({ spanId: z.string().min(1) }).strict(),
    output: spanCaseDraftSchema,
  }),
  'cases.fromSpan': channel({
    summary:
      "Steal as eval: a case from a traced LLM call (the prompt's variables, else the last user message as input and system as system; the reply as expected).",
    input: z
      .object({
        spanId: z.string().min(1),
        dataset: datasetNameSchema,
        /** Replaces the variables taken from the span (an edited draft). */
        vars: caseVarsSchema.optional(),
        /** Replaces the span's reply as the expected output; null: no expected output. */
        expected: expectedSchema.optional(),
        matchers: z.array(matcherInputSchema).max(100).optional().default([]),
        tags: tagsSchema.optional().default([]),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    output: testCaseSchema,
  }),
};
