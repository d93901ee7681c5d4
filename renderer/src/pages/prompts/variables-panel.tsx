import { Variable } from 'lucide-react';
import { Input } from '../../components/ui/input';
import type { ComponentVariable } from './draft-variables';
import type { VariableMeta } from './prompt-draft';

interface VariablesPanelProps {
  /** Variables the edited content uses itself, live. */
  own: readonly string[];
  /** Variables the referenced components bring; a default set here overrides theirs. */
  fromComponents: readonly ComponentVariable[];
  meta: Readonly<Record<string, VariableMeta>>;
  onMetaChange: (name: string, meta: VariableMeta) => void;
}

const EMPTY_META: VariableMeta = { default: '', description: '' };

interface Row {
  name: string;
  inherited?: ComponentVariable;
}

/** Every variable of the prompt with an optional default and description. */
export function VariablesPanel({ own, fromComponents, meta, onMetaChange }: VariablesPanelProps) {
  const rows: Row[] = [
    ...own.map((name) => ({ name, inherited: fromComponents.find((v) => v.name === name) })),
    ...fromComponents
      .filter((v) => !own.includes(v.name))
      .map((v) => ({ name: v.name, inherited: v })),
  ];
  return (
    <section
      className="flex flex-col gap-2 rounded-md border bg-card"
      data-testid="prompt-variables"
    >
      <header className="flex items-center gap-1.5 border-b px-3 py-2 text-xs font-semibold">
        <Variable className="size-3.5 text-muted-foreground" />
        Variables
        <span className="font-normal text-muted-foreground">{rows.length}</span>
      </header>
      <div className="flex flex-col gap-2.5 px-3 pb-3">
        {rows.length === 0 ? (
          <p className="text-xs text-muted-foreground">
            None yet. Write <code className="font-mono">{'{{name}}'}</code> in the template to add
            one.
          </p>
        ) : null}
        {rows.map(({ name, inherited }) => {
          const value = meta[name] ?? EMPTY_META;
          return (
            <div
              key={name}
              className="flex flex-col gap-1"
              data-testid={`variable-${name}`}
              data-source={inherited ? 'component' : 'own'}
            >
              <span className="flex min-w-0 items-baseline gap-1.5">
                <span className="font-mono text-xs font-medium">{name}</span>
                {inherited ? (
                  <span
                    className="truncate text-[11px] text-muted-foreground"
                    title={inherited.source}
                  >
                    from {inherited.source}
                  </span>
                ) : null}
              </span>
              <Input
                aria-label={`Default for ${name}`}
                data-testid={`variable-default-${name}`}
                className="h-7 font-mono text-xs"
                placeholder={
                  inherited?.default !== undefined
                    ? `Default: ${inherited.default} (inherited)`
                    : 'Default (optional)'
                }
                value={value.default}
                onChange={(e) => onMetaChange(name, { ...value, default: e.target.value })}
              />
              <Input
                aria-label={`Description of ${name}`}
                data-testid={`variable-description-${name}`}
                className="h-7 text-xs"
                placeholder={inherited?.description ?? 'Description (optional)'}
                value={value.description}
                onChange={(e) => onMetaChange(name, { ...value, description: e.target.value })}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
