import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { INTERACTION_TYPES } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { looksLikeAssayPy } from './format-assay-py';
import { readDatasetFile } from './import-dataset';
import { serializeAssayPyDataset } from './write-assay-py';

/** Generated files in the assay-py shape, every matcher type and option spelling included. */
const word = fc.stringMatching(/^[a-z][a-z0-9 ]{0,11}$/);
const text = fc.string({ minLength: 1, maxLength: 20 });
const varName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((n) => n !== '__proto__');
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const bool = fc.boolean();
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Drops undefined members, as a file leaves an option out. */
const clean = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const varValue = fc.oneof(
  text,
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  bool,
  fc.array(word, { maxLength: 3 }),
  fc.dictionary(key, fc.oneof(word, fc.integer()), { maxKeys: 3 }),
);
const normalization = fc
  .record({
    case_sensitive: opt(bool),
    strip: opt(bool),
    collapse_whitespace: opt(bool),
    numeric_tolerance: opt(fc.double({ min: 0, max: 5, noNaN: true })),
  })
  .map(clean);
const fields = fc.oneof(
  fc.uniqueArray(key, { minLength: 1, maxLength: 4 }),
  fc
    .uniqueArray(fc.tuple(key, fc.option(normalization, { nil: null })), {
      minLength: 1,
      maxLength: 4,
      selector: ([k]) => k,
    })
    .map((entries) => Object.fromEntries(entries)),
);
const scale = fc.oneof(
  fc.constant('pass_fail'),
  fc.integer({ min: 2, max: 10 }),
  fc
    .tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 20 }))
    .map(([lo, n]) => [lo, lo + n]),
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }))
    .map(([lo, n]) => `${lo}-${lo + n}`),
  fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 5 }),
);
const weight = opt(fc.integer({ min: 0, max: 5 }));
const threshold = opt(fc.double({ min: 0, max: 1, noNaN: true }));
const matcher = fc.oneof(
  fc
    .record({ value: opt(text), case_sensitive: opt(bool), strip: opt(bool), weight })
    .map((m) => clean({ type: 'exact', ...m })),
  fc
    .record({ value: text, case_sensitive: opt(bool), weight, threshold })
    .map((m) => clean({ type: 'contains', ...m })),
  fc
    .record({
      values: fc.array(text, { minLength: 1, maxLength: 3 }),
      mode: opt(fc.constantFrom('all', 'any')),
    })
    .map((m) => clean({ type: 'contains', ...m })),
  fc
    .record({
      pattern: fc.constantFrom('^a', '\\d+', '[a-z]{2,}', 'x|y'),
      flags: opt(fc.constantFrom('i', 'm', 'is')),
    })
    .map((m) => clean({ type: 'regex', ...m })),
  fc
    .record({ required_keys: fc.array(key, { minLength: 1, maxLength: 3 }), threshold })
    .map((m) => clean({ type: 'json_structure', ...m })),
  fc
    .record({
      fields: opt(fields),
      case_sensitive: opt(bool),
      numeric_tolerance: opt(fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map((m) => clean({ type: 'field_accuracy', ...m })),
  fc
    .record({
      which: fc.constantFrom('criteria', 'rubric'),
      rubric: text,
      scale: opt(scale),
      threshold,
      weight,
    })
    .map(({ which, rubric, ...m }) => clean({ type: 'llm_judge', [which]: rubric, ...m })),
  // Assay's own spelling, as an export writes what the dialect cannot say.
  fc
    .record({ value: text, maxDistance: fc.integer({ min: 0, max: 3 }) })
    .map((m) => ({ type: 'levenshtein', ...m })),
  text.map((value) => ({ type: 'not-contains', value })),
);
const testCase = fc
  .record({
    name: opt(fc.string({ maxLength: 30 })),
    input: opt(fc.dictionary(varName, varValue, { maxKeys: 4 })),
    expected: opt(
      fc.oneof(text, fc.dictionary(key, fc.oneof(word, fc.integer(), bool), { maxKeys: 3 })),
    ),
    matchers: opt(fc.array(matcher, { maxLength: 4 })),
    tags: opt(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 3 })),
  })
  .map(clean);
const file = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    interaction_type: opt(fc.constantFrom(...INTERACTION_TYPES)),
    description: opt(fc.string({ maxLength: 40 })),
    matchers: opt(fc.array(matcher, { maxLength: 2 })),
    test_cases: fc.array(testCase, { maxLength: 6 }),
  })
  .map(clean);

const read = (content: string, format: 'yaml' | 'assay-py' = 'assay-py') =>
  readDatasetFile(format, content, 'generated.yaml');

describe('assay-py round trip (property)', () => {
  it('import → export → import gives the same cases and metadata', () => {
    fc.assert(
      fc.property(file, (f) => {
        const first = read(stringify(f));
        const meta = first.parsed.meta;
        const { content } = serializeAssayPyDataset(
          {
            name: meta.name!,
            interactionType: meta.interactionType ?? 'chat',
            description: meta.description ?? '',
            tags: [...(meta.tags ?? [])],
          },
          first.drafts,
        );
        const second = read(content);
        expect(second.drafts).toEqual(first.drafts);
        expect(second.parsed.meta.name).toBe(meta.name);
        // As a `.yaml` without a flag it reads the same: recognised, or (with no sign of the
        // dialect) read by Assay's own YAML reader with the same meaning.
        expect(read(content, 'yaml').drafts).toEqual(first.drafts);
        expect(read(stringify(f), 'yaml').drafts).toEqual(first.drafts);
      }),
      { numRuns: 200 },
    );
  });

  it('answers any file with cases or a coded error naming where', () => {
    // Values built from the dialect's own words, so the fuzz reaches deep into the readers.
    const words = fc.constantFrom(
      ...['name', 'input', 'expected', 'matchers', 'tags', 'test_cases', 'type', 'value'],
      ...['exact', 'contains', 'regex', 'json_structure', 'field_accuracy', 'llm_judge'],
      ...['fields', 'scale', 'case_sensitive', 'strip', 'numeric_tolerance', 'criteria'],
      ...['rubric', 'required_keys', 'pattern', 'weight', 'threshold', '__proto__', 'x_y'],
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        words,
        fc.integer({ min: -3, max: 200 }),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(words, tie('value'), { maxKeys: 5 }),
      ),
    }));
    const root = fc.record({ test_cases: fc.array(value, { maxLength: 4 }), matchers: value });
    fc.assert(
      fc.property(fc.oneof(root, value), (f) => {
        try {
          read(stringify(f));
        } catch (err) {
          expect(err).toBeInstanceOf(AssayError);
          expect((err as AssayError).code).toBe('VALIDATION_FAILED');
          const problems = (err as AssayError).details as { problems: { message: string }[] };
          expect(problems.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never mistakes Assay YAML for assay-py', () => {
    const assayMatcher = fc.oneof(
      text.map((value) => ({ type: 'contains', value, ignoreCase: true })),
      text.map((value) => ({ type: 'exact', value, trim: true })),
      fc.constant({ type: 'json-structure', required: ['a'] }),
      fc.constant({ type: 'llm-judge', rubric: 'r', scale: [1, 2, 3] }),
      fc.constant({ type: 'field-accuracy', fields: ['a', { path: 'b', ignoreCase: true }] }),
    );
    const assayCase = fc
      .record({
        description: opt(text),
        input: opt(text),
        vars: opt(fc.dictionary(varName, text, { maxKeys: 3 })),
        expected: opt(fc.oneof(text, fc.dictionary(key, word))),
        matchers: opt(fc.array(assayMatcher, { maxLength: 3 })),
      })
      .map(clean);
    const assayFile = fc
      .record({
        name: opt(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)),
        default_matchers: opt(fc.array(assayMatcher, { maxLength: 2 })),
        test_cases: fc.array(assayCase, { maxLength: 5 }),
      })
      .map(clean);
    fc.assert(
      fc.property(assayFile, (f) => {
        expect(looksLikeAssayPy(f)).toBe(false);
      }),
    );
  });
});
