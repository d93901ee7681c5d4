import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STORED_ANTHROPIC_KEY,
  STORED_OPENAI_KEY,
  spanCount,
  startGatewayHarness,
  type GatewayHarness,
} from './gateway-harness';

const TOKEN = 'assay-server-token-0123456789abcdef';
const OWN_KEY = 'sk-own-openai-key-0123456789abcdef';
let h: GatewayHarness;

beforeAll(async () => {
  h = await startGatewayHarness({ token: TOKEN });
});
afterAll(() => h.close());

const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
const post = (headers: Record<string, string>) =>
  fetch(`${h.server.url}/gateway/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('gateway on a server started with a token', () => {
  it('refuses a call without the token with a coded 401, forwarding and storing nothing', async () => {
    const forwarded = h.openai.requests.length;
    const spans = await spanCount(h.core);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${OWN_KEY}` },
      { 'x-assay-token': 'wrong' },
    ];
    for (const headers of attempts) {
      const res = await post(headers);
      expect(res.status).toBe(401);
      const json = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(json.ok).toBe(false);
      expect(json.error.code).toBe('UNAUTHORIZED');
      expect(JSON.stringify(json)).not.toContain(OWN_KEY);
    }
    const sdk = new OpenAI({
      baseURL: `${h.server.url}/gateway/openai/v1`,
      apiKey: OWN_KEY,
      maxRetries: 0,
    });
    await expect(sdk.models.list()).rejects.toMatchObject({ status: 401 });
    expect(h.openai.requests.length).toBe(forwarded);
    expect(await spanCount(h.core)).toBe(spans);
  });

  it('uses the stored key when the token is sent as the key', async () => {
    const sdk = new OpenAI({
      baseURL: `${h.server.url}/gateway/openai/v1`,
      apiKey: TOKEN,
      maxRetries: 0,
    });
    const answer = await sdk.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'stored' }],
    });
    expect(answer.choices[0]!.message.content).toBe('Echo: stored');
    expect(h.openai.requests.at(-1)!.headers.authorization).toBe(`Bearer ${STORED_OPENAI_KEY}`);

    const claude = new Anthropic({
      baseURL: `${h.server.url}/gateway/anthropic`,
      apiKey: TOKEN,
      maxRetries: 0,
    });
    await claude.messages.create({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'stored' }],
    });
    expect(h.anthropic.requests.at(-1)!.headers['x-api-key']).toBe(STORED_ANTHROPIC_KEY);
  });

  it("passes the app's own key through when the token comes in x-assay-token", async () => {
    const sdk = new OpenAI({
      baseURL: `${h.server.url}/gateway/openai/v1`,
      apiKey: OWN_KEY,
      maxRetries: 0,
      defaultHeaders: { 'x-assay-token': TOKEN },
    });
    await sdk.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'own' }],
    });
    const sent = h.openai.requests.at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${OWN_KEY}`);
    expect(sent.headers['x-assay-token']).toBeUndefined();
  });

  it('refuses cross-origin browser calls and non-JSON bodies', async () => {
    const cross = await post({ authorization: `Bearer ${TOKEN}`, origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    const text = await fetch(`${h.server.url}/gateway/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      body,
    });
    expect(text.status).toBe(415);
  });
});
