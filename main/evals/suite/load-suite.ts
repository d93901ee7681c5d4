import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ImportFormat, ProviderId } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { readYaml, type YamlSource } from '../datasets/yaml-source';
import { parseTargetId } from '../../../shared/target-id';

export interface SuiteTarget {
  readonly provider: ProviderId;
  readonly model: string;
  readonly temperature?: number;
  readonly maxTokens?: number;
}

export type SuitePrompt =
  | { readonly name: string; readonly version?: string; readonly label?: string }
  | { readonly template: string; readonly system?: string };

/** A suite file, read: what to run and the cases to run it on (imported as a dataset). */
export interface Suite {
  readonly name: string;
  readonly file: string;
  readonly prompt: SuitePrompt | null;
  readonly targets: readonly SuiteTarget[];
  readonly concurrency?: number;
  readonly repeat?: number;
  /** The model similarity matchers embed with, `provider:model`. */
  readonly embeddingModel?: { readonly provider: ProviderId; readonly model: string };
  readonly dataset: {
    readonly format: ImportFormat;
    readonly content: string;
    readonly fileName: string;
    /** `content` already parsed (YAML), so the dataset reader does not parse it again. */
    readonly source?: YamlSource;
  };
}

/** `name`, `name@production`, `name@v1.2`. */
export function parsePromptRef(ref: string): SuitePrompt | null {
  const m = /^([a-z0-9][a-z0-9._/-]*)(?:@(v\d+\.\d+|[a-z][a-z0-9_-]*))?$/.exec(ref.trim());
  if (!m) return null;
  const [, name, at] = m;
  if (!at) return { name: name! };
  return /^v\d+\.\d+$/.test(at) ? { name: name!, version: at } : { name: name!, label: at };
}

const SUITE_KEYS = [
  'prompt',
  'models',
  'concurrency',
  'repeat',
  'dataset',
  'embedding_model',
] as const;

const targetSchema = z.union([
  z.string(),
  z
    .object({
      provider: z.string(),
      model: z.string(),
      temperature: z.number().optional(),
      max_tokens: z.number().int().optional(),
    })
    .strict(),
]);
const suiteSchema = z.object({
  prompt: z
    .union([
      z.string(),
      z.object({ template: z.string().min(1), system: z.string().optional() }).strict(),
    ])
    .optional(),
  models: z.array(targetSchema).min(1).optional(),
  concurrency: z.number().int().min(1).max(256).optional(),
  repeat: z.number().int().min(1).max(20).optional(),
  dataset: z.string().min(1).optional(),
  embedding_model: z.string().optional(),
});

function fail(file: string, line: number | undefined, message: string): never {
  throw new AssayError(
    'CONFIG_INVALID',
    `${file}${line === undefined ? '' : `:${line}`}: ${message}`,
  );
}

/**
 * Reads an Assay suite (prompt, models, settings, and `test_cases` inline or a `dataset:` file)
 * or a promptfoo config (`prompts`, `providers`, `tests`). Errors name the file and line.
 */
export function loadSuite(file: string): Suite {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    fail(file, undefined, `cannot read: ${(err as Error).message}`);
  }
  const read = readYaml(text);
  if (!read.ok) fail(file, read.problems[0]!.line, read.problems[0]!.message);
  const { source } = read;
  const root = source.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    fail(file, 1, 'a suite is a YAML mapping (prompt, models, test_cases …)');
  const raw = root as Record<string, unknown>;
  const lineOf = (key: string): number | undefined =>
    Object.hasOwn(raw, key) ? source.lineOf([key]) : undefined;
  const base = path.basename(file).replace(/\.(ya?ml)$/i, '');
  const isPromptfoo =
    ['tests', 'providers'].some((k) => Object.hasOwn(raw, k)) && !Object.hasOwn(raw, 'test_cases');
  if (isPromptfoo) return promptfooSuite(file, raw, text, source, lineOf, base);

  const parsed = suiteSchema.safeParse(
    Object.fromEntries(SUITE_KEYS.filter((k) => k in raw).map((k) => [k, raw[k]])),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(file, lineOf(String(issue.path[0])), `${issue.path.join('.')}: ${issue.message}`);
  }
  const s = parsed.data;
  const prompt =
    s.prompt === undefined
      ? null
      : typeof s.prompt === 'string'
        ? parsePromptRef(s.prompt)
        : s.prompt;
  if (s.prompt !== undefined && prompt === null)
    fail(
      file,
      lineOf('prompt'),
      `prompt: "${String(s.prompt)}" is not NAME, NAME@LABEL or NAME@vX.Y`,
    );
  const targets = (s.models ?? []).map((m, i) => {
    const t = typeof m === 'string' ? parseTargetId(m) : parseTargetId(`${m.provider}:${m.model}`);
    if (!t)
      fail(
        file,
        lineOf('models'),
        `models[${i}]: "${typeof m === 'string' ? m : m.provider}" is not provider:model (openai, anthropic, bedrock, local)`,
      );
    return typeof m === 'string'
      ? t
      : { ...t, temperature: m.temperature, maxTokens: m.max_tokens };
  });

  let dataset: Suite['dataset'];
  if (s.dataset !== undefined) {
    const dataFile = path.resolve(path.dirname(file), s.dataset);
    const ext = path.extname(dataFile).slice(1).toLowerCase();
    const format: ImportFormat = ext === 'csv' ? 'csv' : ext === 'jsonl' ? 'jsonl' : 'yaml';
    let content: string;
    try {
      content = fs.readFileSync(dataFile, 'utf8');
    } catch (err) {
      fail(file, lineOf('dataset'), `dataset: cannot read ${dataFile}: ${(err as Error).message}`);
    }
    dataset = { format, content, fileName: dataFile };
  } else {
    // The cases are read from the suite's own parse, without the suite-only keys; lines stay true.
    const cases = Object.fromEntries(
      Object.entries(raw).filter(([k]) => !(SUITE_KEYS as readonly string[]).includes(k)),
    );
    dataset = {
      format: 'yaml',
      content: text,
      fileName: file,
      source: { value: cases, lineOf: source.lineOf },
    };
  }
  const name = typeof raw.name === 'string' ? raw.name : base;
  const embeddingModel =
    s.embedding_model === undefined ? undefined : parseTargetId(s.embedding_model);
  if (embeddingModel === null)
    fail(
      file,
      lineOf('embedding_model'),
      `embedding_model: "${s.embedding_model}" is not provider:model`,
    );
  return {
    name,
    file,
    prompt,
    targets,
    concurrency: s.concurrency,
    repeat: s.repeat,
    embeddingModel,
    dataset,
  };
}

function promptfooSuite(
  file: string,
  raw: Record<string, unknown>,
  text: string,
  source: YamlSource,
  lineOf: (key: string) => number | undefined,
  base: string,
): Suite {
  const prompts = Array.isArray(raw.prompts) ? raw.prompts : [];
  const first = prompts[0];
  const template =
    typeof first === 'string' ? first : (first as { raw?: unknown } | undefined)?.raw;
  const providers = Array.isArray(raw.providers) ? raw.providers : [];
  const targets = providers.map((p, i) => {
    const id = typeof p === 'string' ? p : (p as { id?: unknown }).id;
    const t = typeof id === 'string' ? parseTargetId(id) : null;
    if (!t)
      fail(
        file,
        lineOf('providers'),
        `providers[${i}]: "${String(id)}" has no Assay provider (openai, anthropic, bedrock, ollama)`,
      );
    const config =
      (typeof p === 'object' && p !== null
        ? (p as { config?: { temperature?: unknown } }).config
        : undefined) ?? {};
    return typeof config.temperature === 'number' ? { ...t, temperature: config.temperature } : t;
  });
  const options = (raw.evaluateOptions ?? {}) as { maxConcurrency?: unknown; repeat?: unknown };
  const folder = path.basename(path.dirname(path.resolve(file)));
  return {
    name: typeof raw.description === 'string' && base === 'promptfooconfig' ? folder : base,
    file,
    prompt: typeof template === 'string' ? { template } : null,
    targets,
    concurrency: typeof options.maxConcurrency === 'number' ? options.maxConcurrency : undefined,
    repeat: typeof options.repeat === 'number' ? options.repeat : undefined,
    dataset: { format: 'promptfoo', content: text, fileName: file, source },
  };
}
