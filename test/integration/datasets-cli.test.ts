import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { datasetSummarySchema } from '../../shared/contract';
import { parseJson } from '../support/parse-json';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

const CASES_YAML = [
  'name: support-faq',
  'interaction_type: classification',
  'default_matchers:',
  '  - { type: not-contains, value: As an AI }',
  'test_cases:',
  '  - input: Can I return it?',
  '    expected: refund',
  '    tags: [refunds]',
  '  - vars: { input: Where is my order?, locale: en-GB }',
  '    expected: order_status',
].join('\n');

describe('assay datasets', () => {
  it('imports, lists, exports and re-imports through the CLI', async () => {
    const dataDir = tempDir('assay-cli-datasets-');
    const files = tempDir('assay-cli-dataset-files-');
    const yamlFile = path.join(files, 'faq.yaml');
    fs.writeFileSync(yamlFile, CASES_YAML);
    const imported = await runCli(['datasets', 'import', yamlFile, '--data-dir', dataDir]);
    expect(imported.stderr).toBe('');
    expect(imported).toMatchObject({
      code: 0,
      stdout: 'Imported 2 cases into "support-faq" (2 cases, classification)\n',
    });

    const csvFile = path.join(files, 'out.csv');
    const exported = await runCli([
      'datasets',
      'export',
      'support-faq',
      '--output',
      csvFile,
      '--data-dir',
      dataDir,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`Exported 2 cases of "support-faq" to ${csvFile}`);
    expect(fs.readFileSync(csvFile, 'utf8').split('\r\n')[0]).toBe(
      'input,locale,expected,matchers,tags',
    );

    const again = await runCli([
      'datasets',
      'import',
      csvFile,
      '--name',
      'faq-copy',
      '--data-dir',
      dataDir,
    ]);
    expect(again.code).toBe(0);
    const appended = await runCli([
      'datasets',
      'import',
      csvFile,
      '--name',
      'faq-copy',
      '--append',
      '--data-dir',
      dataDir,
    ]);
    expect(appended.stdout).toContain('Imported 2 cases into "faq-copy" (4 cases, chat)');

    const listed = await runCli(['datasets', 'list', '--json', '--data-dir', dataDir]);
    const { datasets } = parseJson(
      z.object({ datasets: z.array(datasetSummarySchema) }),
      listed.stdout,
      'datasets list --json',
    );
    expect(datasets.map((d) => [d.name, d.caseCount])).toEqual([
      ['faq-copy', 4],
      ['support-faq', 2],
    ]);
    const table = await runCli(['datasets', 'list', '--data-dir', dataDir]);
    expect(table.stdout).toMatch(/support-faq .*classification .*2/);

    const yamlOut = await runCli(['datasets', 'export', 'support-faq', '--data-dir', dataDir]);
    expect(yamlOut.stdout).toMatch(
      /^name: support-faq\ninteraction_type: classification\ntest_cases:\n/,
    );
    const jsonl = await runCli([
      'datasets',
      'export',
      'faq-copy',
      '--format',
      'jsonl',
      '--data-dir',
      dataDir,
    ]);
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(4);

    const taken = await runCli(['datasets', 'import', yamlFile, '--data-dir', dataDir]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^assay: CONFLICT: .*append mode/);
  }, 60_000);

  it('exits 2 with file:line: field: reason for bad files, formats and sizes', async () => {
    const dataDir = tempDir('assay-cli-datasets-');
    const files = tempDir('assay-cli-dataset-files-');
    const cwdRelative = (file: string) => path.relative(process.cwd(), file);

    const bad = path.join(files, 'bad.yaml');
    fs.writeFileSync(
      bad,
      'test_cases:\n  - input: a\n    matchers:\n      - { type: regex, pattern: "(" }\n  - input: b\n    matchers: [{ type: contains }]\n',
    );
    const invalid = await runCli(['datasets', 'import', bad, '--name', 'x', '--data-dir', dataDir]);
    expect(invalid.code).toBe(2);
    const lines = invalid.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^${cwdRelative(bad)}:4: test_cases\\[0\\]\\.matchers\\[0\\]\\.pattern: Invalid regular expression`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(`^${cwdRelative(bad)}:6: test_cases\\[1\\]\\.matchers\\[0\\]\\.value: `),
    );
    expect(lines[2]).toMatch(
      /^assay: VALIDATION_FAILED: datasets\.import: .*bad\.yaml:4: .*\(and 1 more\)$/,
    );

    const csv = path.join(files, 'rows.csv');
    fs.writeFileSync(csv, 'input,matchers\na,\nb,"[{""type"":""nope""}]"\n');
    const badRow = await runCli(['datasets', 'import', csv, '--data-dir', dataDir]);
    expect(badRow.code).toBe(2);
    expect(badRow.stderr).toMatch(
      /rows\.csv:3: row 2: matchers\[0\]\.type: unknown matcher type "nope"/,
    );

    const unknown = path.join(files, 'cases.txt');
    fs.writeFileSync(unknown, 'input\nx\n');
    const noFormat = await runCli(['datasets', 'import', unknown, '--data-dir', dataDir]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('pass --format yaml|csv|jsonl|promptfoo');
    const forced = await runCli([
      'datasets',
      'import',
      unknown,
      '--format',
      'csv',
      '--data-dir',
      dataDir,
    ]);
    expect(forced.stdout).toContain('Imported 1 cases into "cases"');

    const huge = path.join(files, 'huge.jsonl');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 50 * 1024 * 1024 + 1);
    const tooBig = await runCli(['datasets', 'import', huge, '--data-dir', dataDir]);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/^assay: PAYLOAD_TOO_LARGE: /);

    const missing = await runCli([
      'datasets',
      'import',
      path.join(files, 'nope.csv'),
      '--data-dir',
      dataDir,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^assay: NOT_FOUND: no file at /);

    const noDataset = await runCli(['datasets', 'export', 'absent', '--data-dir', dataDir]);
    expect(noDataset.code).toBe(1);
  }, 60_000);

  it('imports a promptfoo config by its file name and prints warnings and suggestions', async () => {
    const dataDir = tempDir('assay-cli-datasets-');
    const dir = path.join(tempDir('assay-cli-pf-'), 'refunds');
    fs.mkdirSync(dir);
    const config = path.join(dir, 'promptfooconfig.yaml');
    fs.writeFileSync(
      config,
      [
        'prompts: ["Answer: {{q}}"]',
        'providers: [openai:gpt-4o-mini]',
        'tests:',
        '  - vars: { q: refund? }',
        '    assert:',
        '      - type: contains',
        '        value: refund',
        '      - type: perplexity',
        '        threshold: 2',
      ].join('\n'),
    );
    const refused = await runCli(['datasets', 'import', config, '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /promptfooconfig\.yaml:8: tests\[0\]\.assert\[1\]: assertion "perplexity" cannot run in Assay/,
    );
    const result = await runCli([
      'datasets',
      'import',
      config,
      '--skip-unmapped',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported 1 cases into "refunds"');
    expect(result.stdout).toContain('Prompts in the config: Answer: {{q}}');
    expect(result.stdout).toContain('Providers in the config: openai:gpt-4o-mini');
    expect(result.stderr).toMatch(
      /promptfooconfig\.yaml:8: warning: tests\[0\]\.assert\[1\]: assertion "perplexity" was not imported \(its case is unscored\)/,
    );
  }, 60_000);
});
