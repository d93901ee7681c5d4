import { z } from 'zod';
import { channel } from './define';

/** A prompt file's path, relative to the folder it is read from or written to. */
const relativePathSchema = z.string().min(1).max(4096);

/** One prompt file's text: far above any real prompt's history, bounded like every input. */
const MAX_PROMPT_FILE_CHARS = 10_000_000;
const MAX_PROMPT_FILES = 10_000;

export const promptFileTextSchema = z
  .object({ path: relativePathSchema, content: z.string().max(MAX_PROMPT_FILE_CHARS) })
  .strict();

export const promptFileProblemSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  message: z.string(),
});

export const promptImportResultSchema = z.object({
  name: z.string(),
  file: z.string(),
  status: z.enum(['created', 'updated', 'unchanged', 'conflict']),
  versionsAdded: z.number().int(),
  labelsSet: z.array(z.string()),
  reason: z.string().nullable(),
});
export type PromptImportResult = z.infer<typeof promptImportResultSchema>;

export const promptImportReportSchema = z.object({
  results: z.array(promptImportResultSchema),
  createdPrompts: z.number().int(),
  createdVersions: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.array(promptImportResultSchema),
});
export type PromptImportReport = z.infer<typeof promptImportReportSchema>;

export const promptFileChannels = {
  'prompts.exportFiles': channel({
    summary:
      'Every prompt (deleted ones marked) as one YAML file with its whole history, for review and versioning in git; the caller writes the files.',
    input: z.object({}).strict().optional().default({}),
    output: z.object({
      files: z.array(promptFileTextSchema),
      prompts: z.number().int(),
      versions: z.number().int(),
    }),
  }),
  'prompts.importFiles': channel({
    summary:
      'Adds the prompts, versions and labels of prompt files that the database lacks, never overwriting: a prompt that disagrees is reported as a conflict and left alone; any invalid file fails the whole import, naming file and line.',
    input: z
      .object({
        files: z.array(promptFileTextSchema).max(MAX_PROMPT_FILES),
        /** Files the caller could not read as text (not UTF-8): the import fails, naming them too. */
        unreadable: z.array(promptFileProblemSchema).max(MAX_PROMPT_FILES).optional(),
      })
      .strict(),
    output: promptImportReportSchema,
  }),
};
