import { LoaderCircle } from 'lucide-react';
import type { SecretView, SettingsView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '../../components/ui/card';
import { Form, FormRootError } from '../../components/ui/form';
import { cn } from '../../lib/utils';
import { ConnectionTest } from './connection-test';
import { ProviderField } from './provider-field';
import { ProviderModelsSection } from './provider-models';
import type { ProviderSpec } from './provider-specs';
import { useProviderForm } from './use-provider-form';
import { WriteGuard } from '../../auth/write-guard';

function secretOf(view: SettingsView, spec: ProviderSpec, name: string): SecretView | undefined {
  const value = (view.providers[spec.id] as Record<string, unknown>)[name];
  return typeof value === 'object' && value !== null ? (value as SecretView) : undefined;
}

/** One provider connection: its own form and Save button, saving only this provider. */
export function ProviderCard({
  spec,
  view,
  showModels = true,
}: {
  spec: ProviderSpec;
  view: SettingsView;
  /** The models list below the form (the first-run screen leaves it out). */
  showModels?: boolean;
}) {
  const { form, save, clear, busy } = useProviderForm(spec, view);
  const saving = busy === 'save';

  return (
    <Card data-testid={`provider-${spec.id}`}>
      <Form {...form}>
        {/* noValidate: the form's schema checks URLs, with the contract's words, not the browser. */}
        <form noValidate onSubmit={(event) => void save(event)} className="flex flex-1 flex-col">
          <CardHeader>
            <CardTitle>{spec.title}</CardTitle>
            <CardDescription>{spec.description}</CardDescription>
          </CardHeader>
          <CardContent className={cn('flex-1', spec.fields.length > 3 && 'grid sm:grid-cols-2')}>
            {spec.fields.map((field) => (
              <ProviderField
                key={field.name}
                id={`${spec.id}-${field.name}`}
                field={field}
                secret={field.kind === 'secret' ? secretOf(view, spec, field.name) : undefined}
                onClear={() => void clear(field)}
                clearing={busy === field.name}
                disabled={saving}
              />
            ))}
            <FormRootError />
          </CardContent>
          <CardFooter>
            <ConnectionTest provider={spec.id} title={spec.title} disabled={busy !== null} />
            <WriteGuard what="provider settings" needs="admin">
              {(blocked) => (
                <Button
                  type="submit"
                  size="sm"
                  data-testid={`save-${spec.id}`}
                  disabled={busy !== null || blocked}
                >
                  {saving ? <LoaderCircle className="animate-spin" /> : null}
                  Save
                </Button>
              )}
            </WriteGuard>
          </CardFooter>
        </form>
      </Form>
      {showModels ? <ProviderModelsSection provider={spec.id} /> : null}
    </Card>
  );
}
