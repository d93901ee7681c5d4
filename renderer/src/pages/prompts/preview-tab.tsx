import { ExternalLink, LoaderCircle, Play } from 'lucide-react';
import type { PromptVersionView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { toClientError } from '../../client';
import { useContractForm } from '../../query/contract-form';
import { previewFormSchema } from './preview-form';
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

const missingOf = (details: unknown): string[] => {
  const missing = (details as { missing?: unknown } | null)?.missing;
  return Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : [];
};

/** Fills the variables of a saved version and shows what the model would receive. */
export function PreviewTab({ name, version, dirty, guard }: PreviewTabProps) {
  const placeholders = (version.content.messages ?? []).flatMap((m) =>
    'placeholder' in m ? [m.placeholder] : [],
  );
  const form = useContractForm(previewFormSchema, {
    values: version.variables.map(() => ''),
    histories: placeholders.map(() => ''),
  });
  const { rendered, error, rendering, render } = useRenderPreview(name, version.version);

  const run = form.handleSubmit(async ({ values, histories }) => {
    const variables = Object.fromEntries(
      version.variables.flatMap((v, i) => (values[i] ? [[v.name, values[i]] as const] : [])),
    );
    const lists = Object.fromEntries(
      placeholders.flatMap((p, i) => (histories[i]?.length ? [[p, histories[i]] as const] : [])),
    );
    try {
      await render(variables, lists);
    } catch (err) {
      // Each missing variable is said under its own field; anything else above the button.
      const missing = missingOf(toClientError(err).details);
      const indexes = missing.map((m) => version.variables.findIndex((v) => v.name === m));
      if (missing.length > 0 && indexes.every((i) => i >= 0))
        for (const i of indexes)
          form.setError(`values.${i}`, { message: 'missing: fill it (it has no default)' });
      else form.setError('root', { message: toClientError(err).toString() });
    }
  });

  return (
    <div className="grid gap-4 p-4 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <Form {...form}>
        <form noValidate className="flex flex-col gap-3" onSubmit={(e) => void run(e)}>
          <p className="text-xs text-muted-foreground">
            {`Renders the saved ${version.version}`}
            {dirty ? ' (not your unsaved edits: save first to preview them).' : '.'}
          </p>
          {version.variables.length === 0 ? (
            <p className="text-xs text-muted-foreground">This version has no variables.</p>
          ) : null}
          {version.variables.map((v, i) => (
            <Field
              key={v.name}
              name={`values.${i}`}
              label={<span className="font-mono">{v.name}</span>}
              className="gap-1"
              render={(field) => (
                <Textarea
                  {...field}
                  data-testid={`preview-var-${v.name}`}
                  rows={2}
                  className="text-xs"
                  placeholder={
                    v.default !== undefined ? `default: ${v.default}` : (v.description ?? '')
                  }
                />
              )}
            />
          ))}
          {placeholders.map((p, i) => (
            <Field
              key={p}
              name={`histories.${i}`}
              label={<span className="font-mono">{`{{placeholder: ${p}}}`}</span>}
              className="gap-1"
              render={(field) => (
                <Textarea
                  {...field}
                  data-testid={`preview-placeholder-${p}`}
                  rows={3}
                  className="text-xs"
                  placeholder='[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]'
                />
              )}
            />
          ))}
          <FormRootError />
          <div className="flex gap-2">
            <Button type="submit" size="xs" data-testid="preview-render" disabled={rendering}>
              {rendering ? <LoaderCircle className="animate-spin" /> : <Play />}
              Render
            </Button>
            <Button
              type="button"
              variant="outline"
              size="xs"
              data-testid="open-in-playground"
              onClick={() => guard(() => openInPlayground(name, version.version))}
            >
              <ExternalLink />
              Open in Playground
            </Button>
          </div>
        </form>
      </Form>
      <div className="flex min-w-0 flex-col gap-2">
        {rendered && !error ? <RenderedOutput rendered={rendered} /> : null}
        {!rendered || error ? (
          <p className="text-xs text-muted-foreground" data-testid="preview-empty">
            Fill the variables and press Render.
          </p>
        ) : null}
      </div>
    </div>
  );
}
