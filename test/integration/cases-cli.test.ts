import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../support/parse-json';
import { testCaseSchema, type TestCaseView } from '../../shared/contract';
import { runCli } from '../support/run-cli';

/** `assay cases list|add|update|delete DATASET`: JSON in and out, errors naming the field. */

const casesSchema = z.object({ cases: z.array(testCaseSchema) });

let dir: string;
const cli = (args: string[], input?: string) => runCli([...args, '--data-dir', dir], {}, input);

async function addCases(json: unknown): Promise<TestCaseView[]> {
  const res = await cli(['cases', 'add', 'faq', '--json', JSON.stringify(json)]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  return parseJson(casesSchema, res.stdout, 'cases add --json').cases;
}

async function listCases(...args: string[]): Promise<{ cases: TestCaseView[]; total: number }> {
  const res = await cli(['cases', 'list', 'faq', '--json', ...args]);
  expect(res.code).toBe(0);
  return parseJson(casesSchema.extend({ total: z.number() }), res.stdout, 'cases list --json');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-cases-cli-'));
  const file = path.join(dir, 'faq.yaml');
  fs.writeFileSync(file, 'test_cases:\n  - vars: { q: "seed" }\n    tags: [seed]\n');
  expect((await cli(['datasets', 'import', file, '--name', 'faq'])).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('assay cases add', () => {
  it('adds one case from --json and prints it with its id', async () => {
    const [added] = await addCases({
      vars: { q: 'How do I reset my password?' },
      expected: 'Settings → Security',
      matchers: [{ type: 'contains', value: 'Security' }],
      tags: ['account'],
    });
    expect(added).toMatchObject({
      id: expect.any(String),
      position: 1,
      vars: { q: 'How do I reset my password?' },
      expected: 'Settings → Security',
      matchers: [{ type: 'contains', value: 'Security' }],
      tags: ['account'],
      revision: 1,
    });
  });

  it('adds a list from --file and from stdin', async () => {
    const file = path.join(dir, 'more.json');
    fs.writeFileSync(file, JSON.stringify([{ vars: { q: 'one' } }, { vars: { q: 'two' } }]));
    const fromFile = await cli(['cases', 'add', 'faq', '--file', file]);
    expect(fromFile.code).toBe(0);
    expect(parseJson(casesSchema, fromFile.stdout, 'cases add --file').cases).toHaveLength(2);
    const fromStdin = await cli(['cases', 'add', 'faq', '-'], '{"vars": {"q": "three"}}');
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ cases: [{ vars: { q: 'three' } }] });
    const piped = await cli(['cases', 'add', 'faq', '--file', '-'], '[{"vars": {"q": "four"}}]');
    expect(piped.code).toBe(0);
  });

  it('names the field of a bad matcher, by the case’s index, and adds none (exit 2)', async () => {
    const before = (await listCases()).total;
    const res = await cli([
      'cases',
      'add',
      'faq',
      '--json',
      JSON.stringify([
        { vars: { q: 'a' } },
        { vars: { q: 'b' } },
        { vars: { q: 'c' }, matchers: [{ type: 'regex', pattern: '(' }] },
      ]),
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /^assay: VALIDATION_FAILED: cases add: cases\[2\]\.matchers\[0\]\.pattern: /,
    );
    expect((await listCases()).total).toBe(before);
  });

  it('names a field of the wrong shape the same way', async () => {
    const res = await cli([
      'cases',
      'add',
      'faq',
      '--json',
      JSON.stringify([{ vars: { q: 'a' } }, { vars: { q: 5 } }]),
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^assay: VALIDATION_FAILED: cases add: cases\[1\]\.vars\.q: /);
  });

  it('names the line and column of JSON that does not parse', async () => {
    const inline = await cli(['cases', 'add', 'faq', '--json', '{"vars": {"q": "x"},}']);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toBe(
      'assay: VALIDATION_FAILED: --json at line 1, column 21: not valid JSON: expected a property name in double quotes\n',
    );
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '[\n  {"vars": {"q": "x"}}\n  {"vars": {"q": "y"}}\n]\n');
    const fromFile = await cli(['cases', 'add', 'faq', '--file', file]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toBe(
      `assay: VALIDATION_FAILED: ${file}:3:3: not valid JSON: expected "," or "]"\n`,
    );
  });

  it('exits 2 without exactly one source, and 1 for an unknown dataset', async () => {
    const none = await cli(['cases', 'add', 'faq']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs its JSON from exactly one of --json/);
    const missing = await cli(['cases', 'add', 'nope', '--json', '{"vars": {"q": "x"}}']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^assay: NOT_FOUND: .*"nope"/);
  });
});

describe('assay cases list', () => {
  it('filters by tag and search and pages', async () => {
    expect((await listCases('--tag', 'account')).cases.map((c) => c.vars.q)).toEqual([
      'How do I reset my password?',
    ]);
    expect((await listCases('--search', 'PASSWORD')).total).toBe(1);
    const page = await listCases('--limit', '2', '--offset', '1');
    expect(page.cases.map((c) => c.position)).toEqual([1, 2]);
    const table = await cli(['cases', 'list', 'faq', '--limit', '2']);
    expect(table.stdout).toMatch(/│ seed +│/);
    expect(table.stdout).toMatch(/^Cases 1–2 of \d+ \(--offset and --limit page\)\.$/m);
  });
});

describe('assay cases update and delete', () => {
  it('changes only the given fields, and refuses a stale --base-revision (exit 1)', async () => {
    const [c] = await addCases({ vars: { q: 'edit me' }, expected: 'old', tags: ['x'] });
    const res = await cli([
      'cases',
      'update',
      'faq',
      c!.id,
      '--json',
      '{"expected": "new"}',
      '--base-revision',
      '1',
    ]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      id: c!.id,
      expected: 'new',
      vars: { q: 'edit me' },
      tags: ['x'],
      revision: 2,
    });
    const stale = await cli([
      'cases',
      'update',
      'faq',
      c!.id,
      '--json',
      '{"expected": "newer"}',
      '--base-revision',
      '1',
    ]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^assay: CONFLICT: cases\.update: .*now at revision 2/);
    const removed = await cli(['cases', 'update', 'faq', c!.id, '-'], '{"expected": null}');
    expect(JSON.parse(removed.stdout)).not.toHaveProperty('expected');
  });

  it('names a bad field of an edit (exit 2) and an unknown case (exit 1)', async () => {
    const [c] = await addCases({ vars: { q: 'bad edit' } });
    const notAField = await cli(['cases', 'update', 'faq', c!.id, '--json', '{"id": "other"}']);
    expect(notAField.code).toBe(2);
    expect(notAField.stderr).toMatch(/cases update: id: not a field an edit can change/);
    const badMatcher = await cli([
      'cases',
      'update',
      'faq',
      c!.id,
      '--json',
      '{"matchers": [{"type": "regex", "pattern": "("}]}',
    ]);
    expect(badMatcher.code).toBe(2);
    expect(badMatcher.stderr).toMatch(
      /^assay: VALIDATION_FAILED: cases update: matchers\[0\]\.pattern: /,
    );
    const unknown = await cli(['cases', 'update', 'faq', 'no-such-case', '--json', '{}']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^assay: NOT_FOUND: .*no-such-case/);
  });

  it('deletes a case of the dataset, and refuses one of another (exit 1)', async () => {
    const other = path.join(dir, 'other.yaml');
    fs.writeFileSync(other, 'test_cases:\n  - vars: { q: "theirs" }\n');
    expect((await cli(['datasets', 'import', other, '--name', 'other'])).code).toBe(0);
    const theirs = parseJson(
      casesSchema,
      (await cli(['cases', 'list', 'other', '--json'])).stdout,
      'cases list --json',
    );
    const wrong = await cli(['cases', 'delete', 'faq', theirs.cases[0]!.id]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^assay: NOT_FOUND: .* in dataset "faq"/);

    const [c] = await addCases({ vars: { q: 'delete me' } });
    const res = await cli(['cases', 'delete', 'faq', c!.id]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`Deleted case ${c!.id} from "faq".\n`);
    expect((await listCases('--search', 'delete me')).total).toBe(0);
  });
});
