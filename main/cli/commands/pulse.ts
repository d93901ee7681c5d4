import Table from 'cli-table3';
import {
  conditionText,
  formatPulseValue,
  PULSE_METRIC_LABELS,
  windowText,
  type PulseRuleView,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { Core } from '../../app/create-core';
import { intOption } from '../int-option';
import { invoke, withCore } from '../with-core';

/**
 * `assay pulse …`: the alert rules and the inbox, through the `pulse.*` channels. A one-off
 * command never evaluates rules or delivers alerts: the long-lived shells do, once a minute.
 */

interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export interface PulseAlertsOptions extends CommonOptions {
  readonly unread?: boolean;
  readonly rule?: string;
  readonly limit?: string;
  readonly offset?: string;
}

export interface PulseAckOptions extends CommonOptions {
  readonly all?: boolean;
  readonly unread?: boolean;
}

const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

function ruleState(rule: PulseRuleView): string {
  if (!rule.enabled) return 'disabled';
  if (rule.lastError) return `cannot evaluate: ${rule.lastError}`;
  if (rule.firing) return 'firing';
  return rule.lastEvaluatedAt ? 'ok' : 'not checked yet';
}

/** `assay pulse list`: the alert rules with their state and last value. */
export async function pulseListCommand(options: CommonOptions): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const { rules } = await invoke(core, 'pulse.rules.list', {});
    if (options.json) return printJson({ rules });
    if (rules.length === 0) {
      process.stdout.write(
        'No pulse rules yet (the workbench’s Pulse page or pulse.rules.create adds one).\n',
      );
      return;
    }
    const table = new Table({
      head: ['name', 'id', 'alerts when', 'window', 'state', 'last value'],
      style: { head: [], border: [] },
    });
    for (const r of rules)
      table.push([
        r.name,
        r.id,
        `${PULSE_METRIC_LABELS[r.metric]} ${conditionText(r.metric, r.condition)}`,
        windowText(r.windowMinutes),
        ruleState(r),
        r.lastValue === null ? '-' : formatPulseValue(r.metric, r.lastValue),
      ]);
    process.stdout.write(`${table.toString()}\n`);
  });
}

/** A pulse rule by id, or by name. */
async function ruleId(core: Core, ref: string): Promise<string> {
  const { rules } = await invoke(core, 'pulse.rules.list', {});
  const rule = rules.find((r) => r.id === ref) ?? rules.find((r) => r.name === ref.trim());
  if (!rule)
    throw new AssayError(
      'NOT_FOUND',
      `pulse alerts: --rule: no pulse rule named or with id "${ref}"`,
      {
        issues: [{ path: '--rule', message: 'no such pulse rule' }],
      },
    );
  return rule.id;
}

/** `assay pulse alerts`: the inbox, newest first (`--unread`: only unread ones). */
export async function pulseAlertsCommand(options: PulseAlertsOptions): Promise<void> {
  const limit = intOption('--limit', options.limit, 1, 500);
  const offset = intOption('--offset', options.offset, 0, 1_000_000);
  await withCore(options.dataDir, async (core) => {
    const page = await invoke(core, 'pulse.alerts.list', {
      unreadOnly: options.unread === true,
      ...(options.rule === undefined ? {} : { ruleId: await ruleId(core, options.rule) }),
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    });
    if (options.json) return printJson(page);
    if (page.alerts.length === 0) {
      process.stdout.write(options.unread ? 'No unread alerts.\n' : 'No alerts.\n');
      return;
    }
    const table = new Table({
      head: ['', 'fired', 'rule', 'value', 'summary', 'id'],
      style: { head: [], border: [] },
      wordWrap: true,
      colWidths: [null, null, null, null, 60, null],
    });
    for (const a of page.alerts)
      table.push([
        a.read ? '' : '●',
        a.firedAt,
        a.ruleName,
        formatPulseValue(a.metric, a.value),
        a.summary,
        a.id,
      ]);
    process.stdout.write(`${table.toString()}\n${page.unread} unread.`);
    if (page.nextOffset !== null) process.stdout.write(` More with --offset ${page.nextOffset}.`);
    process.stdout.write('\n');
  });
}

/**
 * `assay pulse ack ALERT_ID… | --all`: marks alerts read (`--unread`: unread again). Every id
 * must name an alert: a typo is refused (exit 1), not silently acknowledged.
 */
export async function pulseAckCommand(ids: string[], options: PulseAckOptions): Promise<void> {
  if (ids.length > 0 === (options.all === true))
    throw new AssayError(
      'VALIDATION_FAILED',
      'pulse ack: give alert ids or --all (one of them); assay pulse alerts lists the ids',
      { issues: [{ path: 'ALERT_ID', message: 'give ids or --all' }] },
    );
  if (ids.length > 500)
    throw new AssayError('VALIDATION_FAILED', 'pulse ack: at most 500 alert ids at once', {
      issues: [{ path: 'ALERT_ID', message: 'at most 500' }],
    });
  await withCore(options.dataDir, async (core) => {
    // The inbox's deliveries answer NOT_FOUND for an id no alert has: the check that it exists.
    for (const id of ids) {
      try {
        await invoke(core, 'pulse.alerts.deliveries', { alertId: id });
      } catch (err) {
        if (err instanceof AssayError && err.code === 'NOT_FOUND')
          throw new AssayError('NOT_FOUND', `pulse ack: no alert with id "${id}"`, {
            issues: [{ path: 'ALERT_ID', message: 'no such alert' }],
          });
        throw err;
      }
    }
    const read = options.unread !== true;
    const { unread } = await invoke(
      core,
      'pulse.alerts.markRead',
      options.all ? { all: true, read } : { ids, read },
    );
    if (options.json) return printJson({ marked: options.all ? 'all' : ids, read, unread });
    const which = options.all ? 'every alert' : `${ids.length} alert${ids.length === 1 ? '' : 's'}`;
    process.stdout.write(`Marked ${which} ${read ? 'read' : 'unread'}; ${unread} unread.\n`);
  });
}
