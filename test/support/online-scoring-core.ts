import path from 'node:path';
import { createCore, type Core } from '../../main/app/create-core';
import type { ScoringTuning } from '../../main/quality/online/scoring-job';
import { createKeyfileCipher } from '../../main/secrets/keyfile-cipher';
import { createConfBackend } from '../../main/settings/conf-backend';
import type { ScoringRuleView } from '../../shared/contract';
import { coreCall } from './core-call';
import { testDatabaseEnv } from './test-database';

/** Short back-off and rescans, and few judges at once: a test sees budgets and retries act. */
export const FAST_SCORING: Partial<ScoringTuning> = {
  pageSize: 50,
  concurrency: 2,
  backoffFirstMs: 50,
  backoffMaxMs: 200,
  rescanMs: 100,
  lingerMs: 10,
};

/** A core as the headless shells open it, OpenAI pointed at a fake, the runner's tuning short. */
export async function openScoringCore(dataDir: string, openAiBaseUrl: string): Promise<Core> {
  const db = await testDatabaseEnv(dataDir);
  const core = await createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    env: { OPENAI_BASE_URL: openAiBaseUrl, OPENAI_API_KEY: 'sk-online-scoring-0000', ...db },
    databaseUrl: db.ASSAY_DATABASE_URL,
    scoring: FAST_SCORING,
  });
  // As `assay serve` and the app do: the runner is the long-lived shells' to start.
  core.services.scoringRules.start();
  return core;
}

export const ruleStatus = async (core: Core, id: string): Promise<ScoringRuleView> =>
  coreCall(core, 'scoringRules.get', { id });

/** Polls a rule until `done` holds (the runner works in the background). */
export async function ruleUntil(
  core: Core,
  id: string,
  done: (rule: ScoringRuleView) => boolean,
  ms = 30_000,
): Promise<ScoringRuleView> {
  const end = Date.now() + ms;
  for (;;) {
    const rule = await ruleStatus(core, id);
    if (done(rule)) return rule;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(rule.status)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every interaction walked: scored or skipped. */
export const walked = (n: number) => (rule: ScoringRuleView) =>
  rule.status.scored + rule.status.skipped >= n;
