import type { ParsedInput } from '../../../shared/contract';
import { SUITE_KEYS } from '../suite/load-suite';
import { readDatasetFile } from './import-dataset';
import { checkImportSize } from './limits';
import { invalidCasesError } from './problems';
import { parsedSource, readYaml, type YamlSource } from './yaml-source';

export type SuiteCasesInput = ParsedInput<'datasets.syncSuite'>['cases'];

const WHERE = 'datasets.import';

/** The cases' text as YAML, parsed once: by the caller when it sent its parse, else here. */
function yamlOf(cases: SuiteCasesInput): YamlSource {
  if (cases.parsed !== undefined) return parsedSource(cases.parsed, cases.content);
  const read = readYaml(cases.content);
  if (!read.ok) throw invalidCasesError(WHERE, read.problems, cases.fileName);
  return read.source;
}

/** A suite file's own cases: the document without its run settings; lines stay the file's. */
function suiteSource(cases: SuiteCasesInput): YamlSource {
  const whole = yamlOf(cases);
  const root = whole.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return whole;
  const value = Object.fromEntries(
    Object.entries(root).filter(([k]) => !(SUITE_KEYS as readonly string[]).includes(k)),
  );
  return { value, lineOf: whole.lineOf };
}

/**
 * Parses and checks a suite's cases without touching the database (see readDatasetFile). The
 * core reads them to sync the suite's dataset; the CLI reads them again only to name the file
 * line of a case a pre-flight check refused.
 */
export function readSuiteCases(
  cases: SuiteCasesInput,
  options: { readonly skipUnmapped?: boolean } = {},
): ReturnType<typeof readDatasetFile> {
  // Before any parse: a file over the limit is refused unread, as datasets.import refuses it.
  checkImportSize(WHERE, cases.content);
  const isYaml = cases.format !== 'csv' && cases.format !== 'jsonl';
  const source = cases.inSuite
    ? suiteSource(cases)
    : isYaml && cases.parsed !== undefined
      ? yamlOf(cases)
      : undefined;
  return readDatasetFile(cases.format, cases.content, cases.fileName, source, options);
}
