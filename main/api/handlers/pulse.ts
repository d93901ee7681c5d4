import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type PulseChannel =
  | 'pulse.rules.list'
  | 'pulse.rules.create'
  | 'pulse.rules.update'
  | 'pulse.rules.delete'
  | 'pulse.rules.evaluate'
  | 'pulse.webhooks.list'
  | 'pulse.webhooks.create'
  | 'pulse.webhooks.delete'
  | 'pulse.webhooks.test'
  | 'pulse.alerts.list'
  | 'pulse.alerts.markRead'
  | 'pulse.alerts.deliveries';

export function pulseHandlers(services: CoreServices): Pick<Handlers, PulseChannel> {
  const pulse = services.pulse;
  return {
    'pulse.rules.list': async () => ({ rules: await pulse.listRules() }),
    'pulse.rules.create': (input) => pulse.createRule(input),
    'pulse.rules.update': (input) => pulse.updateRule(input),
    'pulse.rules.delete': async ({ id }) => {
      await pulse.deleteRule(id);
      return { deleted: true };
    },
    'pulse.rules.evaluate': async ({ id }) => ({ evaluations: await pulse.evaluate(id) }),
    'pulse.webhooks.list': async () => ({ webhooks: await pulse.listWebhooks() }),
    'pulse.webhooks.create': (input) => pulse.createWebhook(input),
    'pulse.webhooks.delete': async ({ id }) => {
      await pulse.deleteWebhook(id);
      return { deleted: true };
    },
    'pulse.webhooks.test': ({ id }) => pulse.testWebhook(id),
    'pulse.alerts.list': (input) => pulse.listAlerts(input),
    'pulse.alerts.markRead': (input) => pulse.markRead(input),
    'pulse.alerts.deliveries': ({ alertId }) => pulse.deliveriesOf(alertId),
  };
}
