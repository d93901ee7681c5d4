import { openTestCore } from '../support/test-database';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { promptContentSchema } from '../../shared/contract';
import { AssayError, ERROR_CODES } from '../../shared/errors';
import type { Core } from '../../main/app/create-core';
import { readPromptFiles, writePromptFiles } from '../../main/cli/prompt-files';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

async function newCore(dataDir = tempDir('assay-prompt-files-')): Promise<Core> {
  const core = await openTestCore(dataDir, {});
  cores.push(core);
  return core;
}

/** What `assay prompts export DIR` does: the files the core answers, written under DIR. */
async function exportTo(core: Core, dir: string) {
  const exported = await core.services.prompts.exportFiles();
  writePromptFiles(dir, exported.files);
  return exported;
}

/** What `assay prompts import DIR` does, as `actor`. */
function importFrom(core: Core, dir: string, actor: string) {
  return core.services.prompts.importFiles(readPromptFiles(dir), actor);
}

function api(core: Core) {
  return async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data as ChannelOutput<C>;
  };
}

/** A registry with components, a composition, labels, tags, a major version and a deleted prompt. */
async function seed(core: Core): Promise<void> {
  const ok = api(core);
  await ok('prompts.create', {
    name: 'tone',
    kind: 'system',
    description: 'House style',
    content: { text: 'Be {{style}}.', variables: [{ name: 'style', default: 'kind' }] },
    labels: ['production'],
  });
  await ok('prompts.update', {
    name: 'tone',
    content: {
      text: 'Be very {{style}}.\nAlways.',
      variables: [{ name: 'style', default: 'kind' }],
    },
    message: 'stronger',
  });
  await ok('prompts.create', { name: 'ask', kind: 'user', content: { text: 'About {{topic}}?' } });
  await ok('prompts.create', {
    name: 'team/bot',
    kind: 'chat',
    tags: ['support', 'beta'],
    content: {
      messages: [
        { role: 'system', ref: { prompt: 'tone', label: 'production' } },
        { placeholder: 'history' },
        { role: 'user', ref: { prompt: 'ask', version: 'v1.0' } },
      ],
      config: { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.3 },
    },
  });
  await ok('prompts.update', {
    name: 'team/bot',
    major: true,
    content: {
      messages: [
        { role: 'system', ref: { prompt: 'tone', label: 'production' } },
        { role: 'user', content: 'JSON please: {"a": 1} about {{topic}}' },
      ],
    },
  });
  await ok('prompts.setLabel', { name: 'team/bot', label: 'production', version: 'v1.0' });
  await ok('prompts.create', { name: 'old', kind: 'text', content: { text: 'retired' } });
  await ok('prompts.delete', { name: 'old' });
}

/** prompts.list and prompts.versions without the ids and timestamps a new database assigns. */
async function snapshot(core: Core) {
  const ok = api(core);
  const { prompts } = await ok('prompts.list', { includeDeleted: true });
  const out = [];
  for (const p of prompts) {
    const { versions } = await ok('prompts.versions', { name: p.name });
    const summary = { ...p, id: 'local', updatedAt: 'local' };
    out.push({
      summary,
      versions: versions.map((v) => ({ ...v, id: 'local', promptId: 'local' })),
    });
  }
  return out;
}

/** Every row of the registry tables: what "the database is unchanged" compares. */
async function dump(core: Core): Promise<unknown> {
  const { db } = core.store;
  return Promise.all([
    db.selectFrom('prompt').selectAll().orderBy('id').execute(),
    db.selectFrom('prompt_version').selectAll().orderBy('id').execute(),
    db
      .selectFrom('prompt_component_ref')
      .selectAll()
      .orderBy('version_id')
      .orderBy('position')
      .execute(),
    db.selectFrom('prompt_label').selectAll().orderBy('prompt_id').orderBy('label').execute(),
    db.selectFrom('prompt_label_event').selectAll().orderBy('id').execute(),
  ]);
}

describe('prompt files', () => {
  it('exports readable YAML and imports it into an empty database unchanged', async () => {
    const source = await newCore();
    await seed(source);
    const dir = tempDir('assay-prompt-export-');
    const exported = await exportTo(source, dir);
    expect(exported).toMatchObject({ prompts: 4, versions: 6 });
    expect(fs.existsSync(path.join(dir, 'team/bot.yaml'))).toBe(true);
    const bot = fs.readFileSync(path.join(dir, 'team/bot.yaml'), 'utf8');
    expect(bot).toMatch(/^name: team\/bot\nkind: chat\n/);
    expect(bot).toContain('labels:\n  latest: v2.0\n  production: v1.0\n');
    expect(bot).toContain('- version: v2.0\n    parent: v1.0\n');
    const tone = fs.readFileSync(path.join(dir, 'tone.yaml'), 'utf8');
    // Multi-line text stays a readable block.
    expect(tone).toContain('Be very {{style}}.\n');

    const target = await newCore();
    const report = await importFrom(target, dir, 'importer');
    expect(report).toMatchObject({
      createdPrompts: 4,
      createdVersions: 6,
      unchanged: 0,
      conflicts: [],
    });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    const rendered = await api(target)('prompts.render', {
      name: 'team/bot',
      variables: { topic: 'x' },
    });
    expect(rendered.messages[0]).toEqual({ role: 'system', content: 'Be kind.' });

    const before = await dump(target);
    const again = await importFrom(target, dir, 'importer');
    expect(again).toMatchObject({
      createdPrompts: 0,
      createdVersions: 0,
      unchanged: 4,
      conflicts: [],
    });
    expect(await dump(target)).toEqual(before);
  });

  it('adds new versions and labels, and reports a conflict without touching that prompt', async () => {
    const source = await newCore();
    await seed(source);
    const dir = tempDir('assay-prompt-export-');
    await exportTo(source, dir);
    const target = await newCore();
    await importFrom(target, dir, 'importer');

    // Both sides save a v1.2 of "tone" with different words; "ask" only changes at the source.
    await api(source)('prompts.update', { name: 'tone', content: { text: 'Source words' } });
    await api(target)('prompts.update', { name: 'tone', content: { text: 'Target words' } });
    await api(source)('prompts.update', { name: 'ask', content: { text: 'Now about {{topic}}!' } });
    await api(source)('prompts.setLabel', { name: 'ask', label: 'production', version: 'v1.1' });
    await exportTo(source, dir);

    const toneBefore = await api(target)('prompts.versions', { name: 'tone' });
    const report = await importFrom(target, dir, 'importer');
    expect(report.conflicts.map((c) => [c.name, c.reason])).toEqual([
      ['tone', 'v1.2 differs from the local v1.2'],
    ]);
    expect(report.results.find((r) => r.name === 'ask')).toMatchObject({
      status: 'updated',
      versionsAdded: 1,
      labelsSet: ['production', 'latest'],
    });
    expect(await api(target)('prompts.versions', { name: 'tone' })).toEqual(toneBefore);
    expect((await api(target)('prompts.get', { name: 'ask' })).version.version).toBe('v1.1');

    // A label that moved locally is a conflict too, and nothing of that prompt is imported.
    await api(target)('prompts.setLabel', {
      name: 'team/bot',
      label: 'production',
      version: 'v2.0',
    });
    const before = await dump(target);
    const second = await importFrom(target, dir, 'importer');
    expect(second.conflicts.map((c) => c.name)).toEqual(['tone', 'team/bot']);
    expect(second.conflicts[1]!.reason).toContain('label production is on v2.0 locally');
    expect(await dump(target)).toEqual(before);
  });

  it('names the file and line of malformed YAML and of invalid content', async () => {
    const core = await newCore();
    const dir = tempDir('assay-bad-files-');
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(
      path.join(dir, 'nested/broken.yaml'),
      'name: x\nkind: text\nversions: [\n  {version: v1.0\n',
    );
    await expect(importFrom(core, dir, 't')).rejects.toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^prompts import: nested\/broken\.yaml:\d+: /),
      }),
    );
    fs.rmSync(path.join(dir, 'nested'), { recursive: true });

    const wrongRole = [
      'name: chatty',
      'kind: chat',
      'versions:',
      '  - version: v1.0',
      '    content:',
      '      messages:',
      '        - role: user',
      '          content: hi',
      '        - role: wizard',
      '          content: hi',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'chatty.yaml'), wrongRole);
    await expect(importFrom(core, dir, 't')).rejects.toThrow(/^prompts import: chatty\.yaml:9: /);

    const missingComponent = wrongRole.replace(
      '- role: wizard\n          content: hi',
      '- role: system\n          ref: {prompt: nobody}',
    );
    fs.writeFileSync(path.join(dir, 'chatty.yaml'), missingComponent);
    await expect(importFrom(core, dir, 't')).rejects.toThrow(
      /^prompts import: chatty\.yaml:10: v1\.0: component prompt "nobody" does not exist/,
    );
    expect(await api(core)('prompts.list', { includeDeleted: true })).toEqual({ prompts: [] });
  });

  it('answers 100 random malformed files with a coded error and an unchanged database', async () => {
    const core = await newCore();
    await seed(core);
    const dir = tempDir('assay-fuzz-files-');
    const valid = {
      name: 'fresh',
      kind: 'chat',
      labels: { production: 'v1.0' },
      versions: [
        {
          version: 'v1.0',
          parent: null,
          content: {
            messages: [
              { role: 'system', ref: { prompt: 'tone', label: 'production' } },
              { role: 'user', content: 'Hi {{name}}' },
            ],
            variables: [{ name: 'name', default: 'you' }],
          },
        },
      ],
    };
    // A valid neighbour: it must not be imported either when another file is invalid.
    fs.writeFileSync(path.join(dir, 'a-valid.yaml'), stringify({ ...valid, name: 'neighbour' }));
    const clone = (): typeof valid & Record<string, unknown> => structuredClone(valid);
    const v0 = (f: ReturnType<typeof clone>) => f.versions[0]! as Record<string, unknown>;
    const kinds = ['system', 'user', 'chat', 'text'];
    const mutation = fc.oneof(
      fc.string().map((s) => s),
      fc
        .string()
        .filter((k) => !kinds.includes(k))
        .map((kind) => stringify({ ...clone(), kind })),
      fc
        .string()
        .filter((n) => !/^[a-z0-9][a-z0-9._/-]{0,127}$/.test(n.trim()))
        .map((name) => stringify({ ...clone(), name })),
      fc
        .anything()
        .filter((x) => !Array.isArray(x))
        .map((versions) => stringify({ ...clone(), versions })),
      fc
        .string()
        .filter((s) => !/^v\d+\.\d+$/.test(s))
        .map((version) => {
          const f = clone();
          v0(f).version = version;
          return stringify(f);
        }),
      fc.string().map((text) => {
        const f = clone();
        (v0(f).content as Record<string, unknown>).text = text;
        return stringify(f);
      }),
      fc.stringMatching(/^[a-z_]{1,12}$/).map((n) => {
        const f = clone();
        (v0(f).content as Record<string, unknown>).variables = [{ name: `unused_${n}` }];
        return stringify(f);
      }),
      fc.stringMatching(/^[a-z]{1,12}$/).map((p) => {
        const f = clone();
        (v0(f).content as { messages: unknown[] }).messages[0] = {
          role: 'system',
          ref: { prompt: `missing-${p}` },
        };
        return stringify(f);
      }),
      fc.constant(0).map(() => {
        const f = clone();
        (v0(f).content as { messages: unknown[] }).messages[0] = {
          role: 'system',
          ref: { prompt: 'ask' },
        };
        return stringify(f);
      }),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => {
        const f = clone();
        v0(f).content_hash = h;
        return stringify(f);
      }),
      fc.nat(99).map((n) => {
        const f = clone();
        v0(f).parent = `v9.${n}`;
        return stringify(f);
      }),
      fc.nat(99).map((n) => stringify({ ...clone(), labels: { production: `v7.${n}` } })),
      fc.stringMatching(/^[a-z]{1,10}$/).map((k) => stringify({ ...clone(), [`x_${k}`]: 1 })),
      fc.constant(0).map(() => {
        const f = clone();
        f.versions.push(structuredClone(f.versions[0]!));
        return stringify(f);
      }),
      // A key at column 0: indented text would continue the previous scalar and stay valid YAML.
      fc
        .stringMatching(/^[a-z][a-z0-9_]{0,10}$/)
        .map((s) => `${stringify(clone())}\n${s}: [unclosed`),
    );
    const before = await dump(core);
    await fc.assert(
      fc.asyncProperty(mutation, async (text) => {
        fs.writeFileSync(path.join(dir, 'bad.yaml'), text);
        let thrown: unknown;
        try {
          await importFrom(core, dir, 'fuzzer');
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(AssayError);
        const err = thrown as AssayError;
        expect(Object.keys(ERROR_CODES)).toContain(err.code);
        expect(err.code).not.toBe('INTERNAL');
        expect(err.message).toMatch(/bad\.yaml:\d+: /);
        expect(await dump(core)).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('answers 100 random malformed contents with a coded error and an unchanged database', async () => {
    const core = await newCore();
    await seed(core);
    const before = await dump(core);
    const content = fc.oneof(
      fc.anything().filter((c) => !promptContentSchema.safeParse(c).success),
      fc.record({ text: fc.string(), messages: fc.constant([{ role: 'user', content: 'x' }]) }),
      fc.record({ messages: fc.constant([]) }),
      fc.string().map((s) => ({
        messages: [{ role: 'user', content: s }],
        variables: [{ name: 'zz_unused' }],
      })),
      fc
        .stringMatching(/^[a-z]{1,8}$/)
        .map((p) => ({ messages: [{ role: 'user', ref: { prompt: `nope-${p}` } }] })),
    );
    await fc.assert(
      fc.asyncProperty(content, fc.constantFrom('team/bot', 'new-one'), async (c, name) => {
        const result =
          name === 'new-one'
            ? await core.dispatcher.dispatch(
                'prompts.create',
                { name, kind: 'chat', content: c },
                { transport: 'cli' },
              )
            : await core.dispatcher.dispatch(
                'prompts.update',
                { name, content: c },
                { transport: 'cli' },
              );
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('VALIDATION_FAILED');
        expect(await dump(core)).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('assay prompts export / import', () => {
  it('round-trips through the CLI and exits 1 on conflicts, 2 on invalid files', async () => {
    const sourceDir = tempDir('assay-cli-src-');
    const source = await newCore(sourceDir);
    await seed(source);
    await source.close();
    cores.splice(cores.indexOf(source), 1);
    const files = tempDir('assay-cli-files-');
    const exported = await runCli(['prompts', 'export', files, '--data-dir', sourceDir]);
    expect(exported.stderr).toBe('');
    expect(exported).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Exported 4 prompts (6 versions)'),
    });

    const targetDir = tempDir('assay-cli-dst-');
    const imported = await runCli(['prompts', 'import', files, '--data-dir', targetDir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('created 4 prompts, 6 versions, unchanged 0, conflicts 0');
    const again = await runCli(['prompts', 'import', files, '--data-dir', targetDir]);
    expect(again.stdout).toContain('created 0 prompts, 0 versions, unchanged 4, conflicts 0');

    const edited = fs
      .readFileSync(path.join(files, 'ask.yaml'), 'utf8')
      .replace('About {{topic}}?', 'Changed {{topic}}?')
      .replace(/\n *content_hash: .*/, '');
    fs.writeFileSync(path.join(files, 'ask.yaml'), edited);
    const conflict = await runCli(['prompts', 'import', files, '--data-dir', targetDir]);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toMatch(/conflict {2}ask \(ask\.yaml\): v1\.0 differs/);
    expect(conflict.stderr).toMatch(/^assay: CONFLICT: 1 prompts conflict/);

    fs.writeFileSync(path.join(files, 'zz.yaml'), 'name: zz\nkind: [\n');
    const invalid = await runCli(['prompts', 'import', files, '--data-dir', targetDir]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^assay: VALIDATION_FAILED: prompts import: zz\.yaml:\d+: /);
  }, 60_000);
});
