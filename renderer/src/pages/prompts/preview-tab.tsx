import { ExternalLink, LoaderCircle, Play } from 'lucide-react';
import { useState } from 'react';
import type { PromptVersionView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Label } from '../../components/ui/label';
import { parseHistory } from './parse-history';
import { RenderedOutput } from './rendered-output';
import { Textarea } from './textarea';
import { useRenderPreview } from './use-render-preview';

interface PreviewTabProps {
  name: string;
  version: PromptVersionView;
  dirty: boolean;
  /** Leaving with unsaved edits asks first. */
  guard: (action: () => void) => void;
}

/** `#/playground?prompt=…&version=…`: the Playground reads these from the hash. */
export function openInPlayground(name: string, version: string): void {
  window.location.hash = `/playground?${new URLSearchParams({ prompt: name, version })}`;
}

/** Fills the variables of a saved version and shows what the model would receive. */
export function PreviewTab({ name, version, dirty, guard }: PreviewTabProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [histories, setHistories] = useState<Record<string, string>>({});
  const { rendered, error, rendering, render } = useRenderPreview(name, version.version);
  const placeholders = (version.content.messages ?? []).flatMap((m) =>
    'placeholder' in m ? [m.placeholder] : [],
  );
  const parsed = Object.fromEntries(
    placeholders.map((p) => [p, parseHistory(histories[p] ?? '')] as const),
  );
  const invalid = Object.values(parsed).some((p) => p.error);

  const run = () => {
    const variables = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const lists = Object.fromEntries(
      Object.entries(parsed).flatMap(([p, r]) =>
        r.value && r.value.length > 0 ? [[p, r.value]] : [],
      ),
    );
    void render(variables, lists);
  };

  return (
    <div className="grid gap-4 p-4 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <div className="flex flex-col gap-3">
        <p className="text-xs text-muted-foreground">
          {`Renders the saved ${version.version}`}
          {dirty ? ' (not your unsaved edits: save first to preview them).' : '.'}
        </p>
        {version.variables.length === 0 ? (
          <p className="text-xs text-muted-foreground">This version has no variables.</p>
        ) : null}
        {version.variables.map((v) => (
          <div key={v.name} className="flex flex-col gap-1">
            <Label htmlFor={`preview-var-${v.name}`} className="font-mono">
              {v.name}
            </Label>
            <Textarea
              id={`preview-var-${v.name}`}
              data-testid={`preview-var-${v.name}`}
              rows={2}
              className="text-xs"
              placeholder={
                v.default !== undefined ? `default: ${v.default}` : (v.description ?? '')
              }
              value={values[v.name] ?? ''}
              onChange={(e) => setValues((s) => ({ ...s, [v.name]: e.target.value }))}
            />
          </div>
        ))}
        {placeholders.map((p) => (
          <div key={p} className="flex flex-col gap-1">
            <Label htmlFor={`preview-placeholder-${p}`} className="font-mono">
              {`{{placeholder: ${p}}}`}
            </Label>
            <Textarea
              id={`preview-placeholder-${p}`}
              data-testid={`preview-placeholder-${p}`}
              rows={3}
              className="text-xs"
              placeholder='[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]'
              value={histories[p] ?? ''}
              aria-invalid={parsed[p]?.error ? true : undefined}
              onChange={(e) => setHistories((s) => ({ ...s, [p]: e.target.value }))}
            />
            {parsed[p]?.error ? (
              <p className="text-[11px] text-destructive">{parsed[p]?.error}</p>
            ) : null}
          </div>
        ))}
        <div className="flex gap-2">
          <Button
            size="xs"
            data-testid="preview-render"
            disabled={rendering || invalid}
            onClick={run}
          >
            {rendering ? <LoaderCircle className="animate-spin" /> : <Play />}
            Render
          </Button>
          <Button
            variant="outline"
            size="xs"
            data-testid="open-in-playground"
            onClick={() => guard(() => openInPlayground(name, version.version))}
          >
            <ExternalLink />
            Open in Playground
          </Button>
        </div>
      </div>
      <div className="flex min-w-0 flex-col gap-2">
        {error ? (
          <p
            role="alert"
            data-testid="preview-error"
            className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-xs text-destructive"
          >
            {error}
          </p>
        ) : null}
        {rendered ? <RenderedOutput rendered={rendered} /> : null}
        {!rendered && !error ? (
          <p className="text-xs text-muted-foreground" data-testid="preview-empty">
            Fill the variables and press Render.
          </p>
        ) : null}
      </div>
    </div>
  );
}
