import { LoaderCircle } from 'lucide-react';
import type { FormEvent } from 'react';
import type { SecretView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '../../components/ui/card';
import { cn } from '../../lib/utils';
import { ConnectionTest } from './connection-test';
import { FieldRow } from './field-row';
import { ProviderModelsSection } from './provider-models';
import type { ProviderSpec } from './provider-specs';
import { useProviderForm, type ProviderValues } from './use-provider-form';

function asSecretView(value: ProviderValues[string] | undefined): SecretView | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** One provider connection: its own form and Save button, saving only this provider. */
export function ProviderCard({ spec, values }: { spec: ProviderSpec; values: ProviderValues }) {
  const form = useProviderForm(spec, values);
  const saving = form.busy === 'save';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.save();
  };

  return (
    <Card data-testid={`provider-${spec.id}`}>
      {/* noValidate: URL checks are the core's job, so the browser must not block the submit. */}
      <form noValidate onSubmit={onSubmit} className="flex flex-1 flex-col">
        <CardHeader>
          <CardTitle>{spec.title}</CardTitle>
          <CardDescription>{spec.description}</CardDescription>
        </CardHeader>
        <CardContent className={cn('flex-1', spec.fields.length > 3 && 'grid sm:grid-cols-2')}>
          {spec.fields.map((field) => (
            <FieldRow
              key={field.name}
              id={`${spec.id}-${field.name}`}
              field={field}
              value={form.valueOf(field)}
              onChange={(value) => form.setValue(field.name, value)}
              error={form.errors[field.name]}
              secret={field.kind === 'secret' ? asSecretView(values[field.name]) : undefined}
              onClear={() => void form.clear(field)}
              clearing={form.busy === field.name}
              disabled={saving}
            />
          ))}
        </CardContent>
        <CardFooter>
          <ConnectionTest provider={spec.id} title={spec.title} disabled={form.busy !== null} />
          <Button
            type="submit"
            size="sm"
            data-testid={`save-${spec.id}`}
            disabled={form.busy !== null}
          >
            {saving ? <LoaderCircle className="animate-spin" /> : null}
            Save
          </Button>
        </CardFooter>
      </form>
      <ProviderModelsSection provider={spec.id} />
    </Card>
  );
}
