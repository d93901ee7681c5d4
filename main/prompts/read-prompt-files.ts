import { isNode, type Document, type LineCounter } from 'yaml';
import { AssayError } from '../../shared/errors';
import { TOO_DEEP, valueTooDeep } from '../kit/nesting-depth';
import { parseYamlDocument } from '../kit/yaml-document';
import { hashContent } from './content-hash';
import { promptFileSchema, type PromptFile } from './prompt-file';
import { compareVersions, parseVersion } from './version-name';

export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

type YamlPath = readonly (string | number)[];

export interface LoadedPromptFile {
  /** Relative to the imported folder, as messages show it. */
  readonly file: string;
  readonly data: PromptFile;
  /** 1-based line of the node at `path`, or of the nearest ancestor that exists. */
  readonly lineOf: (path: YamlPath) => number;
}

export type ParsedPromptFile =
  | { readonly ok: true; readonly loaded: LoadedPromptFile }
  | { readonly ok: false; readonly problems: FileProblem[] };

function lineFinder(doc: Document, lines: LineCounter): (path: YamlPath) => number {
  return (target) => {
    for (let n = target.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(target.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
}

/** Version-level rules zod cannot see: unique numbers, known parents and labels, true hashes. */
function consistencyProblems(data: PromptFile, lineOf: (path: YamlPath) => number) {
  const problems: { line: number; message: string }[] = [];
  const seen = new Map<string, number>();
  data.versions.forEach((v, i) => {
    if (seen.has(v.version))
      problems.push({
        line: lineOf(['versions', i, 'version']),
        message: `${v.version} appears twice`,
      });
    seen.set(v.version, i);
  });
  data.versions.forEach((v, i) => {
    if (
      v.parent &&
      !(seen.has(v.parent) && compareVersions(parseVersion(v.parent), parseVersion(v.version)) < 0)
    )
      problems.push({
        line: lineOf(['versions', i, 'parent']),
        message: `${v.version}: parent ${v.parent} is not an older version in this file`,
      });
    if (v.content_hash && v.content_hash !== hashContent(v.content))
      problems.push({
        line: lineOf(['versions', i, 'content_hash']),
        message: `${v.version}: content_hash does not match the content (edited by hand? remove the hash)`,
      });
  });
  for (const [label, version] of Object.entries(data.labels ?? {})) {
    if (!seen.has(version))
      problems.push({
        line: lineOf(['labels', label]),
        message: `label ${label} points at ${version}, which is not in this file`,
      });
  }
  return problems;
}

/** Parses and validates one file's text; never throws for bad input. */
export function parsePromptFile(file: string, text: string): ParsedPromptFile {
  const fail = (items: { line: number; message: string }[]): ParsedPromptFile => ({
    ok: false,
    problems: items.map((p) => ({ file, ...p })),
  });
  const read = parseYamlDocument(text, { uniqueKeys: true });
  if (!read.ok) return fail([{ line: read.line, message: `the YAML ${TOO_DEEP}` }]);
  const { doc, lines } = read;
  if (doc.errors.length > 0)
    return fail(
      doc.errors.map((e) => ({ line: lines.linePos(e.pos[0]).line, message: e.message })),
    );
  const lineOf = lineFinder(doc, lines);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
    // Aliases can nest a value deeper than its text, or in a cycle.
    const deep = valueTooDeep(raw);
    if (deep) return fail([{ line: lineOf(deep), message: `the YAML ${TOO_DEEP}` }]);
  } catch (err) {
    return fail([{ line: 1, message: err instanceof Error ? err.message : String(err) }]);
  }
  const parsed = promptFileSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const where = at.length > 0 ? `"${at.join('.')}": ` : '';
        // An unknown key is best shown on its own line, not on its parent's.
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        return { line: lineOf(key ? [...at, key] : at), message: `${where}${issue.message}` };
      }),
    );
  }
  const problems = consistencyProblems(parsed.data, lineOf);
  if (problems.length > 0) return fail(problems);
  return { ok: true, loaded: { file, data: parsed.data, lineOf } };
}

/** One coded error for every problem found, naming the first file and line in its message. */
export function invalidFilesError(problems: readonly FileProblem[]): AssayError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AssayError(
    'VALIDATION_FAILED',
    `prompts import: ${first.file}:${first.line}: ${first.message}${more}`,
    { problems },
  );
}

/** A prompt file as the caller read it: its text, or why it could not be read as text. */
export type PromptFileText =
  | { readonly path: string; readonly content: string }
  | { readonly path: string; readonly unreadable: FileProblem };

/**
 * Parses every file, in path order. Any invalid file (or one the caller could not read), or two
 * files claiming one name, fails the whole read with every problem listed, before anything is
 * imported.
 */
export function loadPromptFiles(files: readonly PromptFileText[]): LoadedPromptFile[] {
  const problems: FileProblem[] = [];
  const loaded: LoadedPromptFile[] = [];
  const owners = new Map<string, string>();
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of ordered) {
    if ('unreadable' in entry) {
      problems.push(entry.unreadable);
      continue;
    }
    const file = entry.path;
    const result = parsePromptFile(file, entry.content);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { name } = result.loaded.data;
    const other = owners.get(name);
    if (other !== undefined) {
      problems.push({
        file,
        line: result.loaded.lineOf(['name']),
        message: `prompt "${name}" is also defined in ${other}`,
      });
      continue;
    }
    owners.set(name, file);
    loaded.push(result.loaded);
  }
  if (problems.length > 0) throw invalidFilesError(problems);
  return loaded;
}
