import { openTestCore } from '../support/test-database';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { tempDir } from '../support/temp-dir';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

async function newCore(): Promise<Core> {
  const dataDir = tempDir('assay-datasets-');
  const core = await openTestCore(dataDir, {});
  cores.push(core);
  return core;
}

/** Calls a channel through the dispatcher (parsing included) and returns the result as is. */
function client(core: Core) {
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    core.dispatcher.dispatch(channel, input, { transport: 'cli' });
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.data as ChannelOutput<C>;
  };
  const fail = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await call(channel, input);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return result.error;
  };
  return { ok, fail };
}

describe('datasets and test cases', () => {
  it('creates, lists with filters, renames, soft-deletes and restores datasets', async () => {
    const { ok, fail } = client(await newCore());
    const created = await ok('datasets.create', {
      name: 'support-faq',
      description: 'Refund questions',
      tags: ['support', 'support', ' beta '],
    });
    expect(created).toMatchObject({
      name: 'support-faq',
      interactionType: 'chat',
      tags: ['support', 'beta'],
      caseCount: 0,
      deletedAt: null,
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    await ok('datasets.create', { name: 'invoices', interactionType: 'extraction' });
    expect(await fail('datasets.create', { name: 'invoices' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await fail('datasets.create', { name: 'Bad Name' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('"name"'),
    });

    const names = async (input: ChannelInput<'datasets.list'>) =>
      (await ok('datasets.list', input)).datasets.map((d) => d.name);
    expect(await names({})).toEqual(['invoices', 'support-faq']);
    expect(await names({ tag: 'beta' })).toEqual(['support-faq']);
    expect(await names({ interactionType: 'extraction' })).toEqual(['invoices']);
    expect(await names({ search: 'REFUND' })).toEqual(['support-faq']);

    const renamed = await ok('datasets.update', {
      name: 'support-faq',
      newName: 'support/faq',
      interactionType: 'classification',
      tags: ['gold'],
    });
    expect(renamed).toMatchObject({
      name: 'support/faq',
      interactionType: 'classification',
      tags: ['gold'],
      description: 'Refund questions',
    });
    expect(
      await fail('datasets.update', { name: 'support/faq', newName: 'invoices' }),
    ).toMatchObject({ code: 'CONFLICT' });

    expect(await ok('datasets.delete', { name: 'invoices' })).toEqual({ deleted: true });
    expect(await ok('datasets.delete', { name: 'invoices' })).toEqual({ deleted: false });
    expect(await names({})).toEqual(['support/faq']);
    expect(await names({ includeDeleted: true })).toEqual(['invoices', 'support/faq']);
    expect(await fail('datasets.create', { name: 'invoices' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('deleted dataset'),
    });
    expect(await fail('cases.add', { dataset: 'invoices', cases: [{ vars: {} }] })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('restore it'),
    });
    // Still readable while deleted, so it can be inspected before a restore.
    expect((await ok('datasets.get', { name: 'invoices' })).dataset.deletedAt).not.toBeNull();
    expect(await ok('datasets.restore', { name: 'invoices' })).toMatchObject({ deletedAt: null });
    expect(await fail('datasets.get', { name: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('adds cases in order, pages them, filters by tag and searches values', async () => {
    const { ok } = client(await newCore());
    await ok('datasets.create', { name: 'qa' });
    const { cases } = await ok('cases.add', {
      dataset: 'qa',
      cases: Array.from({ length: 25 }, (_, i) => ({
        vars: { input: `Question ${i}`, ...(i === 7 ? { note: 'Ünïcode "quoted" needle' } : {}) },
        expected: i % 2 === 0 ? `Answer ${i}` : { answer: i },
        tags: i % 5 === 0 ? ['five'] : [],
        ...(i === 3 ? { description: 'the tricky one' } : {}),
      })),
    });
    expect(cases.map((c) => c.position)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(cases[1]).toMatchObject({ expected: { answer: 1 }, revision: 1, sourceSpanId: null });
    expect(cases[0]!.matchers).toEqual([]);

    const page = await ok('datasets.get', { name: 'qa', offset: 10, limit: 5 });
    expect(page).toMatchObject({ total: 25, offset: 10, limit: 5 });
    expect(page.dataset.caseCount).toBe(25);
    expect(page.cases.map((c) => c.vars.input)).toEqual(
      [10, 11, 12, 13, 14].map((i) => `Question ${i}`),
    );

    const tagged = await ok('cases.list', { dataset: 'qa', tag: 'five', limit: 2 });
    expect(tagged.total).toBe(5);
    expect(tagged.cases.map((c) => c.position)).toEqual([0, 5]);

    const search = (s: string) => ok('cases.list', { dataset: 'qa', search: s });
    expect((await search('"QUOTED" NEEDLE')).cases.map((c) => c.position)).toEqual([7]);
    expect((await search('ünïcode')).total).toBe(1);
    expect((await search('answer 2')).cases.map((c) => c.position)).toEqual([2, 20, 22, 24]);
    // Structured expected output is searched as its JSON text (keys included).
    expect((await search('{"answer":1')).cases.map((c) => c.position)).toEqual([
      1, 11, 13, 15, 17, 19,
    ]);
    expect((await search('tricky')).cases.map((c) => c.position)).toEqual([3]);
    const searchedPage = await ok('cases.list', {
      dataset: 'qa',
      search: 'question 1',
      offset: 2,
      limit: 3,
    });
    expect(searchedPage.total).toBe(11);
    expect(searchedPage.cases.map((c) => c.position)).toEqual([11, 12, 13]);
  });

  it('bumps the revision on every edit, not on a no-op, and refuses stale edits', async () => {
    const { ok, fail } = client(await newCore());
    await ok('datasets.create', { name: 'qa' });
    const [first] = (
      await ok('cases.add', {
        dataset: 'qa',
        cases: [
          {
            vars: { input: 'a', b: 'c' },
            expected: 'x',
            matchers: [{ type: 'contains', value: 'x' }],
          },
        ],
      })
    ).cases;
    const id = first!.id;
    const edited = await ok('cases.update', { id, expected: 'y', tags: ['edited'] });
    expect(edited).toMatchObject({
      revision: 2,
      expected: 'y',
      tags: ['edited'],
      vars: { input: 'a', b: 'c' },
    });
    // Same meaning (keys reordered): no new revision.
    const same = await ok('cases.update', { id, vars: { b: 'c', input: 'a' } });
    expect(same.revision).toBe(2);
    expect(same.updatedAt).toBe(edited.updatedAt);
    const cleared = await ok('cases.update', { id, expected: null, baseRevision: 2 });
    expect(cleared.revision).toBe(3);
    expect(cleared).not.toHaveProperty('expected');
    expect(await fail('cases.update', { id, description: 'late', baseRevision: 2 })).toMatchObject({
      code: 'CONFLICT',
      details: { baseRevision: 2, revision: 3 },
    });
    expect(
      await fail('cases.update', {
        id,
        matchers: [{ type: 'contains' }, { type: 'regex', pattern: '(' }],
      }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^cases\.update: matchers\[0\]\.value: .*\(and 1 more\)$/),
    });
    expect((await ok('datasets.get', { name: 'qa' })).cases[0]!.revision).toBe(3);

    expect(await ok('cases.delete', { id })).toEqual({ deleted: true });
    expect(await ok('cases.delete', { id })).toEqual({ deleted: false });
    expect((await ok('datasets.get', { name: 'qa' })).total).toBe(0);
    expect(await fail('cases.update', { id, description: 'gone' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await fail('cases.delete', { id: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    // Positions are never reused: the next case goes after the deleted one.
    const [next] = (await ok('cases.add', { dataset: 'qa', cases: [{ vars: {} }] })).cases;
    expect(next!.position).toBe(1);
  });

  it('names the case and field of an invalid matcher and adds nothing', async () => {
    const core = await newCore();
    const { ok, fail } = client(core);
    await ok('datasets.create', { name: 'qa' });
    const error = await fail('cases.add', {
      dataset: 'qa',
      cases: [
        { vars: { input: 'fine' }, matchers: [{ type: 'contains', value: 'x' }] },
        { vars: { input: 'x' } },
        { vars: { input: 'x' } },
        { vars: { input: 'bad' }, matchers: [{ type: 'regex', pattern: '[unclosed' }] },
      ],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /^cases\.add: cases\[3\]\.matchers\[0\]\.pattern: Invalid regular expression/,
      ),
      details: { issues: [{ path: 'cases.3.matchers.0.pattern', message: expect.any(String) }] },
    });
    expect(
      await fail('cases.add', { dataset: 'qa', cases: [{ vars: { 'bad name': 'x' } }] }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(
      await fail('cases.add', {
        dataset: 'qa',
        cases: [{ vars: {}, matchers: [{ type: 'wat' }] }],
      }),
    ).toMatchObject({
      message: expect.stringContaining('cases[0].matchers[0].type: unknown matcher type "wat"'),
    });
    expect((await ok('datasets.get', { name: 'qa' })).total).toBe(0);
  });
});
