import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../test/support/test-database';
import { AssayError } from '../../../shared/errors';
import { PromptService } from '../../prompts/prompt-service';
import type { Store } from '../../store/store';
import { ProviderError } from '../../llm/provider-error';
import { BUILT_IN_JUDGE_PROMPTS } from '../grading/built-in-judge-prompts';
import { isProviderOutage, resolveJudgePrompt } from './registry-judge';

let store: Store;
let prompts: PromptService;

beforeAll(async () => {
  store = await openTestStore();
  prompts = new PromptService(store, () => 'test');
});
afterAll(() => store.close());

const builtIn = BUILT_IN_JUDGE_PROMPTS.Safety;
const override = {
  messages: [
    { role: 'system' as const, content: 'Our safety policy. {{rubric}}' },
    { role: 'user' as const, content: '<output>{{output}}</output> ({{house}})' },
  ],
  variables: [{ name: 'house', default: 'ACME' }],
};

async function failure(work: Promise<unknown>): Promise<AssayError> {
  const err: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AssayError)) throw new Error(`expected an AssayError, got ${String(err)}`);
  return err;
}

describe('judge prompts for online scoring', () => {
  it('answers with the shipped built-in judge prompt while the registry has none of the name', async () => {
    const ref = { name: builtIn.promptName, label: 'production' };
    expect(await resolveJudgePrompt(prompts, ref)).toEqual({ messages: builtIn.messages });
    expect(await resolveJudgePrompt(prompts, { name: builtIn.promptName })).toEqual({
      messages: builtIn.messages,
    });
    // A pinned version is the registry's alone; another label or name has nothing to fall back on.
    expect(
      (await failure(resolveJudgePrompt(prompts, { name: builtIn.promptName, version: 'v1.0' })))
        .code,
    ).toBe('NOT_FOUND');
    expect((await failure(resolveJudgePrompt(prompts, { name: 'no-such-judge' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('takes the registry prompt of that name once a user creates one, and the built-in again once it is deleted', async () => {
    await prompts.create({ name: builtIn.promptName, kind: 'chat', content: override });
    const own = await resolveJudgePrompt(prompts, {
      name: builtIn.promptName,
      label: 'production',
    });
    expect(own).toEqual({ messages: override.messages, defaults: { house: 'ACME' } });
    expect(
      await resolveJudgePrompt(prompts, { name: builtIn.promptName, version: 'v1.0' }),
    ).toEqual(own);
    // A label the prompt lacks is the user's mistake, not a reason to judge with something else.
    expect(
      (await failure(resolveJudgePrompt(prompts, { name: builtIn.promptName, label: 'staging' })))
        .code,
    ).toBe('NOT_FOUND');
    await prompts.delete(builtIn.promptName);
    expect(await resolveJudgePrompt(prompts, { name: builtIn.promptName })).toEqual({
      messages: builtIn.messages,
    });
  });

  it('holds a rule only for failures that are not the request’s own', () => {
    const of = (errorClass: ProviderError['errorClass']) =>
      new ProviderError({ provider: 'openai', errorClass, message: 'x' });
    expect(isProviderOutage(of('bad_request'))).toBe(false);
    for (const c of [
      'rate_limited',
      'overloaded',
      'server_error',
      'timeout',
      'connection',
      'auth',
      'aborted',
      'unknown',
    ] as const)
      expect(isProviderOutage(of(c))).toBe(true);
    expect(isProviderOutage(new Error('no key configured'))).toBe(true);
  });
});
