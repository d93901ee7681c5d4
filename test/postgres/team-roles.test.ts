import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { CHANNEL_ACCESS } from '../../shared/contract/access';
import { call, dropRedisPrefix, startTeamServer, type TeamServer } from '../support/team-server';
import { addUser, setupAdmin, type TeamUser } from '../support/team-users';

let s: TeamServer;
let admin: TeamUser;
let editor: TeamUser;
let viewer: TeamUser;
beforeAll(async () => {
  s = await startTeamServer('roles');
  admin = await setupAdmin(s.url);
  editor = await addUser(s.url, admin, 'editor', 'editor@example.com');
  viewer = await addUser(s.url, admin, 'viewer', 'viewer@example.com');
}, 60_000);
afterAll(async () => {
  await s.close();
  await dropRedisPrefix(s.team);
});

// Logging out with a token ends no session; every other channel runs with `{}` as its input,
// which most refuse as invalid: what matters here is whether the role check let it through.
const ALL = Object.keys(channels).sort();

async function statuses(bearer: string | undefined): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const channel of ALL) {
    const answer = await call(s.url, channel, {}, bearer === undefined ? {} : { bearer });
    out.set(channel, answer.status);
    if (answer.status === 401 || answer.status === 403) expect(answer.body.ok).toBe(false);
  }
  return out;
}

describe('every channel for every role', () => {
  it('anonymous: 401 everywhere but status, setup and login', async () => {
    const got = await statuses(undefined);
    for (const channel of ALL) {
      if (CHANNEL_ACCESS[channel as keyof typeof CHANNEL_ACCESS] === 'public')
        expect(got.get(channel), channel).not.toBe(401);
      else expect(got.get(channel), channel).toBe(401);
    }
  });

  it('viewer: 403 on every write and admin channel, never on reads or their own account', async () => {
    const got = await statuses(viewer.token);
    for (const channel of ALL) {
      const access = CHANNEL_ACCESS[channel as keyof typeof CHANNEL_ACCESS];
      if (access === 'write' || access === 'admin') expect(got.get(channel), channel).toBe(403);
      else expect([401, 403], channel).not.toContain(got.get(channel));
    }
  }, 120_000);

  it('editor: 403 on admin channels only', async () => {
    const got = await statuses(editor.token);
    for (const channel of ALL) {
      const access = CHANNEL_ACCESS[channel as keyof typeof CHANNEL_ACCESS];
      if (access === 'admin') expect(got.get(channel), channel).toBe(403);
      else expect([401, 403], channel).not.toContain(got.get(channel));
    }
  }, 120_000);

  it('admin: never refused', async () => {
    const got = await statuses(admin.token);
    for (const channel of ALL) expect([401, 403], channel).not.toContain(got.get(channel));
  }, 120_000);

  it('refuses a valid write before it runs: nothing is stored, and the refusal is audited', async () => {
    const input = {
      name: 'sneaky',
      type: 'chat',
      messages: [{ role: 'user', content: 'hi' }],
    };
    const refused = await call(s.url, 'prompts.create', input, { bearer: viewer.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('FORBIDDEN');
    const listed = await call<{ items?: unknown[] } | unknown[]>(
      s.url,
      'prompts.list',
      {},
      {
        bearer: admin.token,
      },
    );
    expect(JSON.stringify(listed.body.data)).not.toContain('sneaky');

    const audit = await call<{
      entries: {
        channel: string;
        userEmail: string;
        ok: boolean;
        errorCode: string | null;
        via: string;
      }[];
    }>(s.url, 'auth.audit.list', { limit: 500 }, { cookie: admin.cookie });
    const entry = audit.body.data!.entries.find(
      (e) => e.channel === 'prompts.create' && e.userEmail === viewer.email,
    );
    expect(entry).toMatchObject({ ok: false, errorCode: 'FORBIDDEN', via: 'token' });
    // Reads are not audited; the input (a password here) never is.
    expect(audit.body.data!.entries.some((e) => e.channel === 'prompts.list')).toBe(false);
    expect(JSON.stringify(audit.body.data)).not.toContain('correct horse');
  });
});
