import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { channels, type ChannelInput, type ParsedInput } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { ScoreTarget } from '../../../shared/contract/quality';
import { EventBus } from '../../kit/event-bus';
import { newId } from '../../kit/ids';
import { createKeyfileCipher } from '../../secrets/keyfile-cipher';
import type { SecretCipher } from '../../secrets/secret-cipher';
import type { Store } from '../../store/store';
import { TracingService } from '../../tracing/tracing-service';
import { QualityService } from '../quality-service';
import { ScoreRepository } from '../score-repository';
import type { DeliveryDeps, DeliveryPolicy } from './webhook-delivery';
import { PulseService } from './pulse-service';
import { forgetTargetScores } from '../forget-target-scores';

/** Quick retries, so a failing receiver's whole delivery takes milliseconds. */
export const FAST_POLICY: DeliveryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 5,
  maxDelayMs: 20,
  timeoutMs: 2_000,
};

/** Input as a transport delivers it: parsed by the channel's schema, defaults applied. */
export function parse<C extends keyof typeof channels>(
  channel: C,
  input: ChannelInput<C>,
): ParsedInput<C> {
  return channels[channel].input.parse(input) as ParsedInput<C>;
}

/**
 * The services pulse reads through, on one store, with a clock the test moves. `restart()`
 * makes a new PulseService on the same store, as a new process would.
 */
export class PulseHarness {
  readonly events = new EventBus();
  readonly published: { topic: string; payload: unknown }[] = [];
  readonly errors: unknown[] = [];
  readonly quality: QualityService;
  readonly tracing: TracingService;
  readonly cipher: SecretCipher;
  readonly keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pulse-key-'));
  nowMs: number;
  pulse: PulseService;

  constructor(
    readonly store: Store,
    start: string,
    private readonly delivery: Omit<DeliveryDeps, 'signal'> = { policy: FAST_POLICY },
    /** Another process on the same data directory shares its key file. */
    cipher?: SecretCipher,
  ) {
    this.nowMs = Date.parse(start);
    this.events.subscribe((topic, payload) => this.published.push({ topic, payload }));
    this.quality = new QualityService({ store, targetExists: async () => true, redact: (t) => t });
    this.tracing = new TracingService({
      store,
      events: this.events,
      resolvePrompt: async (ref) => {
        if (ref === 'support@production') return 'pv-support-7';
        throw new AssayError('NOT_FOUND', `No prompt version "${ref}"`);
      },
      secretValues: () => [],
      forgetScores: forgetTargetScores,
    });
    this.cipher = cipher ?? createKeyfileCipher(path.join(this.keyDir, 'secret.key'));
    this.pulse = this.makePulse();
  }

  private makePulse(): PulseService {
    return new PulseService({
      store: this.store,
      events: this.events,
      cipher: this.cipher,
      scorecards: this.quality,
      traffic: this.tracing.insights,
      resolvePrompt: async (ref) => {
        if (ref === 'support@production') return 'pv-support-7';
        throw new AssayError('NOT_FOUND', `No prompt version "${ref}"`);
      },
      now: () => this.nowMs,
      delivery: this.delivery,
      onError: (err) => this.errors.push(err),
    });
  }

  async restart(): Promise<void> {
    await this.pulse.close();
    this.pulse = this.makePulse();
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  alertsPublished() {
    return this.published.filter((p) => p.topic === 'pulse.alert');
  }

  async close(): Promise<void> {
    await this.pulse.close();
    await this.tracing.close();
    fs.rmSync(this.keyDir, { recursive: true, force: true });
  }

  /** A 0..10 grader and a one-item scorecard passing at 0.6. */
  async scorecard(name: string) {
    const grader = await this.quality.createGrader(
      parse('graders.create', {
        name,
        definition: { kind: 'human', instructions: 'Zero to ten.' },
        scoreConfig: { type: 'numeric', min: 0, max: 10 },
      }),
    );
    const card = await this.quality.createScorecard(
      parse('scorecards.create', {
        name: `${name} card`,
        body: { items: [{ graderId: grader.id }], passThreshold: 0.6 },
      }),
    );
    return { grader, card };
  }

  async score(
    grader: { id: string; latest: { id: string } },
    target: ScoreTarget,
    value: number,
    at: string,
  ): Promise<void> {
    await this.store.writes.run(async (tx) => {
      await new ScoreRepository(tx).insert({
        id: newId(),
        target,
        graderId: grader.id,
        graderVersionId: grader.latest.id,
        name: 'quality',
        value,
        level: null,
        reason: null,
        source: 'grader',
        costPicoUsd: null,
        author: null,
        idempotencyKey: null,
        createdAt: at,
      });
    });
  }
}
