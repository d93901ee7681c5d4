import { CircleCheck, CircleX, LoaderCircle, PlugZap } from 'lucide-react';
import type { ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import { useConnectionTest } from './use-connection-test';

interface ConnectionTestProps {
  provider: ProviderId;
  title: string;
  disabled?: boolean;
}

/** "Test connection" with its last result inline: ok with model count and latency, or why not. */
export function ConnectionTest({ provider, title, disabled }: ConnectionTestProps) {
  const { running, outcome, run } = useConnectionTest(provider, title);
  const Icon = outcome?.ok ? CircleCheck : CircleX;
  return (
    <div className="mr-auto flex min-w-0 items-center gap-2">
      <Button
        type="button"
        variant="outline"
        size="sm"
        data-testid={`test-${provider}`}
        title="Lists the provider's models with the saved settings"
        disabled={disabled || running}
        onClick={() => void run()}
      >
        {running ? <LoaderCircle className="animate-spin" /> : <PlugZap />}
        Test connection
      </Button>
      {outcome && !running ? (
        <p
          className={cn(
            'flex min-w-0 items-center gap-1 text-xs',
            outcome.ok ? 'text-success' : 'text-destructive',
          )}
          data-testid={`test-${provider}-result`}
          data-state={outcome.ok ? 'ok' : 'failed'}
          title={outcome.text}
        >
          <Icon className="size-3.5 shrink-0" />
          <span className="line-clamp-2 break-words">
            {outcome.ok ? `OK · ${outcome.text}` : outcome.text}
          </span>
        </p>
      ) : null}
    </div>
  );
}
