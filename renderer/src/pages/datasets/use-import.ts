import { useState } from 'react';
import { z } from 'zod';
import {
  datasetNameSchema,
  importFormatSchema,
  interactionTypeSchema,
  type ChannelOutput,
} from '../../../../shared/contract';
import { decodeUtf8, invalidUtf8Message } from '../../../../shared/utf8';
import { ClientError, toClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { guessFormat } from './import-format';

export type ImportOutcome = ChannelOutput<'datasets.import'>;

export interface ImportFile {
  readonly name: string;
  readonly content: string;
}

/**
 * The import form, on the contract's rules: the name is optional (the file's own, else one made
 * from the file name) but must be a dataset name when given; the type only for a new dataset.
 */
export const importFormSchema = z.object({
  text: z.string(),
  format: importFormatSchema,
  name: z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), datasetNameSchema])),
  mode: z.enum(['create', 'append']),
  /** '': as the file says. */
  type: z.union([z.literal(''), interactionTypeSchema]),
});
export type ImportFormValues = z.input<typeof importFormSchema>;
type ImportFormOutput = z.output<typeof importFormSchema>;

const DEFAULTS: ImportFormValues = { text: '', format: 'yaml', name: '', mode: 'create', type: '' };

/** The one field a refusal can name that the form shows; the rest is the file's problems. */
function nameProblem(error: ClientError): string | null {
  const details = error.details as { issues?: { path?: unknown; message?: unknown }[] } | null;
  const issue = Array.isArray(details?.issues)
    ? details.issues.find((i) => i.path === 'name' && typeof i.message === 'string')
    : undefined;
  return typeof issue?.message === 'string' ? issue.message : null;
}

/** The import form and its submit: a picked file wins over pasted text. */
export function useImport() {
  const form = useContractForm(importFormSchema, DEFAULTS);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  // Shown in the dialog (with every problem listed), so not toasted as well.
  const importer = useChannelMutation('datasets.import', {
    invalidates: ['datasets', 'cases'],
    meta: { form: true },
  });

  const pickFile = async (picked: File | null) => {
    setOutcome(null);
    setError(null);
    if (!picked) return setFile(null);
    // Bytes, decoded strictly: File.text() would replace invalid bytes with U+FFFD and the
    // damaged text would be imported. The refusal reads as the CLI's does.
    const decoded = decodeUtf8(new Uint8Array(await picked.arrayBuffer()));
    if (!decoded.ok) {
      setFile(null);
      setError(new ClientError('VALIDATION_FAILED', invalidUtf8Message(picked.name, decoded)));
      return;
    }
    setFile({ name: picked.name, content: decoded.text });
    const guessed = guessFormat(picked.name);
    if (guessed) form.setValue('format', guessed);
  };

  const reset = () => {
    form.reset(DEFAULTS);
    setFile(null);
    setError(null);
    setOutcome(null);
  };

  /**
   * `skipUnmapped`: "Import anyway" after the core refused a promptfoo config only for
   * assertions it cannot run; those become `unmapped` matchers, their cases unscored.
   */
  const submit = async (
    values: ImportFormOutput,
    options: { skipUnmapped?: boolean } = {},
  ): Promise<ImportOutcome | null> => {
    setError(null);
    setOutcome(null);
    try {
      const result = await importer.mutateAsync({
        format: values.format,
        content: file ? file.content : values.text,
        mode: values.mode,
        ...(file ? { fileName: file.name } : {}),
        ...(values.name ? { name: values.name } : {}),
        ...(values.type && values.mode === 'create' ? { interactionType: values.type } : {}),
        ...(options.skipUnmapped ? { skipUnmapped: true } : {}),
      });
      setOutcome(result);
      return result;
    } catch (err) {
      const clientError = toClientError(err);
      const onName = nameProblem(clientError);
      if (onName) form.setError('name', { message: onName });
      else setError(clientError);
      return null;
    }
  };

  const text = form.watch('text');
  return {
    form,
    file,
    pickFile,
    busy: importer.isPending,
    error,
    outcome,
    ready: file !== null || text.trim() !== '',
    submit,
    reset,
  };
}
