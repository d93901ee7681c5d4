import { Input } from '../../components/ui/input';
import { resolveRef } from './draft-variables';
import { OptionSelect } from '../../components/ui/option-select';
import type { RefDraft, RefMode, RefRole } from './prompt-draft';
import type { Components } from './use-components';

interface RefMessageFieldsProps {
  index: number;
  message: RefDraft;
  onChange: (message: RefDraft) => void;
  components: Components;
}

const REF_ROLE_OPTIONS: { value: RefRole; label: string }[] = [
  { value: 'system', label: 'system' },
  { value: 'user', label: 'user' },
];
const MODE_OPTIONS: { value: RefMode; label: string }[] = [
  { value: 'label', label: 'Follow label' },
  { value: 'version', label: 'Pin version' },
];

/** A reference to a system prompt (role system) or a user template (role user). */
export function RefMessageFields({ index, message, onChange, components }: RefMessageFieldsProps) {
  const choices = message.role === 'system' ? components.system : components.user;
  const summary = components.summaries.get(message.prompt);
  const versions = message.prompt ? components.versionsOf(message.prompt) : undefined;
  const { version, problem } = resolveRef(message, summary, versions);
  const labels = summary ? Object.keys(summary.labels) : [];
  const select = 'h-7 text-xs';

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <OptionSelect
          aria-label={`Role of message ${index + 1}`}
          data-testid={`message-role-${index}`}
          className={`${select} w-24`}
          value={message.role}
          options={REF_ROLE_OPTIONS}
          onValueChange={(role) => {
            if (role !== message.role) onChange({ ...message, role, prompt: '' });
          }}
        />
        <OptionSelect
          aria-label={`Component of message ${index + 1}`}
          data-testid={`message-ref-prompt-${index}`}
          className={`${select} w-auto min-w-40 flex-1 font-mono`}
          itemClassName="font-mono"
          value={message.prompt}
          placeholder={
            message.role === 'system' ? 'Choose a system prompt…' : 'Choose a user template…'
          }
          aria-invalid={message.prompt ? undefined : true}
          options={[
            // A reference to a prompt that is gone (deleted, renamed) stays visible as it is.
            ...(message.prompt && !summary
              ? [{ value: message.prompt, label: message.prompt }]
              : []),
            ...choices.map((p) => ({ value: p.name, label: p.name })),
          ]}
          onValueChange={(prompt) => onChange({ ...message, prompt, version: '' })}
        />
        <OptionSelect
          aria-label={`How message ${index + 1} picks the version`}
          data-testid={`message-ref-mode-${index}`}
          className={`${select} w-32`}
          value={message.mode}
          options={MODE_OPTIONS}
          onValueChange={(mode) => onChange({ ...message, mode })}
        />
        {message.mode === 'label' ? (
          <>
            <Input
              aria-label={`Label followed by message ${index + 1}`}
              data-testid={`message-ref-label-${index}`}
              className="h-7 w-32 font-mono text-xs"
              placeholder="production"
              title="Empty follows production, else the latest version"
              list={`ref-labels-${index}`}
              spellCheck={false}
              value={message.label}
              onChange={(e) => onChange({ ...message, label: e.target.value })}
            />
            <datalist id={`ref-labels-${index}`}>
              {[...new Set(['production', ...labels])].map((label) => (
                <option key={label} value={label} />
              ))}
            </datalist>
          </>
        ) : (
          <OptionSelect
            aria-label={`Version pinned by message ${index + 1}`}
            data-testid={`message-ref-version-${index}`}
            className={`${select} w-28 font-mono`}
            itemClassName="font-mono"
            value={message.version}
            options={[
              { value: '', label: 'latest' },
              ...(message.version && !versions?.some((v) => v.version === message.version)
                ? [{ value: message.version, label: message.version }]
                : []),
              ...(versions ?? []).map((v) => ({ value: v.version, label: v.version })),
            ]}
            onValueChange={(version) => onChange({ ...message, version })}
          />
        )}
      </div>
      {problem ? (
        <p className="text-[11px] text-destructive" data-testid={`message-ref-problem-${index}`}>
          {problem}
        </p>
      ) : version ? (
        <div className="flex flex-col gap-0.5" data-testid={`message-ref-resolved-${index}`}>
          <span className="text-[11px] text-muted-foreground">
            Resolves to <span className="font-mono">{`${message.prompt}@${version.version}`}</span>
          </span>
          <pre className="max-h-28 overflow-auto rounded-md border bg-muted/40 px-2.5 py-1.5 font-mono text-xs whitespace-pre-wrap text-muted-foreground">
            {version.content.text ?? ''}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
