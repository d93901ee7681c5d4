import type { ClientError } from '../../../client';
import { EmbeddingSetup } from './embedding-setup';
import { semanticErrorText } from './semantic-text';

/** A failed semantic query: the setup form when embedding is off, else the coded error. */
export function SemanticNotice({ error }: { error: ClientError }) {
  const { setup, text } = semanticErrorText(error);
  if (setup && error.code === 'CONFIG_INVALID') return <EmbeddingSetup hint={text} />;
  return (
    <p role="alert" className="text-xs text-destructive" data-testid="semantic-error">
      {text}
    </p>
  );
}
