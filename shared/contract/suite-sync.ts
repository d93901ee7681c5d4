import { z } from 'zod';
import { importFormatSchema, importWarningSchema } from './datasets';
import { channel } from './define';

/** A path as callers name files: long enough for any real one, bounded like every input. */
const filePathSchema = z.string().max(4096);

export const syncSuiteInputSchema = z
  .object({
    /** The suite's name: its cases live in the dataset `suite/<slug of the name>`. */
    suite: z.string().max(4096),
    /** The suite file, as the dataset's description and messages name it. */
    file: filePathSchema,
    /** The cases' file: the suite itself, or the file its `dataset:` key names. */
    cases: z
      .object({
        format: importFormatSchema,
        /** Where the content came from: messages and warnings name it with their line. */
        fileName: filePathSchema,
        /** The file's text (size-checked like datasets.import's content). */
        content: z.string(),
        /** `content` is the suite file itself: its run settings (prompt, models …) are not cases. */
        inSuite: z.boolean().optional(),
        /**
         * `content` as the caller already parsed it (the whole YAML document), so a large suite
         * is not parsed twice; lines are still found in `content`. Checked like a parse of it.
         */
        parsed: z.unknown().optional(),
      })
      .strict(),
    /** promptfoo: keep assertions Assay cannot run as `unmapped` matchers (cases unscored). */
    skipUnmapped: z.boolean().optional(),
  })
  .strict();

export const suiteSyncChannels = {
  'datasets.syncSuite': channel({
    summary:
      "Makes a suite's own dataset (suite/<name>) hold exactly the cases of its file: created on first use, left alone when unchanged, else replaced in one transaction; an invalid file names the line and field.",
    input: syncSuiteInputSchema,
    output: z.object({
      name: z.string(),
      changed: z.boolean(),
      cases: z.number().int(),
      warnings: z.array(importWarningSchema),
    }),
  }),
};
