import { promptHref } from '../../pages/prompts/prompt-route';
import { useChannelQuery } from '../../query/channel-query';

/**
 * The prompt version a call used, as `name v1.2` linking to it in the Prompts page; the bare id
 * while it resolves, or when the version is gone.
 */
export function PromptVersionLink({ versionId, testId }: { versionId: string; testId: string }) {
  const resolved = useChannelQuery('traces.promptVersion', { id: versionId }, { retry: false });
  if (!resolved.data)
    return (
      <span className="font-mono text-xs" data-testid={testId} title="Prompt version id">
        {versionId}
      </span>
    );
  const { name, version } = resolved.data;
  return (
    <a
      className="font-mono text-xs text-primary hover:underline"
      href={`#${promptHref({ name, version })}`}
      data-testid={testId}
      title={versionId}
    >
      {`${name} ${version}`}
    </a>
  );
}
