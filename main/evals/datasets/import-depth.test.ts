import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { MAX_NESTING_DEPTH } from '../../kit/nesting-depth';
import { readDatasetFile } from './import-dataset';

const brackets = (n: number) => `${'['.repeat(n)}"x"${']'.repeat(n)}`;

/** One valid case, then one whose expected output (or a variable) nests `n` brackets deep. */
const FILES: Record<string, { format: ImportFormat; text: (n: number) => string; line: number }> = {
  yaml: {
    format: 'yaml',
    text: (n) => `test_cases:\n  - input: ok\n  - input: deep\n    expected: ${brackets(n)}\n`,
    line: 4,
  },
  jsonl: {
    format: 'jsonl',
    text: (n) => `{"input": "ok"}\n{"input": "deep", "expected": ${brackets(n)}}\n`,
    line: 2,
  },
  'csv (expected_json)': {
    format: 'csv',
    text: (n) => `input,expected_json\nok,\ndeep,"${brackets(n).replaceAll('"', '""')}"\n`,
    line: 3,
  },
  'csv (matchers)': {
    format: 'csv',
    text: (n) =>
      `input,matchers\nok,\ndeep,"[{""type"":""equals-json"",""value"":${brackets(n).replaceAll('"', '""')}}]"\n`,
    line: 3,
  },
  promptfoo: {
    format: 'promptfoo',
    text: (n) => `tests:\n  - vars: { q: ok }\n  - vars: { q: ${brackets(n)} }\n`,
    line: 3,
  },
};

function refusal(format: ImportFormat, text: string): AssayError {
  try {
    readDatasetFile(format, text, 'cases.file');
  } catch (err) {
    if (err instanceof AssayError) return err;
    throw err;
  }
  throw new Error('the file was accepted');
}

describe('dataset import and nesting depth', () => {
  it.each(Object.entries(FILES))(
    '%s: 100,000 levels are a coded VALIDATION_FAILED naming the line and the limit',
    (_name, file) => {
      const err = refusal(file.format, file.text(100_000));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.message).toContain(`cases.file:${file.line}:`);
      expect(err.message).toContain(`nests more than ${MAX_NESTING_DEPTH} levels deep`);
      expect(err.message).not.toMatch(/call stack/i);
    },
  );

  it.each(Object.entries(FILES))(
    '%s: real nesting well inside the limit imports',
    (_name, file) => {
      expect(readDatasetFile(file.format, file.text(40), 'cases.file').drafts).toHaveLength(2);
    },
  );
});
