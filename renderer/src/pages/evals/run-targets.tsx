import { Plus, X } from 'lucide-react';
import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { MAX_TARGETS, type TargetDraft } from './run-form';
import type { ModelIds } from './use-model-suggestions';

interface RunTargetsProps {
  targets: readonly TargetDraft[];
  suggestions: ModelIds;
  onChange: (targets: TargetDraft[]) => void;
  onWantModels: (provider: ProviderId) => void;
}

/** The models to run, one run each: together they form a group (the run matrix). */
export function RunTargets({ targets, suggestions, onChange, onWantModels }: RunTargetsProps) {
  const patch = (i: number, next: Partial<TargetDraft>) =>
    onChange(targets.map((t, j) => (j === i ? { ...t, ...next } : t)));
  return (
    <div className="flex flex-col gap-1.5">
      <Label>Models</Label>
      {targets.map((target, i) => (
        <div key={i} className="flex gap-1.5">
          <Select
            value={target.provider}
            onValueChange={(value) => patch(i, { provider: value as ProviderId })}
          >
            <SelectTrigger
              aria-label={`Provider of model ${i + 1}`}
              data-testid={`run-provider-${i}`}
              data-value={target.provider}
              className="w-32 shrink-0"
            >
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PROVIDER_IDS.map((id) => (
                <SelectItem key={id} value={id}>
                  {PROVIDER_LABELS[id]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Input
            aria-label={`Model ${i + 1}`}
            data-testid={`run-model-${i}`}
            list={`run-models-${target.provider}`}
            className="font-mono text-xs"
            placeholder="model id, e.g. gpt-4o-mini"
            autoComplete="off"
            spellCheck={false}
            value={target.model}
            onFocus={() => onWantModels(target.provider)}
            onChange={(e) => patch(i, { model: e.target.value })}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Remove model ${i + 1}`}
            data-testid={`run-remove-model-${i}`}
            disabled={targets.length === 1}
            onClick={() => onChange(targets.filter((_, j) => j !== i))}
          >
            <X />
          </Button>
        </div>
      ))}
      {PROVIDER_IDS.map((id) => (
        <datalist key={id} id={`run-models-${id}`}>
          {(suggestions[id] ?? []).map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      ))}
      <Button
        type="button"
        variant="outline"
        size="xs"
        className="self-start"
        data-testid="run-add-model"
        disabled={targets.length >= MAX_TARGETS}
        onClick={() =>
          onChange([...targets, { provider: targets.at(-1)?.provider ?? 'openai', model: '' }])
        }
      >
        <Plus />
        Add model
      </Button>
    </div>
  );
}
