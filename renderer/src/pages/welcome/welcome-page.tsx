import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { openHash } from '../../navigation/palette-routes';
import type { ProviderId } from '../../../../shared/contract';
import { useSettings } from '../../app/settings-context';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { PageHeader } from '../page-header';
import { ConnectStep } from './connect-step';
import { ExampleStep } from './example-step';
import { runTargets } from './run-targets';
import { RunStep } from './run-step';
import { useWriteBlocked } from '../../auth/use-auth-status';

/** The example's composed prompt: when it is there, the example was loaded before. */
const EXAMPLE_PROMPT = 'example/support-reply';

/** `#/welcome?run=<id>`: the first run stays on screen across a reload. */
function runIdOf(location: string, search: string): string | null {
  const at = location.indexOf('?');
  const query = at < 0 ? search : location.slice(at + 1);
  return new URLSearchParams(query).get('run');
}

/**
 * Getting started, for an empty workbench: load the example workspace, connect a model (a key,
 * or a local server found on its default port), run the example's eval and see it pass.
 */
export function WelcomePage() {
  const [location] = useLocation();
  const runId = runIdOf(location, useSearch());
  const { view } = useSettings();
  const prompts = useChannelQuery('prompts.list', {});
  // Probing the server's machine for local model servers is an admin's on a team server.
  const mayProbe = useWriteBlocked('local servers', 'admin') === null;
  const servers = useChannelQuery(
    'system.detectLocalServers',
    {},
    { staleTime: 10_000, enabled: mayProbe },
  );
  const load = useChannelMutation('system.loadExample', { invalidates: ['prompts', 'datasets'] });

  // Loading again changes nothing, and tells this page what a run of the example uses.
  const present = prompts.data?.prompts.some((p) => p.name === EXAMPLE_PROMPT) ?? false;
  const { mutate, isIdle } = load;
  useEffect(() => {
    if (present && isIdle) mutate({});
  }, [present, isIdle, mutate]);

  const example = load.data ?? null;
  const suiteModels = (example?.run.models ?? []).map((m) => ({
    provider: m.provider as ProviderId,
    model: m.model,
  }));
  const targets = view ? runTargets(view, suiteModels, servers.data?.servers ?? []) : [];

  return (
    <div className="flex min-h-full flex-col" data-testid="page-welcome">
      <PageHeader
        title="Get started"
        description="From an empty workbench to a passing eval in three steps."
      />
      <div className="flex w-full max-w-3xl flex-col gap-4 px-8 py-6">
        <ExampleStep loaded={example} loading={load.isPending} onLoad={() => load.mutate({})} />
        {view ? (
          <ConnectStep
            view={view}
            servers={servers.data?.servers ?? null}
            done={targets.length > 0}
          />
        ) : null}
        <RunStep
          example={example}
          targets={targets}
          runId={runId}
          onStarted={(id) => openHash(`/welcome?run=${encodeURIComponent(id)}`)}
        />
      </div>
    </div>
  );
}
