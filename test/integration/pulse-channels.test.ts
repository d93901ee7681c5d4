import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { newId } from '../../main/kit/ids';
import { webhookReceiver } from '../../main/quality/pulse/test-receiver';
import { SIGNATURE_HEADER, verifySignature } from '../../main/quality/pulse/webhook-signature';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { rowsContaining } from '../support/rows-containing';
import { spanFixture } from '../support/span-fixture';
import { openTestCore, TEST_DIALECT } from '../support/test-database';
import { filesContaining } from '../support/temp-dir';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A Slack-style URL: the path is the credential. And a signing secret of the user's own.
const URL_SECRET = 'T0PLAINTEXT/B0PLAINTEXT/xoxPLAINTEXTpath42';
const SIGNING_SECRET = 'whsec_PLAINTEXT_signing_secret_0042';

let dataDir: string;
let core: Core;
const logged: string[] = [];
const restore: (() => void)[] = [];

async function call<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  return result as
    | { ok: true; data: ChannelOutput<C> }
    | {
        ok: false;
        error: { code: string; message: string; details?: { issues?: { path: string }[] } };
      };
}

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

beforeAll(async () => {
  // Not tempDir(): that is emptied after each test, and this core lives for the whole file.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pulse-'));
  core = await openTestCore(dataDir, {});
  // Everything the process writes to its logs while webhooks are used.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  for (const level of ['log', 'warn', 'error', 'info'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    };
    restore.push(() => (console[level] = original));
  }
});
afterAll(async () => {
  for (const undo of restore.splice(0)) undo();
  await core.close().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('pulse channels', () => {
  it('keep webhook URLs and secrets out of the database, its files, the views and the logs', async () => {
    // The receiver refuses (400, not retried), so the delivery fails and is logged as failed.
    const rx = await webhookReceiver([400], `/services/${URL_SECRET}`);
    const { webhook, secret } = await ok('pulse.webhooks.create', {
      name: 'Team Slack',
      url: rx.url,
      format: 'slack',
      secret: SIGNING_SECRET,
    });
    expect(secret).toBe(SIGNING_SECRET);
    expect(webhook.urlHint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);

    // A made-up secret is shown once, in the create answer.
    const made = await ok('pulse.webhooks.create', { name: 'made', url: `${rx.url}?x=1` });
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    // Test send: signed with the secret, verified as a receiver would.
    const test = await ok('pulse.webhooks.test', { id: webhook.id });
    expect(test).toMatchObject({ delivered: false, attempts: [{ attempt: 1, status: 400 }] });
    const [sent] = rx.received;
    expect(
      verifySignature(
        SIGNING_SECRET,
        sent!.body,
        String(sent!.headers[SIGNATURE_HEADER]),
        (Date.now() / 1000) | 0,
      ),
    ).toBe(true);

    // A rule that fires on the last hour's failed calls and delivers to the webhook.
    const started = new Date(Date.now() - 20 * 60_000).toISOString();
    await core.services.tracing.ingest(
      [
        spanFixture({
          id: newId(),
          traceId: newId(),
          status: 'error',
          startedAt: started,
          endedAt: started,
        }),
      ],
      'api',
      'test',
    );
    const rule = await ok('pulse.rules.create', {
      name: 'Errors',
      metric: 'error_rate',
      condition: { type: 'above', value: 0.5 },
      minSamples: 1,
      webhookIds: [webhook.id],
    });
    const { evaluations } = await ok('pulse.rules.evaluate', { id: rule.id });
    expect(evaluations[0]).toMatchObject({ met: true, firing: true, error: null });
    await core.services.pulse.settled();
    const { deliveries } = await ok('pulse.alerts.deliveries', {
      alertId: evaluations[0]!.alertId!,
    });
    expect(deliveries[0]).toMatchObject({
      state: 'failed',
      finalError: 'the receiver answered 400',
    });

    const views = JSON.stringify([
      await ok('pulse.webhooks.list', {}),
      await ok('pulse.rules.list', {}),
      await ok('pulse.alerts.list', {}),
      deliveries,
    ]);
    for (const needle of [URL_SECRET, 'PLAINTEXT', SIGNING_SECRET, made.secret]) {
      expect(views).not.toContain(needle);
      expect(logged.join('\n')).not.toContain(needle);
      const scan = await rowsContaining(core.store.db, needle);
      expect(scan.scanned).toBeGreaterThan(0);
      expect(scan.hits).toEqual([]);
    }
    // The bytes of the SQLite file (and its WAL), open and after close.
    await core.close();
    if (TEST_DIALECT === 'sqlite') {
      expect(fs.existsSync(path.join(dataDir, 'assay.db'))).toBe(true);
      for (const needle of [URL_SECRET, SIGNING_SECRET, made.secret])
        expect(filesContaining(dataDir, needle)).toEqual([]);
    }
    core = await openTestCore(dataDir, {});
    // Reopened (the key file is in the data directory), the webhook still delivers.
    const again = await ok('pulse.webhooks.test', { id: webhook.id });
    expect(again.attempts[0]!.status).toBe(400);
    expect(rx.received).toHaveLength(3);
  });

  it('refuse rules that name no scorecard, an unknown webhook, or a prompt that does not resolve', async () => {
    const noCard = await call('pulse.rules.create', {
      name: 'Mean',
      metric: 'scorecard_mean',
      condition: { type: 'below', value: 0.5 },
    });
    expect(noCard).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(noCard)).toContain('scorecardId');
    const unknown = await call('pulse.rules.create', {
      name: 'Mean',
      metric: 'scorecard_mean',
      scorecardId: 'no-such-card',
      condition: { type: 'below', value: 0.5 },
      webhookIds: ['no-such-hook'],
      filter: { prompt: 'nothing@production' },
    });
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.error.details?.issues?.map((i) => i.path)).toEqual([
      'scorecardId',
      'webhookIds.0',
      'filter.prompt',
    ]);
    const update = await call('pulse.rules.update', {
      id: 'missing',
      rule: { name: 'x', metric: 'error_rate', condition: { type: 'above', value: 1 } },
    });
    expect(update).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('clear the firing state when what a rule measures changes, and take a deleted webhook off its rules', async () => {
    const { webhook } = await ok('pulse.webhooks.create', {
      name: 'gone soon',
      url: 'http://127.0.0.1:9/hook',
    });
    const rule = await ok('pulse.rules.create', {
      name: 'Firing',
      metric: 'error_rate',
      condition: { type: 'above', value: 0 },
      minSamples: 1,
      webhookIds: [webhook.id],
      enabled: false,
    });
    await core.store.db
      .updateTable('alert_rule')
      .set({ firing: 1 })
      .where('id', '=', rule.id)
      .execute();
    const body = {
      name: 'Firing (renamed)',
      metric: 'error_rate' as const,
      condition: { type: 'above' as const, value: 0 },
      minSamples: 1,
      webhookIds: [webhook.id],
      enabled: false,
    };
    expect(await ok('pulse.rules.update', { id: rule.id, rule: body })).toMatchObject({
      name: 'Firing (renamed)',
      firing: true,
    });
    const changed = await ok('pulse.rules.update', {
      id: rule.id,
      rule: { ...body, condition: { type: 'above', value: 0.5 } },
    });
    expect(changed.firing).toBe(false);
    expect(await call('pulse.rules.evaluate', { id: rule.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    await ok('pulse.webhooks.delete', { id: webhook.id });
    const after = (await ok('pulse.rules.list', {})).rules.find((r) => r.id === rule.id)!;
    expect(after.webhookIds).toEqual([]);
    await ok('pulse.rules.delete', { id: rule.id });
    expect((await ok('pulse.rules.list', {})).rules.some((r) => r.id === rule.id)).toBe(false);
  });
});
