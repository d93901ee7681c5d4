import { toast } from 'sonner';
import { z } from 'zod';
import type { IngestStatus, SettingsView } from '../../../../shared/contract';
import { ingestPortSchema, traceRetentionDaysSchema } from '../../../../shared/contract/settings';
import { useSettings } from '../../app/settings-context';
import { pendingIngestPort, useIngestStatus } from '../../components/ingest/ingest-endpoint';
import { IngestStatusAlert } from '../../components/ingest/ingest-status-alert';
import { Button } from '../../components/ui/button';
import { Card, CardContent } from '../../components/ui/card';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { WriteGuard } from '../../auth/write-guard';

/** Typed as text (an empty box means 0 days: keep forever), checked by the contract's bounds. */
const wholeNumber = (inner: z.ZodType<number, number>) =>
  z
    .string()
    .trim()
    .regex(/^\d*$/, 'must be a whole number')
    .transform((s) => (s === '' ? 0 : Number(s)))
    .pipe(inner);

const tracesFormSchema = z.object({
  traceRetentionDays: wholeNumber(traceRetentionDaysSchema),
  ingestPort: wholeNumber(ingestPortSchema),
});

function TracesForm({ view }: { view: SettingsView }) {
  const { replace } = useSettings();
  const { traceRetentionDays, ingestPort } = view.preferences;
  const form = useContractForm(tracesFormSchema, {
    traceRetentionDays: traceRetentionDays ? String(traceRetentionDays) : '',
    ingestPort: String(ingestPort),
  });
  const save = useChannelMutation('settings.updatePreferences', { meta: { form: true } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      replace(saved);
      form.reset({
        traceRetentionDays: saved.preferences.traceRetentionDays
          ? String(saved.preferences.traceRetentionDays)
          : '',
        ingestPort: String(saved.preferences.ingestPort),
      });
      toast.success('Trace settings saved');
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  return (
    <Form {...form}>
      <form noValidate className="flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field<z.input<typeof tracesFormSchema>, 'traceRetentionDays'>
            name="traceRetentionDays"
            label="Keep traces (days)"
            hint="Older traces, their spans and interactions are deleted hourly. Empty or 0 keeps them forever."
            render={(field) => (
              <Input
                {...field}
                inputMode="numeric"
                placeholder="forever"
                data-testid="trace-retention-days"
              />
            )}
          />
          <Field<z.input<typeof tracesFormSchema>, 'ingestPort'>
            name="ingestPort"
            label="Local ingest port"
            hint="Gateway and OpenTelemetry endpoint on 127.0.0.1 for your apps (same as assay serve); applies at the next start."
            render={(field) => <Input {...field} inputMode="numeric" data-testid="ingest-port" />}
          />
        </div>
        <FormRootError />
        <div>
          <WriteGuard what="trace settings" needs="admin">
            {(blocked) => (
              <Button
                type="submit"
                size="sm"
                disabled={save.isPending || !form.formState.isDirty || blocked}
                data-testid="save-traces-settings"
              >
                Save
              </Button>
            )}
          </WriteGuard>
        </div>
      </form>
    </Form>
  );
}

/**
 * What the ingest port does now: the saved port is bound at start only, so a saved change waits
 * for a restart; under `assay serve` apps send to the server's own address instead.
 */
function IngestState({ status, savedPort }: { status: IngestStatus; savedPort: number }) {
  const pending = pendingIngestPort(status, savedPort);
  let text: string;
  if (status.state === 'server') {
    text = `This workbench is served by assay serve: apps send to its own address, ${window.location.origin}.`;
  } else if (pending !== null) {
    text = `Port ${pending} is saved and applies when you restart Assay; ${status.state === 'listening' ? `it listens on ${status.url} until then` : `port ${status.port} was tried at start`}.`;
  } else if (status.state === 'listening') {
    text = `Listening on ${status.url}.`;
  } else {
    return null;
  }
  return (
    <p className="text-xs text-muted-foreground" data-testid="ingest-state">
      {text}
    </p>
  );
}

/** Settings › Traces: how long traces are kept, and the desktop app's local ingest port. */
export function TracesSection() {
  const { view } = useSettings();
  const { status } = useIngestStatus();
  return (
    <Card data-testid="traces-section">
      <CardContent>
        <IngestStatusAlert status={status} inSettings />
        {view ? <TracesForm view={view} /> : null}
        {view && status ? (
          <IngestState status={status} savedPort={view.preferences.ingestPort} />
        ) : null}
      </CardContent>
    </Card>
  );
}
