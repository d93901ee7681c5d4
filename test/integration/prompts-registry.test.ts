import { openTestCore } from '../support/test-database';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { ErrorPayload } from '../../shared/errors';
import type { Core } from '../../main/app/create-core';
import { tempDir } from '../support/temp-dir';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

async function newCore(): Promise<Core> {
  const dataDir = tempDir('assay-prompts-');
  const core = await openTestCore(dataDir, {});
  cores.push(core);
  return core;
}

/** Calls a channel through the dispatcher, as every transport does. */
function api(core: Core) {
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    core.dispatcher.dispatch(channel, input, { transport: 'cli' });
  return {
    ok: async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data as ChannelOutput<C>;
    },
    fail: async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ErrorPayload> => {
      const result = await call(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
  };
}

describe('prompt versions', () => {
  it('goes v1.0 → v1.1 → v2.0, skips identical content and refuses a stale base', async () => {
    const { ok, fail } = api(await newCore());
    const v1 = await ok('prompts.create', {
      name: 'greet',
      kind: 'text',
      content: { text: 'Hello {{name}}' },
      message: 'first',
    });
    expect(v1).toMatchObject({ version: 'v1.0', parentVersion: null, labels: ['latest'] });
    expect(v1.variables).toEqual([{ name: 'name' }]);
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const v11 = await ok('prompts.update', {
      name: 'greet',
      content: { text: 'Hi {{name}}' },
      baseVersion: 'v1.0',
    });
    expect(v11).toMatchObject({
      created: true,
      version: { version: 'v1.1', parentVersion: 'v1.0' },
    });

    const same = await ok('prompts.update', { name: 'greet', content: { text: 'Hi {{name}}' } });
    expect(same).toMatchObject({ created: false, version: { version: 'v1.1' } });

    const v2 = await ok('prompts.update', {
      name: 'greet',
      content: { text: 'Hey {{name}}!', variables: [{ name: 'name', default: 'you' }] },
      major: true,
    });
    expect(v2.version).toMatchObject({ version: 'v2.0', parentVersion: 'v1.1' });
    expect(v2.version.variables).toEqual([{ name: 'name', default: 'you' }]);

    const stale = await fail('prompts.update', {
      name: 'greet',
      content: { text: 'Edited from an old tab' },
      baseVersion: 'v1.1',
    });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('v1.1');
    expect(stale.message).toContain('v2.0');

    const { versions } = await ok('prompts.versions', { name: 'greet' });
    expect(versions.map((v) => v.version)).toEqual(['v2.0', 'v1.1', 'v1.0']);
    expect(versions[0]!.labels).toEqual(['latest']);
  });

  it('checks content against the kind and the listed variables', async () => {
    const { fail } = api(await newCore());
    const chatWithText = await fail('prompts.create', {
      name: 'c',
      kind: 'chat',
      content: { text: 'x' },
    });
    expect(chatWithText).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(chatWithText.message).toContain('at least one message');
    const unused = await fail('prompts.create', {
      name: 't',
      kind: 'text',
      content: { text: 'Hi {{a}}', variables: [{ name: 'b', default: 'x' }] },
    });
    expect(unused.code).toBe('VALIDATION_FAILED');
    expect(unused.message).toContain('"b"');
  });

  it('never updates a stored version', async () => {
    const core = await newCore();
    const { ok } = api(core);
    await ok('prompts.create', { name: 'p', kind: 'text', content: { text: 'x' } });
    await expect(
      sql`UPDATE prompt_version SET message = 'rewritten'`.execute(core.store.db),
    ).rejects.toThrow(/immutable/);
  });
});

describe('labels', () => {
  it('moves latest on every version, keeps production where it was set, records each move', async () => {
    const { ok, fail } = api(await newCore());
    await ok('prompts.create', {
      name: 'sum',
      kind: 'user',
      content: { text: 'Summarise {{doc}}' },
      labels: ['production'],
    });
    await ok('prompts.update', { name: 'sum', content: { text: 'Summarise briefly: {{doc}}' } });

    const byDefault = await ok('prompts.get', { name: 'sum' });
    expect(byDefault.version.version).toBe('v1.0');
    expect(byDefault.prompt).toMatchObject({
      latestVersion: 'v1.1',
      labels: { latest: 'v1.1', production: 'v1.0' },
    });
    expect((await ok('prompts.get', { name: 'sum', label: 'latest' })).version.version).toBe(
      'v1.1',
    );
    expect((await ok('prompts.get', { name: 'sum', version: 'v1.0' })).version.labels).toEqual([
      'production',
    ]);

    const promoted = await ok('prompts.setLabel', {
      name: 'sum',
      label: 'production',
      version: 'v1.1',
    });
    expect(promoted.labels).toEqual({ latest: 'v1.1', production: 'v1.1' });
    await ok('prompts.setLabel', { name: 'sum', label: 'staging', version: 'v1.0' });

    const { events } = await ok('prompts.labelHistory', { name: 'sum' });
    expect(events.map((e) => [e.label, e.fromVersion, e.toVersion])).toEqual([
      ['staging', null, 'v1.0'],
      ['production', 'v1.0', 'v1.1'],
      ['latest', 'v1.0', 'v1.1'],
      ['production', null, 'v1.0'],
      ['latest', null, 'v1.0'],
    ]);
    expect(events.every((e) => e.actor.length > 0)).toBe(true);

    expect(
      (await fail('prompts.setLabel', { name: 'sum', label: 'latest', version: 'v1.0' })).code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await fail('prompts.setLabel', { name: 'sum', label: 'x', version: 'v9.0' })).code,
    ).toBe('NOT_FOUND');
    expect((await fail('prompts.get', { name: 'sum', label: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('falls back to latest when there is no production label', async () => {
    const { ok } = api(await newCore());
    await ok('prompts.create', { name: 'a', kind: 'text', content: { text: 'one' } });
    await ok('prompts.update', { name: 'a', content: { text: 'two' } });
    expect((await ok('prompts.get', { name: 'a' })).version.version).toBe('v1.1');
  });
});

describe('soft delete and list', () => {
  it('hides deleted prompts, keeps their name taken, and restores them', async () => {
    const { ok, fail } = api(await newCore());
    await ok('prompts.create', { name: 'gone', kind: 'text', content: { text: 'bye' } });
    expect(await ok('prompts.delete', { name: 'gone' })).toEqual({ deleted: true });
    expect(await ok('prompts.delete', { name: 'gone' })).toEqual({ deleted: false });
    expect((await ok('prompts.list', {})).prompts).toEqual([]);
    const listed = await ok('prompts.list', { includeDeleted: true });
    expect(listed.prompts[0]).toMatchObject({ name: 'gone', deletedAt: expect.any(String) });

    const get = await fail('prompts.get', { name: 'gone' });
    expect(get.code).toBe('NOT_FOUND');
    expect(get.message).toContain('restore');
    const taken = await fail('prompts.create', {
      name: 'gone',
      kind: 'text',
      content: { text: 'x' },
    });
    expect(taken.code).toBe('CONFLICT');

    expect(await ok('prompts.restore', { name: 'gone' })).toMatchObject({ deletedAt: null });
    expect((await ok('prompts.get', { name: 'gone' })).version.version).toBe('v1.0');
  });

  it('filters by kind, tag and label and searches name, description and latest text', async () => {
    const { ok } = api(await newCore());
    await ok('prompts.create', {
      name: 'support/triage',
      kind: 'system',
      description: 'Routes tickets',
      tags: ['support'],
      content: { text: 'You triage tickets.' },
      labels: ['production'],
    });
    await ok('prompts.create', {
      name: 'writer',
      kind: 'chat',
      tags: ['content'],
      content: { messages: [{ role: 'user', content: 'Write about PENGUINS' }] },
    });
    await ok('prompts.update', {
      name: 'writer',
      content: { messages: [{ role: 'user', content: 'Write about otters' }] },
    });
    const names = async (input: ChannelInput<'prompts.list'>) =>
      (await ok('prompts.list', input)).prompts.map((p) => p.name);
    expect(await names({})).toEqual(['support/triage', 'writer']);
    expect(await names({ kind: 'chat' })).toEqual(['writer']);
    expect(await names({ tag: 'support' })).toEqual(['support/triage']);
    expect(await names({ label: 'production' })).toEqual(['support/triage']);
    expect(await names({ search: 'ROUTES' })).toEqual(['support/triage']);
    expect(await names({ search: 'otters' })).toEqual(['writer']);
    // Only the latest version is searched.
    expect(await names({ search: 'penguins' })).toEqual([]);
    expect(await names({ search: 'TRIAGE' })).toEqual(['support/triage']);
    const [writer] = (await ok('prompts.list', { kind: 'chat' })).prompts;
    expect(writer).toMatchObject({
      latestVersion: 'v1.1',
      labels: { latest: 'v1.1' },
      tags: ['content'],
    });
  });
});

describe('composition and render', () => {
  async function withComponents() {
    const core = await newCore();
    const { ok } = api(core);
    await ok('prompts.create', {
      name: 'tone',
      kind: 'system',
      content: { text: 'Be {{style}}.', variables: [{ name: 'style', default: 'kind' }] },
      labels: ['production'],
    });
    await ok('prompts.update', {
      name: 'tone',
      content: { text: 'Be very {{style}}.', variables: [{ name: 'style', default: 'kind' }] },
    });
    await ok('prompts.create', {
      name: 'ask',
      kind: 'user',
      content: { text: 'Tell {{name}} about {{topic}}' },
    });
    return { core, ...api(core) };
  }

  it('follows a label at render time but keeps a pinned version fixed', async () => {
    const { ok } = await withComponents();
    await ok('prompts.create', {
      name: 'following',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', ref: { prompt: 'tone', label: 'production' } },
          { role: 'user', content: 'Hi {{name}}' },
        ],
      },
    });
    await ok('prompts.create', {
      name: 'pinned',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', ref: { prompt: 'tone', version: 'v1.0' } },
          { role: 'user', content: 'Hi {{name}}' },
        ],
      },
    });
    const render = (name: string) => ok('prompts.render', { name, variables: { name: 'Ada' } });
    expect((await render('following')).messages[0]).toEqual({
      role: 'system',
      content: 'Be kind.',
    });
    expect((await render('pinned')).messages[0]).toEqual({ role: 'system', content: 'Be kind.' });

    await ok('prompts.setLabel', { name: 'tone', label: 'production', version: 'v1.1' });
    const following = await render('following');
    expect(following.messages).toEqual([
      { role: 'system', content: 'Be very kind.' },
      { role: 'user', content: 'Hi Ada' },
    ]);
    expect(following.components).toEqual([{ prompt: 'tone', version: 'v1.1' }]);
    expect(following.text).toBeNull();
    const pinned = await render('pinned');
    expect(pinned.messages[0]).toEqual({ role: 'system', content: 'Be kind.' });
    expect(pinned.components).toEqual([{ prompt: 'tone', version: 'v1.0' }]);

    // A component's variables belong to the composition, with the component's defaults.
    const view = (await ok('prompts.get', { name: 'following' })).version;
    expect(view.variables).toEqual([{ name: 'style', default: 'kind' }, { name: 'name' }]);
  });

  it('lists every missing variable by name', async () => {
    const { ok, fail } = await withComponents();
    await ok('prompts.create', {
      name: 'chat',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', content: 'You are {{persona}}' },
          { role: 'user', ref: { prompt: 'ask' } },
        ],
      },
    });
    const err = await fail('prompts.render', { name: 'chat', variables: { topic: 'tides' } });
    expect(err).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'prompts.render: missing variables: persona, name',
      details: { missing: ['persona', 'name'] },
    });
    const rendered = await ok('prompts.render', {
      name: 'chat',
      variables: { persona: 'a guide', name: 'Ada', topic: 'tides', unused: 'ignored' },
    });
    expect(rendered.messages).toEqual([
      { role: 'system', content: 'You are a guide' },
      { role: 'user', content: 'Tell Ada about tides' },
    ]);
  });

  it('fills placeholders, and renders a missing one as no messages', async () => {
    const { ok } = await withComponents();
    await ok('prompts.create', {
      name: 'assistant',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', content: 'Help.' },
          { placeholder: 'history' },
          { role: 'user', content: '{{question}}' },
        ],
        config: { model: 'gpt-4o-mini', temperature: 0.2 },
      },
    });
    const history = [
      { role: 'user' as const, content: 'Hi {{not_a_variable}}' },
      { role: 'assistant' as const, content: 'Hello!' },
    ];
    const filled = await ok('prompts.render', {
      name: 'assistant',
      variables: { question: 'Why?' },
      placeholders: { history },
    });
    expect(filled.messages).toEqual([
      { role: 'system', content: 'Help.' },
      ...history,
      { role: 'user', content: 'Why?' },
    ]);
    expect(filled.config).toEqual({ model: 'gpt-4o-mini', temperature: 0.2 });
    const empty = await ok('prompts.render', {
      name: 'assistant',
      variables: { question: 'Why?' },
    });
    expect(empty.messages).toHaveLength(2);
  });

  it('renders text kinds as text plus one message of the right role', async () => {
    const { ok } = await withComponents();
    const sys = await ok('prompts.render', { name: 'tone', version: 'v1.0' });
    expect(sys).toMatchObject({
      text: 'Be kind.',
      messages: [{ role: 'system', content: 'Be kind.' }],
    });
    const user = await ok('prompts.render', { name: 'ask', variables: { name: 'A', topic: 'B' } });
    expect(user.messages).toEqual([{ role: 'user', content: 'Tell A about B' }]);
  });

  it('rejects a component of the wrong kind, a missing one and a self reference', async () => {
    const { ok, fail } = await withComponents();
    const wrongKind = await fail('prompts.create', {
      name: 'x',
      kind: 'chat',
      content: { messages: [{ role: 'system', ref: { prompt: 'ask' } }] },
    });
    expect(wrongKind.code).toBe('VALIDATION_FAILED');
    expect(wrongKind.message).toContain('"content.messages.0.ref"');
    expect(wrongKind.message).toContain('user prompt');

    const missing = await fail('prompts.create', {
      name: 'x',
      kind: 'chat',
      content: { messages: [{ role: 'user', ref: { prompt: 'nobody' } }] },
    });
    expect(missing.message).toContain('"nobody" does not exist');

    await ok('prompts.create', {
      name: 'selfish',
      kind: 'chat',
      content: { messages: [{ role: 'user', content: 'x' }] },
    });
    const self = await fail('prompts.update', {
      name: 'selfish',
      content: { messages: [{ role: 'user', ref: { prompt: 'selfish' } }] },
    });
    expect(self.message).toContain('cannot reference itself');

    const badVersion = await fail('prompts.create', {
      name: 'x',
      kind: 'chat',
      content: { messages: [{ role: 'system', ref: { prompt: 'tone', version: 'v7.0' } }] },
    });
    expect(badVersion.message).toContain('no version v7.0');

    await ok('prompts.delete', { name: 'tone' });
    const deleted = await fail('prompts.create', {
      name: 'x',
      kind: 'chat',
      content: { messages: [{ role: 'system', ref: { prompt: 'tone' } }] },
    });
    expect(deleted.message).toContain('is deleted');
  });

  it('purges only a deleted prompt that nothing references', async () => {
    const { core, ok } = await withComponents();
    await ok('prompts.create', {
      name: 'uses-tone',
      kind: 'chat',
      content: { messages: [{ role: 'system', ref: { prompt: 'tone', version: 'v1.0' } }] },
    });
    const prompts = core.services.prompts;
    await expect(prompts.purge('tone')).rejects.toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    await ok('prompts.delete', { name: 'tone' });
    await expect(prompts.purge('tone')).rejects.toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('uses-tone@v1.0'),
      }),
    );
    await ok('prompts.delete', { name: 'uses-tone' });
    await prompts.purge('uses-tone');
    await prompts.purge('tone');
    expect((await ok('prompts.list', { includeDeleted: true })).prompts.map((p) => p.name)).toEqual(
      ['ask'],
    );
    // The name is free again once purged.
    await ok('prompts.create', { name: 'tone', kind: 'system', content: { text: 'new' } });
  });

  it('turns a RESTRICT foreign key on a version into a coded conflict', async () => {
    const { core, ok } = await withComponents();
    const { db } = core.store;
    // Stands in for any table that keeps a version (an eval run does).
    await sql`CREATE TABLE fake_eval_run (
      id TEXT PRIMARY KEY,
      prompt_version_id TEXT NOT NULL REFERENCES prompt_version (id) ON DELETE RESTRICT
    )`.execute(db);
    const v = (await ok('prompts.get', { name: 'ask' })).version;
    await sql`INSERT INTO fake_eval_run VALUES ('run-1', ${v.id})`.execute(db);
    await ok('prompts.delete', { name: 'ask' });
    await expect(core.services.prompts.purge('ask')).rejects.toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('still referenced'),
      }),
    );
    expect(
      (await ok('prompts.list', { includeDeleted: true })).prompts.map((p) => p.name),
    ).toContain('ask');
  });
});

describe('diff', () => {
  it('diffs chat versions per message position, refs and config included', async () => {
    const { ok } = api(await newCore());
    await ok('prompts.create', { name: 'system-prompt', kind: 'system', content: { text: 'S' } });
    await ok('prompts.setLabel', { name: 'system-prompt', label: 'production', version: 'v1.0' });
    await ok('prompts.create', {
      name: 'bot',
      kind: 'chat',
      content: {
        messages: [
          { role: 'system', content: 'You are a helpful bot.' },
          { role: 'user', content: 'Question: {{q}}' },
          { role: 'assistant', content: 'Sure.' },
        ],
        config: { model: 'gpt-4o', temperature: 0.5 },
      },
    });
    await ok('prompts.update', {
      name: 'bot',
      content: {
        messages: [
          { role: 'system', ref: { prompt: 'system-prompt', label: 'production' } },
          { role: 'user', content: 'Question: {{q}}' },
        ],
        config: { model: 'gpt-4o', temperature: 0.7 },
      },
    });
    const diff = await ok('prompts.diff', { name: 'bot', from: 'v1.0', to: 'v1.1' });
    expect(diff.sections.map((s) => [s.title, s.change])).toEqual([
      ['message 1 (system)', 'changed'],
      ['message 2 (user)', 'unchanged'],
      ['message 3 (assistant)', 'removed'],
      ['config', 'changed'],
    ]);
    expect(diff.sections[0]!.after).toBe('→ system-prompt@production');
    const config = diff.sections[3]!;
    expect(config.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual([
      '"temperature": 0.5',
    ]);
    expect(config.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual([
      '"temperature": 0.7',
    ]);
  });

  it('diffs text versions word by word', async () => {
    const { ok } = api(await newCore());
    await ok('prompts.create', {
      name: 't',
      kind: 'text',
      content: { text: 'the quick brown fox' },
    });
    await ok('prompts.update', { name: 't', content: { text: 'the slow brown fox' } });
    const diff = await ok('prompts.diff', { name: 't', from: 'v1.0', to: 'v1.1' });
    expect(diff.sections[0]).toMatchObject({ title: 'text', change: 'changed' });
    expect(diff.sections[0]!.parts).toEqual([
      { value: 'the ', added: false, removed: false },
      { value: 'quick', added: false, removed: true },
      { value: 'slow', added: true, removed: false },
      { value: ' brown fox', added: false, removed: false },
    ]);
    expect(diff.sections.map((s) => s.title)).toEqual(['text', 'config']);
  });
});

describe('concurrent writers', () => {
  it('numbers concurrent saves uniquely and without gaps, each moving latest once', async () => {
    const { ok } = api(await newCore());
    await ok('prompts.create', { name: 'busy', kind: 'text', content: { text: 'v0' } });
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ok('prompts.update', { name: 'busy', content: { text: `save ${i}` } }),
      ),
    );
    expect(saves.every((s) => s.created)).toBe(true);
    const numbers = saves.map((s) => s.version.minor).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const { versions } = await ok('prompts.versions', { name: 'busy' });
    expect(versions.map((v) => v.version)).toEqual(
      Array.from({ length: 21 }, (_, i) => `v1.${20 - i}`),
    );
    // Each version's parent is the one before it: no save was based on a stale latest.
    for (const v of versions.slice(0, -1)) expect(v.parentVersion).toBe(`v1.${v.minor - 1}`);
    expect((await ok('prompts.get', { name: 'busy', label: 'latest' })).version.version).toBe(
      'v1.20',
    );
    const { events } = await ok('prompts.labelHistory', { name: 'busy' });
    const latest = events.filter((e) => e.label === 'latest').reverse();
    expect(latest.map((e) => e.toVersion)).toEqual(Array.from({ length: 21 }, (_, i) => `v1.${i}`));
  });

  it('records every concurrent label move once, as one unbroken chain', async () => {
    const { ok } = api(await newCore());
    await ok('prompts.create', { name: 'lab', kind: 'text', content: { text: 'v0' } });
    for (let i = 1; i < 10; i++)
      await ok('prompts.update', { name: 'lab', content: { text: `v${i}` } });
    const targets = Array.from({ length: 10 }, (_, i) => `v1.${i}`);
    await Promise.all(
      targets.map((version) =>
        ok('prompts.setLabel', { name: 'lab', label: 'production', version }),
      ),
    );
    const { events } = await ok('prompts.labelHistory', { name: 'lab' });
    const moves = events.filter((e) => e.label === 'production').reverse();
    expect(moves.map((e) => e.toVersion).sort()).toEqual(targets);
    expect(moves[0]!.fromVersion).toBeNull();
    for (let i = 1; i < moves.length; i++)
      expect(moves[i]!.fromVersion).toBe(moves[i - 1]!.toVersion);
    const { prompt } = await ok('prompts.get', { name: 'lab' });
    expect(prompt.labels.production).toBe(moves.at(-1)!.toVersion);
  });

  it('lets exactly one of two concurrent creates of a name win', async () => {
    const { ok } = api(await newCore());
    const core = cores.at(-1)!;
    const results = await Promise.all(
      ['a', 'b'].map((text) =>
        core.dispatcher.dispatch(
          'prompts.create',
          { name: 'race', kind: 'text', content: { text } },
          { transport: 'cli' },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost && !lost.ok && lost.error.code).toBe('CONFLICT');
    expect((await ok('prompts.versions', { name: 'race' })).versions).toHaveLength(1);
  });
});
