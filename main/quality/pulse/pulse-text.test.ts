import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPulseValue, pulseRuleBodySchema } from '../../../shared/contract/pulse';
import { alertNotification } from './alert-notification';
import { windowText } from '../../../shared/contract/pulse';
import { alertSummary } from './alert-summary';
import { urlHint } from './webhook-secrets';

describe('alert text', () => {
  it('says the rule, the value, the condition and the window before', () => {
    const rule = { name: 'Answers', metric: 'scorecard_mean' as const, windowMinutes: 90 };
    expect(alertSummary({ ...rule, condition: { type: 'below', value: 0.6 } }, 0.5234, 0.81)).toBe(
      'Answers: scorecard mean 0.523 is below 0.600 (last 90 min; 0.810 the 90 min before)',
    );
    expect(alertSummary({ ...rule, condition: { type: 'drop', percent: 20 } }, 0.5, null)).toBe(
      'Answers: scorecard mean 0.500 dropped by at least 20% (last 90 min)',
    );
    expect(
      alertSummary(
        {
          name: 'Spend',
          metric: 'cost_per_day_usd',
          windowMinutes: 1440,
          condition: { type: 'above', value: 50 },
        },
        61.5,
        40,
      ),
    ).toBe(
      'Spend: cost per day $61.50/day is above $50.00/day (last 1 d; $40.00/day the 1 d before)',
    );
    expect([windowText(5), windowText(120), windowText(2880)]).toEqual(['5 min', '2 h', '2 d']);
    expect(formatPulseValue('p95_latency_ms', 1234.4)).toBe('1,234 ms');
    expect(formatPulseValue('error_rate', 0.0625)).toBe('6.3%');
  });

  it('keeps a desktop notification short and counts the unread', () => {
    const alert = { ruleName: 'Errors', summary: 'x'.repeat(400) } as Parameters<
      typeof alertNotification
    >[0];
    const note = alertNotification(alert, 3);
    expect(note.title).toBe('Assay alert: Errors (3 unread)');
    expect(note.body).toHaveLength(180);
    expect(note.body.endsWith('…')).toBe(true);
  });
});

describe('urlHint', () => {
  it('shows the scheme and host of any URL, never its path, query or credentials', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.stringMatching(/^[A-Za-z0-9]{12,24}$/),
        (base, secret) => {
          const url = new URL(base);
          url.pathname = `/services/${secret}`;
          url.username = 'user';
          url.password = `pw${secret}`;
          const hint = urlHint(url.toString());
          expect(hint).toBe(`${url.protocol}//${url.host}/…`);
          expect(hint).not.toContain(secret);
        },
      ),
    );
  });
});

describe('pulseRuleBodySchema', () => {
  const base = { name: 'r', condition: { type: 'above', value: 1 } } as const;
  it('asks a scorecard of scorecard metrics only, and applies the defaults', () => {
    const parsed = pulseRuleBodySchema.parse({ ...base, metric: 'error_rate' });
    expect(parsed).toMatchObject({
      windowMinutes: 60,
      minSamples: 10,
      webhookIds: [],
      enabled: true,
      filter: {},
    });
    const paths = (input: unknown) =>
      pulseRuleBodySchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ ...base, metric: 'scorecard_mean' })).toEqual(['scorecardId']);
    expect(paths({ ...base, metric: 'p95_latency_ms', scorecardId: 'c' })).toEqual(['scorecardId']);
    expect(paths({ ...base, metric: 'error_rate', webhookIds: ['a', 'a'] })).toEqual([
      'webhookIds',
    ]);
    expect(paths({ ...base, metric: 'error_rate', condition: { type: 'drop' } })).toEqual([
      'condition.by',
    ]);
    expect(paths({ ...base, metric: 'error_rate', windowMinutes: 0 })).toEqual(['windowMinutes']);
  });
});
