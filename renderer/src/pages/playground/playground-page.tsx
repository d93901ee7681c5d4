import { TriangleAlert } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { PageHeader } from '../page-header';
import { loadBypassCache, saveBypassCache } from './column-storage';
import type { ColumnRef } from './playground-url';
import { ColumnsGrid } from './columns-grid';
import { HistoryPanel } from './history-panel';
import { OutputStore, outputOfRunColumn } from './output-store';
import { PlaygroundEditor } from './playground-editor';
import { sameDraft } from './prompt-content';
import { RunSnapshot } from './run-snapshot';
import { RunToolbar } from './run-toolbar';
import { useAnyRunning } from './use-column-output';
import { useColumnActions } from './use-column-actions';
import { useColumns } from './use-columns';
import { useDraft } from './use-draft';
import { useHistory } from './use-history';
import { useModelCatalog } from './use-model-catalog';
import { usePlaygroundRun } from './use-playground-run';
import { usePromptList } from './use-prompt-list';
import { usePlaygroundUrl } from './use-playground-url';
import { usePromptSource } from './use-prompt-source';
import { useRunShortcut } from './use-run-shortcut';
import { missingOf, variablesOf } from './variable-names';

const DESCRIPTION =
  'Run a prompt against several models side by side: streamed output, tokens, cost and latency per model.';

/** The playground: one prompt, up to six models, streamed side by side. */
export function PlaygroundPage() {
  const [store] = useState(() => new OutputStore());
  const { url, change } = usePlaygroundUrl();
  const writeColumns = useCallback(
    (columns: readonly ColumnRef[]) => change({ columns }, { replace: true }),
    [change],
  );
  const cols = useColumns(url.columns, writeColumns);
  const { catalog, listLive } = useModelCatalog();
  const prompts = usePromptList();
  const draft = useDraft();
  const prompt = usePromptSource(url, change, draft.load);
  const history = useHistory();
  const [bypassCache, setBypassCache] = useState(loadBypassCache);
  const [viewing, setViewing] = useState<PlaygroundRunView | null>(null);
  const running = useAnyRunning(store);
  const executor = usePlaygroundRun(store, history.prepend);

  const { source } = prompt;
  const { messages, baseline, values } = draft.draft;
  const edited = source !== null && !sameDraft(messages, baseline);
  const specs = useMemo(
    () => variablesOf(messages, source && { kind: source.summary.kind, version: source.version }),
    [messages, source],
  );
  const missing = missingOf(specs, values);
  const inputs = { source, edited, messages, specs, values, bypassCache };
  const locked = running || executor.preparing;

  const runAll = () => {
    if (!locked && viewing === null) void executor.run(cols.columns, inputs);
  };
  useRunShortcut(runAll, viewing === null);

  const actions = useColumnActions({
    onChange: cols.update,
    onRemove: (id) => {
      store.remove(id);
      cols.remove(id);
    },
    onRerun: (id) => {
      const column = cols.columns.find((c) => c.id === id);
      if (column && !executor.preparing) void executor.run([column], inputs);
    },
    onStop: executor.stop,
    onWantModels: listLive,
  });

  const openRun = (run: PlaygroundRunView) => {
    prompt.select(null);
    draft.loadScratch(run.messages, run.variables);
    const columns = cols.replace(run.columns.map((c) => c.target));
    columns.forEach((column, i) => {
      const past = run.columns[i];
      if (past) store.set(column.id, outputOfRunColumn(past));
    });
    setViewing(null);
  };

  const historyButton = (
    <HistoryPanel
      runs={history.runs}
      error={history.error}
      selectedId={viewing?.id ?? null}
      onReload={history.reload}
      onSelect={setViewing}
    />
  );

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="page-playground">
      <PageHeader title="Playground" description={DESCRIPTION} />
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col gap-4 overflow-y-auto px-6 py-4">
          {viewing ? (
            <RunSnapshot run={viewing} onBack={() => setViewing(null)} onOpen={openRun} />
          ) : (
            <>
              <PlaygroundEditor
                prompts={prompts}
                source={source}
                loading={prompt.loading}
                edited={edited}
                draft={draft}
                specs={specs}
                missing={missing}
                onSelectPrompt={prompt.select}
                onSelectVersion={prompt.selectVersion}
                onSaved={prompt.adopt}
                onValueChange={(name, value) => {
                  draft.setValue(name, value);
                  executor.clearError();
                }}
              />
              <RunToolbar
                columnCount={cols.columns.length}
                running={running}
                preparing={executor.preparing}
                bypassCache={bypassCache}
                onBypassCacheChange={(value) => {
                  setBypassCache(value);
                  saveBypassCache(value);
                }}
                onRunAll={runAll}
                onStopAll={executor.stopAll}
                onAddColumn={cols.add}
                trailing={historyButton}
              />
              {executor.renderError ? (
                <p
                  role="alert"
                  className="flex items-start gap-1.5 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-xs text-destructive"
                  data-testid="playground-render-error"
                >
                  <TriangleAlert className="mt-px size-3.5 shrink-0" />
                  {executor.renderError}
                </p>
              ) : null}
              <ColumnsGrid
                columns={cols.columns}
                store={store}
                catalog={catalog}
                config={source?.version.content.config}
                locked={executor.preparing}
                actions={actions}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
