import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  datasetNameSchema,
  type ChannelInput,
  type ImportFormat,
  type ProviderId,
  type RunScorecardRef,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { decodeUtf8File } from '../../fs/read-utf8-file';
import { looksLikeAssayPy } from '../datasets/format-assay-py';
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
  readonly embeddingModel?: ModelRef;
  /** The judge of llm-judge matchers that name no model of their own, `provider:model`. */
  readonly judgeModel?: ModelRef;
  /** The scorecard every case is graded with (`scorecard: NAME[@VERSION]`), and its line. */
  readonly scorecard?: { readonly ref: RunScorecardRef; readonly line: number | undefined };
  /** The cases: from the suite's own file or another file, or a dataset already stored. */
  readonly dataset: SuiteFileCases | { readonly stored: string };
}

export interface ModelRef {
  readonly provider: ProviderId;
  readonly model: string;
}

export interface SuiteFileCases {
  readonly format: ImportFormat;
  readonly content: string;
  readonly fileName: string;
  /** `content` is the suite file itself, whose run settings (SUITE_KEYS) are not cases. */
  readonly inSuite?: boolean;
  /** `content` already parsed (YAML), so the dataset reader does not parse it again. */
  readonly source?: YamlSource;
}

/** What `datasets.syncSuite` needs to make the suite's dataset hold the suite's cases. */
export function suiteSyncInput(
  suite: Suite,
  options: { readonly skipUnmapped?: boolean } = {},
): ChannelInput<'datasets.syncSuite'> {
  const cases = suite.dataset;
  if ('stored' in cases)
    throw new AssayError(
      'CONFIG_INVALID',
      `${suite.file}: the suite runs the stored dataset "${cases.stored}"; it has no cases of its own to import`,
    );
  return {
    suite: suite.name,
    file: suite.file,
    cases: {
      format: cases.format,
      fileName: cases.fileName,
      content: cases.content,
      ...(cases.inSuite ? { inSuite: true } : {}),
      ...(cases.source ? { parsed: cases.source.value } : {}),
    },
    ...(options.skipUnmapped === undefined ? {} : { skipUnmapped: options.skipUnmapped }),
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `NAME`, `NAME@3` or `NAME@v3` (a scorecard's version is a number); a UUID names it by id.
 * A name may hold `@` itself: only a trailing `@N` is a version.
 */
export function parseScorecardRef(text: string): RunScorecardRef | null {
  const trimmed = text.trim();
  const m = /^(.*)@v?(\d+)$/.exec(trimmed);
  const name = (m ? m[1]! : trimmed).trim();
  const version = m ? Number(m[2]) : undefined;
  if (name === '' || name.length > 120 || version === 0) return null;
  const ref = UUID.test(name) ? { id: name } : { name };
  return version === undefined ? ref : { ...ref, version };
}

/** The keys of a suite that say how to run it; every other key is the cases' (test_cases …). */
export const SUITE_KEYS = [
  'prompt',
  'models',
  'concurrency',
  'repeat',
  'dataset',
  'embedding_model',
  'judge_model',
  'scorecard',
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
  /** A file of cases (relative to the suite), or `{ name: X }`: a dataset already stored. */
  dataset: z
    .union([z.string().min(1), z.object({ name: datasetNameSchema }).strict()], {
      error: 'dataset must be a file name or { name: DATASET }',
    })
    .optional(),
  embedding_model: z.string().optional(),
  judge_model: z.string().optional(),
  scorecard: z.string().optional(),
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
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    fail(file, undefined, `cannot read: ${(err as Error).message}`);
  }
  const text = decodeUtf8File(bytes, file, 'CONFIG_INVALID');
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
  // assay-py files (Assay's Python version) may give the template itself: `prompt: "… {{ticket}}"`.
  const inline =
    typeof s.prompt === 'string' && s.prompt.includes('{{') && looksLikeAssayPy(raw)
      ? { template: s.prompt }
      : undefined;
  const prompt =
    s.prompt === undefined
      ? null
      : (inline ?? (typeof s.prompt === 'string' ? parsePromptRef(s.prompt) : s.prompt));
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
  if (typeof s.dataset === 'object') {
    if (Object.hasOwn(raw, 'test_cases'))
      fail(file, lineOf('test_cases'), 'give test_cases or dataset: { name }, not both');
    dataset = { stored: s.dataset.name };
  } else if (s.dataset !== undefined) {
    const dataFile = path.resolve(path.dirname(file), s.dataset);
    const ext = path.extname(dataFile).slice(1).toLowerCase();
    const format: ImportFormat = ext === 'csv' ? 'csv' : ext === 'jsonl' ? 'jsonl' : 'yaml';
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(dataFile);
    } catch (err) {
      fail(file, lineOf('dataset'), `dataset: cannot read ${dataFile}: ${(err as Error).message}`);
    }
    const content = decodeUtf8File(bytes, dataFile, 'CONFIG_INVALID');
    dataset = { format, content, fileName: dataFile };
  } else {
    // The cases are read from the suite's own parse, without the suite-only keys; lines stay true.
    dataset = { format: 'yaml', content: text, fileName: file, inSuite: true, source };
  }
  const name = typeof raw.name === 'string' ? raw.name : base;
  const modelKey = (key: 'embedding_model' | 'judge_model'): ModelRef | undefined => {
    const value = s[key];
    if (value === undefined) return undefined;
    const target = parseTargetId(value);
    if (!target)
      fail(
        file,
        lineOf(key),
        `${key}: "${value}" is not provider:model (openai, anthropic, bedrock, local)`,
      );
    return { provider: target.provider, model: target.model };
  };
  let scorecard: Suite['scorecard'];
  if (s.scorecard !== undefined) {
    const ref = parseScorecardRef(s.scorecard);
    if (!ref)
      fail(file, lineOf('scorecard'), `scorecard: "${s.scorecard}" is not NAME or NAME@VERSION`);
    scorecard = { ref, line: lineOf('scorecard') };
  }
  return {
    name,
    file,
    prompt,
    targets,
    concurrency: s.concurrency,
    repeat: s.repeat,
    embeddingModel: modelKey('embedding_model'),
    judgeModel: modelKey('judge_model'),
    ...(scorecard ? { scorecard } : {}),
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
