import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

/** `text` with one Latin-1 byte (é as 0xE9, as a Windows editor saves it) where `@` stands. */
function latin1(text: string): { bytes: Buffer; offset: number } {
  const at = Buffer.byteLength(text.slice(0, text.indexOf('@')));
  return { bytes: Buffer.from(text.replace('@', '\u00e9'), 'latin1'), offset: at };
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('the CLI reads input files strictly', () => {
  it('datasets import: refuses invalid UTF-8 naming file, line and byte; imports nothing', async () => {
    const dataDir = tempDir('assay-cli-utf8-');
    const files = tempDir('assay-cli-utf8-files-');
    const csv = path.join(files, 'cases.csv');
    const { bytes, offset } = latin1('input,expected\nhello,hi\ncaf@ au lait,coffee\n');
    fs.writeFileSync(csv, bytes);
    const res = await runCli(['datasets', 'import', csv, '--data-dir', dataDir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`VALIDATION_FAILED: ${csv}:3: invalid UTF-8 at byte ${offset}`);
    const list = await runCli(['datasets', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(list.stdout)).toEqual({ datasets: [] });
  });

  it('datasets import: a UTF-8 byte order mark is accepted and dropped', async () => {
    const dataDir = tempDir('assay-cli-bom-');
    const files = tempDir('assay-cli-bom-files-');
    const yaml = path.join(files, 'bom.yaml');
    fs.writeFileSync(yaml, `\uFEFFname: bom\ntest_cases:\n  - input: café\n`);
    const res = await runCli(['datasets', 'import', yaml, '--data-dir', dataDir]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    const out = await runCli([
      'datasets',
      'export',
      'bom',
      '--format',
      'jsonl',
      '--data-dir',
      dataDir,
    ]);
    expect(JSON.parse(out.stdout)).toEqual({ input: 'café' });
  });

  it('datasets import: a JSONL line nested 100,000 deep exits 2 naming the line and the limit', async () => {
    const dataDir = tempDir('assay-cli-deep-');
    const files = tempDir('assay-cli-deep-files-');
    const jsonl = path.join(files, 'deep.jsonl');
    fs.writeFileSync(jsonl, `{"input":"ok"}\n{"input":"x","expected":${deep(100_000)}}\n`);
    const res = await runCli(['datasets', 'import', jsonl, '--data-dir', dataDir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(':2: expected[0][0][0][0][0]…: nests more than 100 levels deep');
    expect(res.stderr).not.toMatch(/call stack/i);
  });

  it('eval: a suite that is not UTF-8, or nests too deep, is CONFIG_INVALID (exit 2)', async () => {
    const dataDir = tempDir('assay-cli-suite-');
    const files = tempDir('assay-cli-suite-files-');
    const bad = path.join(files, 'suite.yaml');
    const { bytes, offset } = latin1(
      'prompt: { template: "Say {{input}}" }\nmodels: [openai:gpt-4o-mini]\ntest_cases:\n  - input: caf@\n',
    );
    fs.writeFileSync(bad, bytes);
    const res = await runCli(['eval', bad, '--data-dir', dataDir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`CONFIG_INVALID: ${bad}:4: invalid UTF-8 at byte ${offset}`);

    const deepSuite = path.join(files, 'deep.yaml');
    fs.writeFileSync(
      deepSuite,
      `prompt: { template: "Say {{input}}" }\nmodels: [openai:gpt-4o-mini]\ntest_cases:\n  - input: x\n    expected: ${deep(100_000)}\n`,
    );
    const deepRes = await runCli(['eval', deepSuite, '--data-dir', dataDir]);
    expect(deepRes.code).toBe(2);
    expect(deepRes.stderr).toContain(
      `CONFIG_INVALID: ${deepSuite}:5: the YAML nests more than 100`,
    );
  });

  it('prompts import: a prompt file that is not UTF-8, or nests too deep, fails the import', async () => {
    const dataDir = tempDir('assay-cli-prompts-');
    const dir = tempDir('assay-cli-prompt-files-');
    const { bytes, offset } = latin1(
      'name: greet\nkind: text\nversions:\n  - version: v1.0\n    content: { text: "Caf@ {{name}}" }\n',
    );
    fs.writeFileSync(path.join(dir, 'greet.yaml'), bytes);
    const res = await runCli(['prompts', 'import', dir, '--data-dir', dataDir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`prompts import: greet.yaml:5: invalid UTF-8 at byte ${offset}`);

    fs.writeFileSync(
      path.join(dir, 'greet.yaml'),
      `name: greet\nkind: text\nversions: ${deep(100_000)}\n`,
    );
    const deepRes = await runCli(['prompts', 'import', dir, '--data-dir', dataDir]);
    expect(deepRes.code).toBe(2);
    expect(deepRes.stderr).toContain('prompts import: greet.yaml:3: the YAML nests more than 100');
    expect(deepRes.stderr).not.toMatch(/call stack/i);
  });
});
