import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

// The channels the CLI reads files for, called as a browser or any HTTP client would: plain JSON
// text in, data out, nothing parsed or read on the caller's side.
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

async function newCore(): Promise<Core> {
  const core = await openTestCore(tempDir('assay-files-channels-'), {});
  cores.push(core);
  return core;
}

function call(core: Core, channel: Channel, input: unknown) {
  return core.dispatcher.dispatch(channel, JSON.parse(JSON.stringify(input)), {
    transport: 'http',
  });
}

const SUITE = [
  'prompt: { template: "Say {{q}}" }',
  'models: [openai:gpt-4o-mini]',
  'concurrency: 2',
  'test_cases:',
  '  - vars: { q: one }',
  '  - vars: { q: two }',
  '    matchers: [{ type: nonsense }]',
].join('\n');

describe('datasets.syncSuite', () => {
  it("imports a suite file's own cases from its text, its run settings left out", async () => {
    const core = await newCore();
    const input = {
      suite: 'My Suite',
      file: 'evals/my.yaml',
      cases: { format: 'yaml', fileName: 'evals/my.yaml', content: SUITE, inSuite: true },
    };
    const bad = await call(core, 'datasets.syncSuite', input);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/evals\/my\.yaml:7: /);

    const good = { ...input, cases: { ...input.cases, content: SUITE.split('\n    matchers')[0] } };
    expect(await call(core, 'datasets.syncSuite', good)).toEqual({
      ok: true,
      data: { name: 'suite/my-suite', changed: true, cases: 2, warnings: [] },
    });
    expect(await call(core, 'datasets.syncSuite', good)).toMatchObject({
      ok: true,
      data: { changed: false, cases: 2 },
    });
    const stored = await call(core, 'datasets.get', { name: 'suite/my-suite' });
    expect(stored).toMatchObject({
      ok: true,
      data: { dataset: { description: 'Cases of evals/my.yaml', tags: ['suite'] }, total: 2 },
    });
  });
});

describe('prompts.exportFiles and prompts.importFiles', () => {
  it('answers files as text and imports them back; unreadable files fail it in path order', async () => {
    const source = await newCore();
    await call(source, 'prompts.create', {
      name: 'team/bot',
      kind: 'text',
      content: { text: 'Hi' },
    });
    const exported = await call(source, 'prompts.exportFiles', {});
    expect(exported).toMatchObject({ ok: true, data: { prompts: 1, versions: 1 } });
    const files = exported.ok ? (exported.data as { files: { path: string }[] }).files : [];
    expect(files.map((f) => f.path)).toEqual(['team/bot.yaml']);

    const target = await newCore();
    const refused = await call(target, 'prompts.importFiles', {
      files: [...files, { path: 'z.yaml', content: 'name: [' }],
      unreadable: [{ file: 'a.yaml', line: 2, message: 'invalid UTF-8 at byte 9' }],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'prompts import: a.yaml:2: invalid UTF-8 at byte 9 (and 1 more)',
      },
    });
    expect(await call(target, 'prompts.list', {})).toMatchObject({ data: { prompts: [] } });

    expect(await call(target, 'prompts.importFiles', { files })).toMatchObject({
      ok: true,
      data: { createdPrompts: 1, createdVersions: 1, conflicts: [] },
    });
  });
});
