import { useState } from 'react';
import type { ChannelOutput, ImportFormat, InteractionType } from '../../../../shared/contract';
import { decodeUtf8, invalidUtf8Message } from '../../../../shared/utf8';
import { ClientError, toClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';
import { guessFormat } from './import-format';

export type ImportMode = 'create' | 'append';
export type ImportOutcome = ChannelOutput<'datasets.import'>;

export interface ImportFile {
  readonly name: string;
  readonly content: string;
}

/** The import form's state and its submit: a picked file wins over pasted text. */
export function useImport() {
  // Shown in the dialog (with every problem listed), so not toasted as well.
  const importer = useChannelMutation('datasets.import', {
    invalidates: ['datasets', 'cases'],
    meta: { form: true },
  });
  const [file, setFile] = useState<ImportFile | null>(null);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat>('yaml');
  const [name, setName] = useState('');
  const [mode, setMode] = useState<ImportMode>('create');
  const [type, setType] = useState<InteractionType | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

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
    if (guessed) setFormat(guessed);
  };

  const reset = () => {
    setFile(null);
    setText('');
    setName('');
    setError(null);
    setOutcome(null);
  };

  /**
   * `skipUnmapped`: "Import anyway" after the core refused a promptfoo config only for
   * assertions it cannot run; those become `unmapped` matchers, their cases unscored.
   */
  const submit = async (
    options: { skipUnmapped?: boolean } = {},
  ): Promise<ImportOutcome | null> => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await importer.mutateAsync({
        format,
        content: file ? file.content : text,
        mode,
        ...(file ? { fileName: file.name } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(type && mode === 'create' ? { interactionType: type } : {}),
        ...(options.skipUnmapped ? { skipUnmapped: true } : {}),
      });
      setOutcome(result);
      return result;
    } catch (err) {
      setError(toClientError(err));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const ready = file !== null || text.trim() !== '';
  return {
    fields: { file, text, format, name, mode, type },
    set: { setText, setFormat, setName, setMode, setType, pickFile },
    busy,
    error,
    outcome,
    ready,
    submit,
    reset,
  };
}
