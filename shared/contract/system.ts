import { z } from 'zod';
import { channel } from './define';

/** Channels that take no input accept `{}` or nothing at all (an empty HTTP body). */
export const noInput = z.object({}).strict().optional().default({});

export const systemInfoSchema = z.object({
  app: z.literal('assay'),
  version: z.string(),
  transport: z.enum(['ipc', 'http']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    /** The SQLite file, or the Postgres URL with any password replaced. */
    location: z.string(),
    serverVersion: z.string(),
    /** sqlite-vec, or pgvector when the extension is installed; null when there is none. */
    vectorVersion: z.string().nullable(),
  }),
  secretStore: z.enum(['safeStorage', 'keyfile']),
  platform: z.string(),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const exampleWorkspaceSchema = z.object({
  /** Each prompt of the example, and whether this load created it or found it there already. */
  prompts: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['created', 'updated', 'unchanged', 'conflict']),
    }),
  ),
  /** The example suite's dataset; `changed` is false when it already held these cases. */
  dataset: z.object({ name: z.string(), cases: z.number().int(), changed: z.boolean() }),
  /** What a first run of the example uses: the composed prompt at its label, and the suite's models. */
  run: z.object({
    prompt: z.object({ name: z.string(), label: z.string() }),
    dataset: z.string(),
    models: z.array(z.object({ provider: z.string(), model: z.string() })),
  }),
});
export type ExampleWorkspace = z.infer<typeof exampleWorkspaceSchema>;

export const LOCAL_SERVER_KINDS = ['configured', 'ollama', 'lmstudio', 'llamacpp', 'vllm'] as const;

export const localServerSchema = z.object({
  /** Which server usually listens there (`configured`: the local server set in Settings). */
  kind: z.enum(LOCAL_SERVER_KINDS),
  /** The OpenAI-compatible base URL, ready for Settings → Local (`http://127.0.0.1:11434/v1`). */
  baseUrl: z.string(),
  /** Model ids its `GET /v1/models` listed (at most 50). */
  models: z.array(z.string()),
});
export type LocalServer = z.infer<typeof localServerSchema>;

export const systemChannels = {
  'system.info': channel({
    summary: 'Version, data directory and storage details of the running core.',
    input: noInput,
    output: systemInfoSchema,
  }),
  'system.loadExample': channel({
    summary:
      'Imports the example workspace (a composed prompt, a dataset with matchers, a suite) through the prompt and suite imports; idempotent: a second load changes nothing.',
    input: noInput,
    output: exampleWorkspaceSchema,
  }),
  'system.detectLocalServers': channel({
    summary:
      'Probes 127.0.0.1 for local OpenAI-compatible servers on their default ports (Ollama 11434, LM Studio 1234, llama.cpp 8080, vLLM 8000) and the configured local base URL, with GET /v1/models and a short timeout.',
    input: noInput,
    output: z.object({ servers: z.array(localServerSchema) }),
  }),
};
