import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { newId } from './ids';
import { spanVariables } from './span-variables';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { LlmService, type LlmServiceOptions } from '../llm/llm-service';
import type { ProviderFactories } from '../llm/provider-registry';
import { defaultProviderFactories } from '../llm/providers';
import { createHandlers } from '../api/handlers';
import { callResultView } from '../api/handlers/llm';
import { DatasetService } from '../evals/datasets/dataset-service';
import { RunService } from '../evals/runs/run-service';
import { PlaygroundService } from '../playground/playground-service';
import { PromptService } from '../prompts/prompt-service';
import type { SecretCipher } from '../secrets/secret-cipher';
import { SecretStore } from '../secrets/secret-store';
import type { SettingsBackend } from '../settings/settings-backend';
import { SettingsService } from '../settings/settings-service';
import { openDatabase } from '../store/database';
import { appVersion } from './app-version';
import { EventBus } from './event-bus';
import type { CoreServices } from './services';

export interface CoreOptions {
  readonly dataDir: string;
  readonly settingsBackend: SettingsBackend;
  readonly secretCipher: SecretCipher;
  /** better_sqlite3.node built for the running runtime (Electron's ABI in development). */
  readonly nativeBinding?: string;
  /** sqlite-vec loadable path (rewritten to app.asar.unpacked when packaged). */
  readonly vecExtensionPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the real SDK providers (tests of code above the provider layer). */
  readonly providerFactories?: ProviderFactories;
  /** Limits, retry and timeout tuning of the call path. */
  readonly llm?: Pick<LlmServiceOptions, 'limits' | 'callPath'>;
}

export interface Core {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly services: CoreServices;
  close(): void;
}

export const DATABASE_FILE = 'assay.db';
export const SECRETS_FILE = 'secrets.json';

/** Opens the store and wires every service; the shells (Electron, HTTP, CLI) wrap this. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const events = new EventBus();
  const store = openDatabase({
    file: path.join(options.dataDir, DATABASE_FILE),
    nativeBinding: options.nativeBinding,
    vecExtensionPath: options.vecExtensionPath,
  });
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
    ensureInstanceRow(store.db);
    const llm = new LlmService({
      db: store.db,
      settings,
      secrets,
      events,
      env,
      factories: options.providerFactories ?? defaultProviderFactories,
      ...options.llm,
    });
    const prompts = new PromptService(store.db);
    const playground = new PlaygroundService({
      db: store.db,
      llm,
      events,
      resultView: callResultView,
    });
    // Runs need datasets, and datasets read run cases back for "to dataset": bound late.
    const late: { runs?: RunService } = {};
    const datasets = new DatasetService(
      store.db,
      llm.spans,
      spanVariables({ runs: () => late.runs!, playground }),
    );
    const runs = (late.runs = new RunService(store.db, { llm, events, prompts, datasets }));
    const services: CoreServices = {
      version: appVersion(),
      dataDir: options.dataDir,
      store,
      secrets,
      settings,
      events,
      llm,
      prompts,
      playground,
      datasets,
      runs,
    };
    return {
      dispatcher: createDispatcher(createHandlers(services)),
      events,
      services,
      close: () => store.db.close(),
    };
  } catch (err) {
    store.db.close();
    throw err;
  }
}

/** The instance id names this data directory (later: the sync replica id). */
function ensureInstanceRow(db: Database): void {
  db.prepare(
    `INSERT INTO instance (id, created_at)
     SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM instance)`,
  ).run(newId(), new Date().toISOString());
}
