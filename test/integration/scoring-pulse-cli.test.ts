import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../../main/app/create-core';
import {
  alertViewSchema,
  pulseRuleViewSchema,
  scoringRuleViewSchema,
  type ScoringRuleView,
} from '../../shared/contract';
import { coreCall } from '../support/core-call';
import { parseJson } from '../support/parse-json';
import { runCli } from '../support/run-cli';
import { openTestCore } from '../support/test-database';

/**
 * `assay scoring …` and `assay pulse …`: rules and alerts set up through a core on the same
 * database, then read and changed through the real bin script (exit codes, --json shapes).
 */

const rulesSchema = z.object({ rules: z.array(scoringRuleViewSchema) });
const alertsSchema = z.object({
  alerts: z.array(alertViewSchema),
  unread: z.number(),
  nextOffset: z.number().nullable(),
});

let dir: string;
let scorecardId: string;
let pulseRuleId: string;
let alertId: string;
let ruleId: string;
const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);

/** Opens the data directory's core for a moment (the CLI opens its own in between). */
async function withTestCore<T>(work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openTestCore(dir);
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

async function listRules(...args: string[]): Promise<ScoringRuleView[]> {
  const res = await cli('scoring', 'list', '--json', ...args);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  return parseJson(rulesSchema, res.stdout, 'scoring list --json').rules;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-scoring-cli-'));
  await withTestCore(async (core) => {
    const grader = await coreCall(core, 'graders.create', {
      name: 'Mentions refund',
      definition: {
        kind: 'deterministic',
        check: { type: 'matcher', matcher: { type: 'contains', value: 'refund' } },
      },
      scoreConfig: { type: 'boolean' },
    });
    const card = await coreCall(core, 'scorecards.create', {
      name: 'Support',
      body: { items: [{ graderId: grader.id }], passThreshold: 0.5 },
    });
    scorecardId = card.id;
    // Two answers out of three miss the word: the mean 0.333 is below 0.5, an alert fires.
    for (const [i, output] of ['no', 'no', 'a refund'].entries()) {
      const { id } = await coreCall(core, 'interactions.create', {
        type: 'support',
        input: `q${i}`,
        output,
      });
      await coreCall(core, 'scores.create', {
        target: { type: 'interaction', id },
        graderId: grader.id,
        value: output.includes('refund'),
        idempotencyKey: `cli-${i}`,
      });
    }
    const rule = await coreCall(core, 'pulse.rules.create', {
      name: 'Support mean',
      metric: 'scorecard_mean',
      scorecardId: card.id,
      condition: { type: 'below', value: 0.5 },
      minSamples: 2,
    });
    pulseRuleId = rule.id;
    const { evaluations } = await coreCall(core, 'pulse.rules.evaluate', { id: rule.id });
    alertId = evaluations[0]!.alertId!;
    expect(alertId).toEqual(expect.any(String));
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Every command is a process that opens the database: a few of them per test.
const SLOW = { timeout: 120_000 };

describe('assay scoring', SLOW, () => {
  it('says there are no rules yet', async () => {
    const res = await cli('scoring', 'list');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^No scoring rules yet/);
  });

  it('creates a rule from flags (scorecard by name, a percentage, a filter) and lists it', async () => {
    const res = await cli(
      ...['scoring', 'create', '--name', 'Refunds', '--scorecard', 'Support'],
      ...['--sampling', '100%', '--daily-budget', '$2.50', '--type', 'support', '--tag', 'prod,eu'],
      '--json',
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const rule = parseJson(scoringRuleViewSchema, res.stdout, 'scoring create --json');
    expect(rule).toMatchObject({
      name: 'Refunds',
      scorecardId,
      sampling: 1,
      dailyBudgetUsd: 2.5,
      filter: { types: ['support'], tags: ['prod', 'eu'] },
      enabled: true,
      status: { state: 'running', scored: 0, spentTodayUsd: 0 },
    });
    ruleId = rule.id;
    const table = await cli('scoring', 'list');
    expect(table.stdout).toContain('Refunds');
    expect(table.stdout).toContain('type support · tags prod, eu');
    expect(table.stdout).toContain('$0 of $2.50');
    expect(table.stdout).toContain('running');
  });

  it('refuses bad flags naming the flag, with exit 2, and creates nothing', async () => {
    const create = (...flags: string[]) =>
      cli('scoring', 'create', '--name', 'X', '--scorecard', 'Support', ...flags);
    const sampling = await create('--sampling', '5', '--daily-budget', 'none');
    expect(sampling.code).toBe(2);
    expect(sampling.stderr).toBe(
      'assay: VALIDATION_FAILED: scoring create: --sampling: must be a percentage (10%) or a fraction from 0 to 1 (0.1), got "5"\n',
    );
    const noBudget = await create('--sampling', '10%');
    expect(noBudget.code).toBe(2);
    expect(noBudget.stderr).toMatch(
      /^assay: VALIDATION_FAILED: scoring create: --daily-budget is required/,
    );
    // The contract's own limits come back named by the flag: a tag over 200 characters.
    const tag = await create(
      ...['--sampling', '1', '--daily-budget', 'none', '--tag', `a,${'t'.repeat(201)}`],
    );
    expect(tag.code).toBe(2);
    expect(tag.stderr).toMatch(/^assay: VALIDATION_FAILED: scoring create: --tag \(value 2\): /);
    expect((await listRules()).map((r) => r.name)).toEqual(['Refunds']);
  });

  it('refuses a taken name, an unknown scorecard or rule with exit 1', async () => {
    const taken = await cli(
      ...['scoring', 'create', '--name', 'Refunds', '--scorecard', scorecardId],
      ...['--sampling', '0.5', '--daily-budget', 'none'],
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      'assay: CONFLICT: scoring create: --name: taken by a live scoring rule\n',
    );
    const card = await cli(
      ...['scoring', 'create', '--name', 'Y', '--scorecard', 'Nope'],
      ...['--sampling', '1', '--daily-budget', '1'],
    );
    expect(card.code).toBe(1);
    expect(card.stderr).toBe(
      'assay: NOT_FOUND: scoring create: --scorecard: no scorecard named or with id "Nope"\n',
    );
    const unknown = await cli('scoring', 'enable', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^assay: NOT_FOUND: scoring enable: no scoring rule named or with id "nobody"/,
    );
  });

  it('disables and enables a rule by name, and says so in its status', async () => {
    const off = await cli('scoring', 'disable', 'Refunds', '--json');
    expect(off.code).toBe(0);
    expect(parseJson(scoringRuleViewSchema, off.stdout).status).toMatchObject({
      state: 'disabled',
      reason: 'disabled: it scores nothing until enabled',
    });
    const on = await cli('scoring', 'enable', 'Refunds');
    expect(on.code).toBe(0);
    expect(on.stdout).toMatch(
      /^Enabled scoring rule "Refunds" \(.+\): type support · tags prod, eu, 100% sampled, running\.$/m,
    );
  });

  it('counts what the running core scored, re-scores it on request, and deletes (archives) it', async () => {
    await withTestCore(async (core) => {
      // A served core (assay serve, the app) runs the rules; CLI commands never start it.
      core.services.scoringRules.start();
      for (const tags of [['prod', 'eu'], ['prod']])
        await coreCall(core, 'interactions.create', {
          type: 'support',
          input: 'Can I get my money back?',
          output: 'Yes, a refund within 30 days.',
          tags,
        });
      // The runner scores in the background: wait until it walked both.
      for (let i = 0; i < 400; i++) {
        const s = (await coreCall(core, 'scoringRules.get', { id: ruleId })).status;
        if (s.scored + s.skipped >= 2) break;
        await new Promise((r) => setTimeout(r, 25));
      }
    });
    const [scored] = await listRules();
    // Only the one with both tags matches the filter.
    expect(scored!.status).toMatchObject({ scored: 1, skipped: 1, state: 'running' });
    expect(scored!.status.through).toEqual(expect.any(String));

    const rescore = await cli('scoring', 'rescore', ruleId);
    expect(rescore.code).toBe(0);
    expect(rescore.stdout).toMatch(/^Re-scoring "Refunds": up to 1 interactions it scored/);

    const del = await cli('scoring', 'delete', 'Refunds', '--json');
    expect(del.code).toBe(0);
    expect(parseJson(scoringRuleViewSchema, del.stdout)).toMatchObject({
      archived: true,
      status: { state: 'archived', scored: 1 },
    });
    // An archived rule is not re-scored: the core names the rule as the field.
    const archived = await cli('scoring', 'rescore', ruleId);
    expect(archived.code).toBe(2);
    expect(archived.stderr).toMatch(
      /^assay: VALIDATION_FAILED: scoring rescore: RULE: archived scoring rule/,
    );
  });
});

describe('assay pulse', SLOW, () => {
  it('lists the rules with their state and last value', async () => {
    const table = await cli('pulse', 'list');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Support mean.*scorecard mean below 0\.500.*firing.*0\.333/s);
    const json = await cli('pulse', 'list', '--json');
    const { rules } = parseJson(z.object({ rules: z.array(pulseRuleViewSchema) }), json.stdout);
    expect(rules).toMatchObject([{ id: pulseRuleId, firing: true }]);
    expect(rules[0]!.lastValue).toBeCloseTo(1 / 3, 6);
  });

  it('lists the inbox, all and by rule', async () => {
    const all = parseJson(alertsSchema, (await cli('pulse', 'alerts', '--json')).stdout);
    expect(all).toMatchObject({
      unread: 1,
      nextOffset: null,
      alerts: [{ id: alertId, read: false, ruleName: 'Support mean' }],
    });
    const table = await cli('pulse', 'alerts', '--rule', 'Support mean');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(alertId);
    expect(table.stdout).toMatch(/1 unread\.$/m);
  });

  it('acknowledges an alert by id, and marks every one unread again', async () => {
    const ack = await cli('pulse', 'ack', alertId, '--json');
    expect(ack.code).toBe(0);
    expect(JSON.parse(ack.stdout)).toEqual({ marked: [alertId], read: true, unread: 0 });
    expect((await cli('pulse', 'alerts', '--unread')).stdout).toBe('No unread alerts.\n');
    const back = await cli('pulse', 'ack', '--all', '--unread');
    expect(back.stdout).toBe('Marked every alert unread; 1 unread.\n');
  });

  it('refuses bad input with a coded message: exit 2, or 1 for what does not exist', async () => {
    const both = await cli('pulse', 'ack', alertId, '--all');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^assay: VALIDATION_FAILED: pulse ack: give alert ids or --all/);
    expect((await cli('pulse', 'ack')).code).toBe(2);
    const limit = await cli('pulse', 'alerts', '--limit', '0');
    expect(limit.code).toBe(2);
    expect(limit.stderr).toBe(
      'assay: VALIDATION_FAILED: --limit must be an integer from 1 to 500, got "0"\n',
    );
    const unknown = await cli('pulse', 'ack', alertId, 'no-such-alert');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('assay: NOT_FOUND: pulse ack: no alert with id "no-such-alert"\n');
    // Nothing was marked: the known id stays unread.
    expect(parseJson(alertsSchema, (await cli('pulse', 'alerts', '--json')).stdout).unread).toBe(1);
    const rule = await cli('pulse', 'alerts', '--rule', 'nope');
    expect(rule.code).toBe(1);
    expect(rule.stderr).toMatch(/^assay: NOT_FOUND: pulse alerts: --rule: no pulse rule/);
  });
});
