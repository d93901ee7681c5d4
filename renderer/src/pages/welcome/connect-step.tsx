import { LoaderCircle, Server } from 'lucide-react';
import { Link } from 'wouter';
import type { LocalServer, SettingsView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { useChannelMutation } from '../../query/channel-query';
import { ProviderCard } from '../settings/provider-card';
import { PROVIDER_SPECS } from '../settings/provider-specs';
import { sameUrl } from './run-targets';
import { StepCard } from './step-card';

const SERVER_NAMES: Record<LocalServer['kind'], string> = {
  configured: 'Your local server',
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  llamacpp: 'llama.cpp',
  vllm: 'vLLM',
};

const OPENAI = PROVIDER_SPECS.find((spec) => spec.id === 'openai')!;

function LocalServers({ view, servers }: { view: SettingsView; servers: readonly LocalServer[] }) {
  const use = useChannelMutation('settings.updateProvider');
  if (servers.length === 0) {
    return (
      <p className="text-xs text-muted-foreground" data-testid="no-local-server">
        No local model server answered on 127.0.0.1 (Ollama :11434, LM Studio :1234, llama.cpp
        :8080, vLLM :8000).
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-2">
      {servers.map((server) => {
        const inUse = sameUrl(server.baseUrl, view.providers.local.baseUrl);
        return (
          <li
            key={server.baseUrl}
            className="flex items-center gap-3 rounded-md border px-3 py-2 text-sm"
            data-testid={`local-server-${server.kind}`}
          >
            <Server className="size-4 text-muted-foreground" />
            <span className="min-w-0 flex-1 truncate">
              {`${SERVER_NAMES[server.kind]} at ${server.baseUrl} · ${server.models.length} models`}
            </span>
            <Button
              size="sm"
              variant={inUse ? 'outline' : 'default'}
              data-testid={`use-local-${server.kind}`}
              disabled={inUse || use.isPending}
              onClick={() => use.mutate({ provider: 'local', baseUrl: server.baseUrl })}
            >
              {use.isPending ? <LoaderCircle className="animate-spin" /> : null}
              {inUse ? 'In use' : 'Use this server'}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

/** Step 2: a provider key, or a local server found on its default port. */
export function ConnectStep(props: {
  view: SettingsView;
  servers: readonly LocalServer[] | null;
  done: boolean;
}) {
  return (
    <StepCard
      step={2}
      testId="step-connect"
      done={props.done}
      title="Connect a model"
      description={
        <>
          Use a local model server found on this machine, or save an API key. Anthropic, Bedrock and
          other addresses are in <Link href="/settings">Settings</Link>.
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {props.servers ? (
          <LocalServers view={props.view} servers={props.servers} />
        ) : (
          <p className="flex items-center gap-2 text-xs text-muted-foreground">
            <LoaderCircle className="size-3.5 animate-spin" />
            Looking for local model servers…
          </p>
        )}
        <ProviderCard spec={OPENAI} view={props.view} showModels={false} />
      </div>
    </StepCard>
  );
}
