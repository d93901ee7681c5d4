import { useState } from 'react';
import type { PlaygroundRunView, PromptMessage } from '../../../../shared/contract';
import { useQueryTransport } from '../../query/query-transport';
import { renderForRun } from './render-messages';
import type { OutputStore } from './output-store';
import { useRunner } from './use-runner';
import { missingOf, providedOf, type VariableSpec } from './variable-names';
import type { ColumnConfig, PromptSource } from './types';

export interface RunInputs {
  source: PromptSource | null;
  edited: boolean;
  messages: readonly PromptMessage[];
  specs: readonly VariableSpec[];
  values: Readonly<Record<string, string>>;
  bypassCache: boolean;
}

/**
 * Render, then run: every missing variable or model is reported before anything is sent, and
 * nothing runs twice while the render is still in flight.
 */
export function usePlaygroundRun(store: OutputStore, onRun: (view: PlaygroundRunView) => void) {
  const client = useQueryTransport();
  const runner = useRunner(store, onRun);
  const [preparing, setPreparing] = useState(false);
  const [renderError, setRenderError] = useState<string | null>(null);

  const run = async (columns: readonly ColumnConfig[], inputs: RunInputs) => {
    const unnamed = columns.findIndex((c) => c.model.trim() === '');
    if (unnamed !== -1) {
      setRenderError(`Column ${unnamed + 1} has no model.`);
      return;
    }
    const missing = missingOf(inputs.specs, inputs.values);
    if (missing.length > 0) {
      setRenderError(
        `Missing ${missing.length === 1 ? 'variable' : 'variables'}: ${missing.join(', ')}`,
      );
      return;
    }
    const variables = providedOf(inputs.specs, inputs.values);
    setPreparing(true);
    const rendered = await renderForRun(client, {
      source: inputs.source,
      edited: inputs.edited,
      draft: inputs.messages,
      variables,
    });
    setPreparing(false);
    if (!rendered.ok) {
      setRenderError(rendered.error);
      return;
    }
    setRenderError(null);
    await runner.run(
      columns,
      {
        messages: rendered.messages,
        promptName: rendered.promptName,
        promptVersion: rendered.promptVersion,
        variables,
        bypassCache: inputs.bypassCache,
      },
      // An edit keeps its base version's config (a new version saved from it would too).
      inputs.source?.version.content.config,
    );
  };

  return {
    run,
    stop: runner.stop,
    stopAll: runner.stopAll,
    preparing,
    renderError,
    clearError: () => setRenderError(null),
  };
}
