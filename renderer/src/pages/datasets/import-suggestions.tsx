import { FlaskConical } from 'lucide-react';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { evalHref } from '../evals/eval-route';

interface Suggested {
  readonly prompts: readonly string[];
  readonly providers: readonly string[];
}

/** Prompts written inline; `file://` ones were not read and are reported as warnings instead. */
const inlinePrompts = (s: Suggested) => s.prompts.filter((p) => !p.startsWith('file://'));

export function hasSuggestions(s: Suggested): boolean {
  return inlinePrompts(s).length > 0 || s.providers.length > 0;
}

/**
 * What a promptfoo config runs besides its tests: its prompt and providers, with a link that
 * opens the new-run dialog filled in with them (the first prompt as an inline template).
 */
export function ImportSuggestions({
  dataset,
  suggested,
}: {
  dataset: string;
  suggested: Suggested;
}) {
  const prompts = inlinePrompts(suggested);
  if (!hasSuggestions(suggested)) return null;
  const href = evalHref.setup(dataset, {
    template: prompts[0] ?? null,
    models: suggested.providers,
  });
  return (
    <div
      className="flex flex-col gap-2 rounded-md border px-3 py-2 text-xs"
      data-testid="import-suggestions"
    >
      <p className="font-medium">The config also names</p>
      {prompts.length > 0 ? (
        <div className="flex flex-col gap-1">
          <span className="text-muted-foreground">
            {prompts.length === 1 ? 'Prompt' : `Prompts (the first is used)`}
          </span>
          {prompts.slice(0, 3).map((p, i) => (
            <code key={i} className="truncate rounded bg-muted px-1.5 py-0.5 font-mono" title={p}>
              {p}
            </code>
          ))}
        </div>
      ) : null}
      {suggested.providers.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1">
          <span className="text-muted-foreground">Providers</span>
          {suggested.providers.map((p) => (
            <Badge key={p} variant="outline" className="font-mono">
              {p}
            </Badge>
          ))}
        </div>
      ) : null}
      <Button asChild size="xs" variant="outline" className="self-start">
        <a href={`#${href}`} data-testid="import-setup-run">
          <FlaskConical />
          Set up a run with these
        </a>
      </Button>
    </div>
  );
}
