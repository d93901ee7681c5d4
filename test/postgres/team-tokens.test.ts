import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiFake } from '../fakes/openai-fake';
import type { FakeServer } from '../fakes/fake-http';
import { newSpanId, newTraceId, otlpJson } from '../support/otlp-requests';
import { call, dropRedisPrefix, startTeamServer, type TeamServer } from '../support/team-server';
import { addUser, setupAdmin, type TeamUser } from '../support/team-users';

const STORED_KEY = 'sk-stored-openai-0123456789abcdef';
let s: TeamServer;
let openai: FakeServer;
let admin: TeamUser;
let editor: TeamUser;
let viewer: TeamUser;
beforeAll(async () => {
  openai = await startOpenAiFake({ streamGapMs: 0 });
  s = await startTeamServer('tokens', {
    env: { OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_API_KEY: STORED_KEY },
  });
  admin = await setupAdmin(s.url);
  editor = await addUser(s.url, admin, 'editor', 'editor@example.com');
  viewer = await addUser(s.url, admin, 'viewer', 'viewer@example.com');
}, 60_000);
afterAll(async () => {
  await s.close();
  await openai.close();
  await dropRedisPrefix(s.team);
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: s.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const chat = (headers: Record<string, string>) =>
  fetch(`${s.url}/gateway/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
  });

const otlp = (headers: Record<string, string>) =>
  fetch(`${s.url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(otlpJson([{ traceId: newTraceId(), spanId: newSpanId(), name: 'op' }])),
  });

describe('personal API tokens', () => {
  it('are shown once, stored only as a hash with a display prefix, and never in plaintext', async () => {
    const created = await call<{ token: string; info: { id: string; prefix: string } }>(
      s.url,
      'auth.tokens.create',
      { name: 'laptop', expiresInDays: 30 },
      { cookie: editor.cookie },
    );
    const { token, info } = created.body.data!;
    expect(token.startsWith(info.prefix)).toBe(true);
    const listed = await call(s.url, 'auth.tokens.list', undefined, { cookie: editor.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).toContain(info.prefix);

    const dump = JSON.stringify([
      ...(await rows('SELECT * FROM api_token')),
      ...(await rows('SELECT * FROM user_session')),
      ...(await rows('SELECT * FROM app_user')),
      ...(await rows('SELECT * FROM audit_log')),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(editor.token);
    expect(dump).not.toContain(editor.cookie.split('=')[1]);
    expect(dump).not.toContain('correct horse');
    expect(dump).toMatch(/\$argon2id\$/);
  });

  it('authenticate API calls; revoked and expired tokens are refused', async () => {
    const make = async () =>
      (
        await call<{ token: string; info: { id: string } }>(
          s.url,
          'auth.tokens.create',
          { name: 'temp' },
          { cookie: editor.cookie },
        )
      ).body.data!;
    const revoked = await make();
    expect((await call(s.url, 'prompts.list', {}, { bearer: revoked.token })).status).toBe(200);
    const r = await call(
      s.url,
      'auth.tokens.revoke',
      { id: revoked.info.id },
      { cookie: editor.cookie },
    );
    expect(r.body.data).toEqual({ revoked: true });
    const after = await call(s.url, 'prompts.list', {}, { bearer: revoked.token });
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('UNAUTHORIZED');

    const expired = await make();
    await rows(
      `UPDATE api_token SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = '${expired.info.id}'`,
    );
    expect((await call(s.url, 'prompts.list', {}, { bearer: expired.token })).status).toBe(401);
  });

  it('never outrank their owner: a viewer cannot make an editor token; a demotion bites', async () => {
    const refused = await call(
      s.url,
      'auth.tokens.create',
      { name: 'x', role: 'editor' },
      {
        cookie: viewer.cookie,
      },
    );
    expect(refused.status).toBe(403);
    const demoted = await addUser(s.url, admin, 'editor', 'demoted@example.com');
    expect(
      (await call(s.url, 'datasets.create', { name: 'd1' }, { bearer: demoted.token })).status,
    ).toBe(200);
    await call(
      s.url,
      'auth.users.update',
      { id: demoted.id, role: 'viewer' },
      { cookie: admin.cookie },
    );
    expect(
      (await call(s.url, 'datasets.create', { name: 'd2' }, { bearer: demoted.token })).status,
    ).toBe(403);
  });

  it('let the gateway use the stored provider key for an editor token, and refuse the rest', async () => {
    const ok = await chat({ authorization: `Bearer ${editor.token}` });
    expect(ok.status).toBe(200);
    const upstream = openai.requests.at(-1)!;
    expect(upstream.headers.authorization).toBe(`Bearer ${STORED_KEY}`);
    expect(JSON.stringify(upstream.headers)).not.toContain(editor.token);

    const beside = await chat({
      authorization: 'Bearer sk-client-own',
      'x-assay-token': editor.token,
    });
    expect(beside.status).toBe(200);
    expect(openai.requests.at(-1)!.headers.authorization).toBe('Bearer sk-client-own');

    expect((await chat({})).status).toBe(401);
    expect((await chat({ authorization: 'Bearer sk-client-own' })).status).toBe(401);
    expect((await chat({ authorization: `Bearer ${viewer.token}` })).status).toBe(403);
    expect((await chat({ 'x-assay-token': 'assay_pat_' + 'x'.repeat(10_000) })).status).toBe(401);
  });

  it('let OTLP ingest take an editor token, and refuse the rest', async () => {
    expect((await otlp({ authorization: `Bearer ${editor.token}` })).status).toBe(200);
    expect((await otlp({ authorization: `Bearer ${admin.token}` })).status).toBe(200);
    expect((await otlp({})).status).toBe(401);
    expect((await otlp({ authorization: `Bearer ${viewer.token}` })).status).toBe(403);
    expect((await otlp({ authorization: `Bearer ${'a'.repeat(10_000)}` })).status).toBe(401);
  });

  it('records the last use, at most once a minute', async () => {
    const list = await call<{ lastUsedAt: string | null; name: string }[]>(
      s.url,
      'auth.tokens.list',
      undefined,
      { cookie: editor.cookie },
    );
    const cli = list.body.data!.find((t) => t.name === 'cli');
    expect(cli?.lastUsedAt).not.toBeNull();
  });
});
