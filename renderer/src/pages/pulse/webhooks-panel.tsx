import { Copy, LoaderCircle, Send } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import {
  pulseChannels,
  WEBHOOK_FORMATS,
  type WebhookAttempt,
  type WebhookView,
} from '../../../../shared/contract/pulse';
import { Alert, AlertDescription, AlertTitle } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { CardForm } from './card-form';
import { DeleteButton } from './delete-button';
import { AttemptList } from './delivery-log';

const createInput = pulseChannels['pulse.webhooks.create'].input;
const EMPTY = { name: '', url: '', format: 'json' as const };
const FORMAT_OPTIONS = WEBHOOK_FORMATS.map((f) => ({
  value: f,
  label: f === 'json' ? 'JSON' : 'Slack message',
  testId: `webhook-format-${f}`,
}));

function WebhookRow({ hook }: { hook: WebhookView }) {
  const test = useChannelMutation('pulse.webhooks.test', { invalidates: [] });
  const remove = useChannelMutation('pulse.webhooks.delete');
  const [attempts, setAttempts] = useState<readonly WebhookAttempt[] | null>(null);
  const send = async () => {
    const result = await test.mutateAsync({ id: hook.id });
    setAttempts(result.attempts);
    if (result.delivered) toast.success(`Test alert delivered to ${hook.name}`);
    else toast.error(`${hook.name}: ${result.attempts[0]?.error ?? 'not delivered'}`);
  };
  return (
    <li className="flex flex-col gap-2 rounded-lg border px-4 py-3" data-testid="webhook">
      <div className="flex items-center gap-3">
        <span className="font-medium">{hook.name}</span>
        <Badge variant="outline">{hook.format}</Badge>
        <span className="font-mono text-xs text-muted-foreground" data-testid="webhook-url">
          {hook.urlHint}
        </span>
        <Button
          size="xs"
          variant="outline"
          className="ml-auto"
          data-testid="webhook-test"
          disabled={test.isPending}
          onClick={() => void send().catch(() => undefined)}
        >
          {test.isPending ? <LoaderCircle className="animate-spin" /> : <Send />}
          Send test
        </Button>
        <DeleteButton
          name={hook.name}
          testId="webhook-delete"
          busy={remove.isPending}
          onDelete={() => remove.mutate({ id: hook.id })}
        />
      </div>
      {attempts ? <AttemptList attempts={attempts} /> : null}
    </li>
  );
}

/** The signing secret, shown this once: Assay keeps it encrypted and never shows it again. */
function SecretOnce({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  return (
    <Alert data-testid="webhook-secret">
      <AlertTitle>{`Signing secret of "${name}"`}</AlertTitle>
      <AlertDescription className="flex flex-col gap-2">
        <span>
          Give it to the receiver to verify the <code>x-assay-signature</code> header. It is shown
          only now.
        </span>
        <code className="font-mono text-xs break-all" data-testid="webhook-secret-value">
          {secret}
        </code>
        <div className="flex gap-2">
          <Button
            size="xs"
            variant="outline"
            onClick={() =>
              void navigator.clipboard.writeText(secret).then(() => toast.success('Secret copied'))
            }
          >
            <Copy />
            Copy
          </Button>
          <Button size="xs" variant="ghost" onClick={onDone} data-testid="webhook-secret-done">
            Done
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}

function WebhookForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const form = useContractForm(createInput, EMPTY);
  const create = useChannelMutation('pulse.webhooks.create', { meta: { form: true } });
  return (
    <CardForm
      form={form}
      add={async (input) => {
        const { webhook, secret } = await create.mutateAsync(input);
        form.reset(EMPTY);
        onCreated(webhook.name, secret);
      }}
      title="New webhook"
      name="webhook"
      submitLabel="Add webhook"
      busy={create.isPending}
    >
      <p className="text-xs text-muted-foreground">
        The URL and the secret are kept encrypted like API keys (a Slack URL is itself a secret);
        lists show only the scheme and host.
      </p>
      <div className="flex flex-wrap items-start gap-3">
        <Field
          name="name"
          label="Name"
          className="w-40"
          render={(field) => <Input {...field} className="h-8" data-testid="webhook-name" />}
        />
        <Field
          name="url"
          label="URL"
          className="min-w-72 flex-1"
          render={(field) => (
            <Input
              {...field}
              className="h-8 font-mono"
              data-testid="webhook-url-input"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        />
        <Field
          name="format"
          label="Format"
          className="w-36"
          render={({ value, onChange, ref: _ref, ...field }) => (
            <OptionSelect
              {...field}
              value={value ?? 'json'}
              options={FORMAT_OPTIONS}
              className="h-8"
              data-testid="webhook-format"
              onValueChange={onChange}
            />
          )}
        />
        <Field
          name="secret"
          label="Secret (optional)"
          hint="empty: Assay makes one"
          className="w-56"
          render={(field) => (
            <Input
              {...field}
              type="password"
              autoComplete="new-password"
              className="h-8 font-mono"
              data-testid="webhook-secret-input"
              value={field.value ?? ''}
              onChange={(e) => field.onChange(e.target.value === '' ? undefined : e.target.value)}
            />
          )}
        />
      </div>
    </CardForm>
  );
}

/** Webhooks alerts go to: each with a test send; new ones show their secret once. */
export function WebhooksPanel() {
  const webhooks = useChannelQuery('pulse.webhooks.list', {}).data?.webhooks;
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <div className="flex w-full max-w-5xl flex-col gap-4 px-8 py-5">
      {created ? (
        <SecretOnce name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      ) : null}
      {webhooks && webhooks.length > 0 ? (
        <ul className="flex flex-col gap-2" data-testid="webhooks">
          {webhooks.map((hook) => (
            <WebhookRow key={hook.id} hook={hook} />
          ))}
        </ul>
      ) : webhooks ? (
        <p className="text-sm text-muted-foreground" data-testid="webhooks-empty">
          No webhooks yet. Alerts go to the inbox, a desktop notification, and the webhooks of their
          rule.
        </p>
      ) : null}
      <WebhookForm onCreated={(name, secret) => setCreated({ name, secret })} />
    </div>
  );
}
