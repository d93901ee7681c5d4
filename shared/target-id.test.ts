import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from './contract';
import { parseTargetId } from './target-id';

describe('parseTargetId', () => {
  it("reads promptfoo's provider ids and Assay's own provider:model", () => {
    expect(parseTargetId('openai:chat:gpt-4o-mini')).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
    });
    expect(parseTargetId('anthropic:messages:claude-sonnet-4-5')).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
    });
    expect(parseTargetId('ollama:chat:llama3.2')).toEqual({ provider: 'local', model: 'llama3.2' });
    expect(parseTargetId('bedrock:anthropic.claude-3-haiku-20240307-v1:0')).toEqual({
      provider: 'bedrock',
      model: 'anthropic.claude-3-haiku-20240307-v1:0',
    });
    for (const bad of ['', 'gpt-4o', 'vertex:gemini-pro', 'openai:', 'file://x.js'])
      expect(parseTargetId(bad)).toBeNull();
  });

  it('round-trips every provider:model', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVIDER_IDS),
        fc.stringMatching(/^[a-z0-9][a-z0-9.:_-]{0,40}$/),
        (provider, model) => {
          fc.pre(!/^(chat|messages|completion):/.test(model));
          expect(parseTargetId(`${provider}:${model}`)).toEqual({ provider, model });
        },
      ),
    );
  });
});
