import { Input } from '../../components/ui/input';
import { NativeSelect } from '../../components/ui/native-select';
import { resolveRef } from './draft-variables';
import type { RefDraft, RefMode, RefRole } from './prompt-draft';
import type { Components } from './use-components';

interface RefMessageFieldsProps {
  index: number;
  message: RefDraft;
  onChange: (message: RefDraft) => void;
  components: Components;
}

const isRefRole = (value: string): value is RefRole => value === 'system' || value === 'user';
const isRefMode = (value: string): value is RefMode => value === 'label' || value === 'version';

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
        <NativeSelect
          aria-label={`Role of message ${index + 1}`}
          data-testid={`message-role-${index}`}
          className={`${select} w-24`}
          value={message.role}
          onChange={(e) => {
            const role = e.target.value;
            if (isRefRole(role) && role !== message.role)
              onChange({ ...message, role, prompt: '' });
          }}
        >
          <option value="system">system</option>
          <option value="user">user</option>
        </NativeSelect>
        <NativeSelect
          aria-label={`Component of message ${index + 1}`}
          data-testid={`message-ref-prompt-${index}`}
          className={`${select} w-auto min-w-40 flex-1 font-mono`}
          value={message.prompt}
          aria-invalid={message.prompt ? undefined : true}
          onChange={(e) => onChange({ ...message, prompt: e.target.value, version: '' })}
        >
          <option value="">
            {message.role === 'system' ? 'Choose a system prompt…' : 'Choose a user template…'}
          </option>
          {message.prompt && !summary ? (
            <option value={message.prompt}>{message.prompt}</option>
          ) : null}
          {choices.map((p) => (
            <option key={p.id} value={p.name}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          aria-label={`How message ${index + 1} picks the version`}
          data-testid={`message-ref-mode-${index}`}
          className={`${select} w-32`}
          value={message.mode}
          onChange={(e) =>
            isRefMode(e.target.value) && onChange({ ...message, mode: e.target.value })
          }
        >
          <option value="label">Follow label</option>
          <option value="version">Pin version</option>
        </NativeSelect>
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
          <NativeSelect
            aria-label={`Version pinned by message ${index + 1}`}
            data-testid={`message-ref-version-${index}`}
            className={`${select} w-28 font-mono`}
            value={message.version}
            onChange={(e) => onChange({ ...message, version: e.target.value })}
          >
            <option value="">latest</option>
            {message.version && !versions?.some((v) => v.version === message.version) ? (
              <option value={message.version}>{message.version}</option>
            ) : null}
            {versions?.map((v) => (
              <option key={v.id} value={v.version}>
                {v.version}
              </option>
            ))}
          </NativeSelect>
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
