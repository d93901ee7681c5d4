import { Rocket } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import { Button } from '../components/ui/button';
import { useChannelQuery } from '../query/channel-query';
import { paletteHref } from './palette-routes';

/**
 * Above every page while the workbench is empty (no prompts, no datasets): the way to the
 * example workspace and what to set up first. It goes once anything exists.
 */
export function FirstRunBanner() {
  const [location] = useLocation();
  const prompts = useChannelQuery('prompts.list', {}).data?.prompts;
  const datasets = useChannelQuery('datasets.list', {}).data?.datasets;
  const empty = prompts?.length === 0 && datasets?.length === 0;
  if (!empty || location.startsWith(paletteHref.welcome)) return null;
  return (
    <div
      className="flex items-center gap-3 border-b bg-muted/40 px-8 py-2.5 text-sm"
      data-testid="first-run-banner"
    >
      <Rocket className="size-4 shrink-0 text-muted-foreground" />
      <p className="min-w-0 flex-1">
        This workbench is empty. Load an example workspace and run its eval: first connect a model
        (an API key, or a local server such as Ollama), then run.
      </p>
      <Button asChild size="sm" data-testid="first-run-start">
        <Link href={paletteHref.welcome}>Get started</Link>
      </Button>
    </div>
  );
}
