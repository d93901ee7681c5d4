import path from 'node:path';
import { newId } from '../kit/ids';
import { spanVariables } from './span-variables';
import { createBacktests } from './backtest-wiring';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { LlmService, type LlmServiceOptions } from '../llm/llm-service';
import type { ProviderFactories } from '../llm/provider-registry';
import { defaultProviderFactories } from '../llm/providers';
import { callResultView } from '../llm/views';
import { createHandlers } from '../api/handlers';
import { DatasetService } from '../evals/datasets/dataset-service';
import { RunService } from '../evals/runs/run-service';
import { PlaygroundService } from '../playground/playground-service';
import { PromptService } from '../prompts/prompt-service';
import { evalRunSource } from '../quality/leaderboards/eval-run-source';
import { LeaderboardService } from '../quality/leaderboards/leaderboard-service';
import { PulseService } from '../quality/pulse/pulse-service';
import { QualityService } from '../quality/quality-service';
import { ReviewService } from '../quality/review/review-service';
import { QualityInsightsService } from '../quality/dashboard/quality-insights-service';
import { ScoreRollupRunner } from '../quality/dashboard/rollup-runner';
import { ScoringRulesService } from '../quality/online/scoring-rules-service';
import { resolveJudgePrompt } from '../quality/online/registry-judge';
import { SecondJudgeService } from '../quality/second-judge/second-judge-service';
import type { ScoringTuning } from '../quality/online/scoring-job';
import { redactText } from '../tracing/redact';
import { WorkerSpanWriter } from '../tracing/span-writer/worker-span-writer';
import { TracingService } from '../tracing/tracing-service';
import { RepricingService } from '../tracing/repricing/repricing-service';
import { SemanticService, type SemanticDeps } from '../tracing/semantic/semantic-service';
import { RetentionSweep } from '../tracing/retention';
import { toErrorPayload } from '../../shared/errors';
import type { SecretCipher } from '../secrets/secret-cipher';
import { SecretStore } from '../secrets/secret-store';
import type { SettingsBackend } from '../settings/settings-backend';
import { SettingsService } from '../settings/settings-service';
import { openStore } from '../store/open-store';
import type { WorkerConnectionData } from '../store/sqlite/worker-connection';
import type { Store, StoreConfig } from '../store/store';
import { appVersion } from './app-version';
import { EventBus } from '../kit/event-bus';
import type { CoreServices } from '../api/core-services';
import type { IngestStatus } from '../../shared/contract';
import { startEventFanout } from '../redis/event-fanout';
import { redisUnavailable } from '../redis/redis-errors';
import type { TeamOptions } from '../team/team-options';
import { createTeamAuth, type AuthTuning } from '../auth/team-auth';
import { guardDispatcher } from '../auth/guarded-dispatcher';

export interface CoreOptions {
  readonly dataDir: string;
  readonly settingsBackend: SettingsBackend;
  readonly secretCipher: SecretCipher;
  /** better_sqlite3.node built for the running runtime (Electron's ABI in development). */
  readonly nativeBinding?: string;
  /** sqlite-vec loadable path (rewritten to app.asar.unpacked when packaged). */
  readonly vecExtensionPath?: string;
  /** A PostgreSQL URL (team server); unset keeps SQLite in the data directory. */
  readonly databaseUrl?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the real SDK providers (tests of code above the provider layer). */
  readonly providerFactories?: ProviderFactories;
  /** Limits, retry and timeout tuning of the call path. */
  readonly llm?: Pick<LlmServiceOptions, 'limits' | 'callPath'>;
  /** Batch size, concurrency and back-off of the semantic search job (tests shorten them). */
  readonly semantic?: SemanticDeps['tuning'];
  /** Page size, concurrency and back-off of the online scoring runner (tests shorten them). */
  readonly scoring?: Partial<ScoringTuning>;
  /**
   * The desktop shell's local ingest server status (main/server/local-ingest-server.ts); unset
   * under `assay serve` and the CLI, where the serving origin itself takes the calls.
   */
  readonly ingestStatus?: () => IngestStatus;
  /** Team mode (a server or worker beside Redis, on PostgreSQL); unset: local mode. Accounts and roles guard every channel. */
  readonly team?: TeamOptions;
  /** Login limits (tests shorten them, or count attempts in memory). */
  readonly authTuning?: AuthTuning;
}

const SERVED_HERE: IngestStatus = { state: 'server' };

export interface Core {
  readonly dispatcher: Dispatcher;
  /** The open database, for the shells' own storage commands (backup) and tests; services hold it privately. */
  readonly store: Store;
  readonly events: EventBus;
  readonly services: CoreServices;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'assay.db';
export const SECRETS_FILE = 'secrets.json';

/** Opens the store and wires every service; the shells (Electron, HTTP, CLI) wrap this. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const events = new EventBus();
  const store = await openStore(storeConfig(options));
  // Team mode: events cross processes (servers behind the proxy, workers) through Redis.
  const fanout = options.team
    ? await startEventFanout(events, options.team).catch(async (err: unknown) => {
        await store.close();
        throw redisUnavailable(err);
      })
    : null;
  try {
    const secrets = await SecretStore.open(
      path.join(options.dataDir, SECRETS_FILE),
      options.secretCipher,
      options.env ?? process.env,
    );
    const env = options.env ?? process.env;
    const settings = new SettingsService(options.settingsBackend, secrets, events, env);
    // Fail at start, not at first use, when the settings file was hand-edited into nonsense.
    settings.current();
    await ensureInstanceRow(store);
    const llm = new LlmService({
      store,
      settings,
      secrets,
      events,
      env,
      factories: options.providerFactories ?? defaultProviderFactories,
      ...options.llm,
    });
    const prompts = new PromptService(store);
    const playground = new PlaygroundService({
      store,
      llm,
      events,
      resultView: callResultView,
    });
    // Runs need datasets, and datasets read run cases back for "to dataset": bound late. The
    // quality service asks runs and traces whether a score's target exists: bound late too.
    const late: { runs?: RunService; tracing?: TracingService } = {};
    const quality = new QualityService({
      store,
      targetExists: (target) =>
        target.type === 'interaction'
          ? late.tracing!.hasInteraction(target.id)
          : target.type === 'span'
            ? late.tracing!.hasSpan(target.id)
            : late.runs!.hasResult(target.id),
      redact: (text) => redactText(text, secrets.knownValues()),
    });
    const variables = spanVariables({ runs: () => late.runs!, playground });
    const datasets = new DatasetService(store, llm, variables);
    const runs = (late.runs = new RunService(store, {
      llm,
      events,
      prompts,
      datasets,
      // One scorecard scores eval runs and production traffic alike (issue 14).
      scorecards: quality.scorecardScorer({ llm, prompts }),
      // Deleting a run forgets its results' scores in the same transaction (quality's door).
      forgetScores: quality.forgetTargetScores,
    }));
    // SQLite: span writes and online grading run on worker threads, each its own connection.
    const workerConnection: WorkerConnectionData | undefined = store.writeGate
      ? {
          writeGate: store.writeGate,
          file: store.info.location,
          nativeBinding: options.nativeBinding ?? null,
          vecExtensionPath: options.vecExtensionPath ?? null,
          instanceId: await instanceId(store),
        }
      : undefined;
    const tracing = (late.tracing = new TracingService({
      store,
      events,
      resolvePrompt: async (ref) => (await prompts.resolveRef(ref)).versionId,
      secretValues: () => secrets.knownValues(),
      // Retention forgets the scores of what it purges, batch by batch (quality's door).
      forgetScores: quality.forgetTargetScores,
      spanWriter: workerConnection ? new WorkerSpanWriter(store, workerConnection) : undefined,
    }));
    // The shipped graders, once per database (a no-op after the first open). The span writer's
    // worker is running by now: a failure stops it, or it would hold the process open.
    await quality.seedBuiltIns().catch(async (err: unknown) => {
      await tracing.close();
      throw err;
    });
    const review = new ReviewService({
      store,
      scores: quality,
      interactions: {
        list: (filter, offset, limit) => tracing.listInteractions({ filter, offset, limit }),
        exists: (id) => tracing.hasInteraction(id),
        get: async (id) => ((await tracing.hasInteraction(id)) ? tracing.interaction(id) : null),
      },
    });
    // Embeds traces and interactions in the background once an embedding model is set.
    const semantic = new SemanticService({
      store,
      llm,
      settings,
      events,
      tuning: options.semantic,
    });
    // Scores production interactions with the online scoring rules as they arrive. Like pulse,
    // only the long-lived shells start it: a one-off CLI command must not spend on judges.
    const scoringRules = new ScoringRulesService({
      store,
      events,
      quality,
      tracing,
      prompts,
      llm,
      tuning: options.scoring,
      gradingWorker: workerConnection,
    });
    // Second judges: a judge copied onto another model grades its recent targets on request.
    const secondJudge = new SecondJudgeService({
      store,
      quality,
      tracing,
      judge: { llm, resolvePrompt: (ref) => resolveJudgePrompt(prompts, ref) },
      listModels: async (provider) => (await llm.listModels([provider]))[0]!,
    });
    // Traces older than the retention setting go in the background (hourly; off at 0 days).
    const retention = new RetentionSweep(
      (cutoff) => tracing.purgeBefore(cutoff),
      () => settings.current().preferences.traceRetentionDays,
      (err) =>
        process.stderr.write(
          `assay: trace retention sweep failed: ${toErrorPayload(err).message}\n`,
        ),
    );
    retention.start();
    // Alert rules over traffic and scores. The long-lived shells (the app, `assay serve`)
    // start its minute timer; a one-off CLI command must not fire or deliver alerts.
    const pulse = new PulseService({
      store,
      events,
      cipher: options.secretCipher,
      scorecards: quality,
      traffic: tracing.insights,
      resolvePrompt: async (ref) => (await prompts.resolveRef(ref)).versionId,
      onError: (err) =>
        process.stderr.write(`assay: pulse alerts: ${toErrorPayload(err).message}\n`),
    });
    // Sums ended days of the scorecards' graders ahead of any dashboard read (hourly). Like
    // pulse, only the long-lived shells start it: a one-off CLI command must not sum a year.
    const scoreRollup = new ScoreRollupRunner(store, (err) =>
      process.stderr.write(`assay: score rollup failed: ${toErrorPayload(err).message}\n`),
    );
    // Backtests replay frozen traffic on candidates, graded with the same scorecards as runs.
    const backtests = createBacktests({
      store,
      events,
      llm,
      prompts,
      datasets,
      tracing,
      quality,
      scorer: quality.scorecardScorer({ llm, prompts }),
      variables,
      raiseAlert: (alert) =>
        pulse.raiseAlert({
          ruleName: alert.ruleName,
          metric: 'backtest_mean_delta',
          condition: { type: 'below', value: alert.threshold },
          value: alert.value,
          previousValue: null,
          window: alert.window,
          summary: alert.summary,
          interactionIds: alert.interactionIds,
          traceIds: [],
        }),
      onError: (err) => process.stderr.write(`assay: backtests: ${toErrorPayload(err).message}\n`),
    });
    // Leaderboards rank what evals and backtests measured, through their services' sources.
    const leaderboards = new LeaderboardService({
      sources: [
        evalRunSource(runs),
        // Each replayed side of a completed backtest, ranked on its set.
        backtests.boards.board,
      ],
      // Each candidate prompt version's score change on a backtest set, for its author.
      contributions: backtests.boards.contributions,
    });
    // Team mode: accounts, sessions, tokens and the audit log (main/auth).
    const auth = options.team ? createTeamAuth(store, options.team, options.authTuning) : undefined;
    const services: CoreServices = {
      version: appVersion(),
      dataDir: options.dataDir,
      storeInfo: store.info,
      secrets,
      settings,
      events,
      llm,
      prompts,
      playground,
      datasets,
      runs,
      tracing,
      costs: new RepricingService({
        store,
        priceOf: (provider, model) => llm.priceOf(provider, model),
      }),
      spanVariables: variables,
      semantic,
      quality,
      pulse,
      review,
      qualityInsights: new QualityInsightsService(store),
      scoringRules,
      scoreRollup,
      secondJudge,
      backtests,
      leaderboards,
      ingestStatus: options.ingestStatus ?? (() => SERVED_HERE),
      auth,
    };
    semantic.start();
    return {
      // Team mode checks every call's role, whatever the transport, before the handlers see it.
      dispatcher: auth
        ? guardDispatcher(createDispatcher(createHandlers(services)), auth)
        : createDispatcher(createHandlers(services)),
      store,
      events,
      services,
      close: async () => {
        // The background jobs write to the store: they stop (their requests abort) first.
        await backtests.close();
        await scoringRules.close();
        await secondJudge.close();
        await semantic.close();
        await retention.stop();
        await scoreRollup.stop();
        // Before the store closes: a tick or a delivery in progress writes to it.
        await pulse.close();
        await tracing.close();
        await fanout?.close();
        await auth?.close();
        await store.close();
      },
    };
  } catch (err) {
    await fanout?.close();
    await store.close();
    throw err;
  }
}

function storeConfig(options: CoreOptions): StoreConfig {
  if (options.databaseUrl) return { kind: 'postgres', url: options.databaseUrl };
  return {
    kind: 'sqlite',
    file: path.join(options.dataDir, DATABASE_FILE),
    nativeBinding: options.nativeBinding,
    vecExtensionPath: options.vecExtensionPath,
    backgroundCheckpoint: true,
  };
}

async function instanceId(store: Store): Promise<string> {
  const row = await store.db.selectFrom('instance').select('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The instance id names this database (later: the sync replica id). */
async function ensureInstanceRow(store: Store): Promise<void> {
  const existing = await store.db.selectFrom('instance').select('id').executeTakeFirst();
  if (existing) return;
  await store.db
    .insertInto('instance')
    .values({ id: newId(), created_at: new Date().toISOString() })
    .execute()
    .catch(async (err: unknown) => {
      // Two processes opening one new Postgres database at once: the other one's row stands.
      if (!(await store.db.selectFrom('instance').select('id').executeTakeFirst())) throw err;
    });
}
