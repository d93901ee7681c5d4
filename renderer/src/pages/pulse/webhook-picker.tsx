import { Checkbox } from '../../components/ui/checkbox';
import { Field } from '../../components/ui/form';
import { useChannelQuery } from '../../query/channel-query';

/** Which of the webhooks set up (Webhooks tab) a rule's alerts go to; none: the inbox only. */
export function WebhookPicker({ name }: { name: string }) {
  const webhooks = useChannelQuery('pulse.webhooks.list', {}).data?.webhooks ?? [];
  return (
    <Field
      name={name}
      label="Send to webhooks"
      hint={webhooks.length === 0 ? 'None set up yet (Webhooks tab): inbox only.' : undefined}
      render={({ value, onChange }) => (
        <div className="flex flex-wrap gap-4" data-testid="rule-webhooks">
          {webhooks.map((hook) => {
            const ids: string[] = value ?? [];
            return (
              <label key={hook.id} className="flex items-center gap-2 text-xs">
                <Checkbox
                  checked={ids.includes(hook.id)}
                  data-testid={`rule-webhook-${hook.name}`}
                  onCheckedChange={(on) =>
                    onChange(on === true ? [...ids, hook.id] : ids.filter((id) => id !== hook.id))
                  }
                />
                {hook.name}
              </label>
            );
          })}
        </div>
      )}
    />
  );
}
