import { useState } from 'react';
import type { ChannelOutput, ImportFormat, InteractionType } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError, type ClientError } from '../../client';
import { guessFormat } from './import-format';

export type ImportMode = 'create' | 'append';
export type ImportOutcome = ChannelOutput<'datasets.import'>;

export interface ImportFile {
  readonly name: string;
  readonly content: string;
}

/** The import form's state and its submit: a picked file wins over pasted text. */
export function useImport() {
  const client = useClient();
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
    setFile({ name: picked.name, content: await picked.text() });
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

  const submit = async (): Promise<ImportOutcome | null> => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await client.invoke('datasets.import', {
        format,
        content: file ? file.content : text,
        mode,
        ...(file ? { fileName: file.name } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(type && mode === 'create' ? { interactionType: type } : {}),
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
