import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookiePair,
  dropRedisPrefix,
  startTeamServer,
  testTeamOptions,
  type TeamServer,
} from '../support/team-server';
import { addUser, PASSWORD, type TeamUser } from '../support/team-users';

// Two server processes' worth of state: one database, one Redis prefix, two cores and listeners.
const team = testTeamOptions('sessions');
const limits = { perAccount: 3, perAddress: 1000, windowMs: 60_000 };
let a: TeamServer;
let b: TeamServer;
beforeAll(async () => {
  a = await startTeamServer('sessions-a', { team, tuning: { limits } });
  b = await startTeamServer('sessions-b', {
    team,
    databaseUrl: a.databaseUrl,
    tuning: { limits },
  });
}, 60_000);
afterAll(async () => {
  await b.close();
  await a.close();
  await dropRedisPrefix(team);
});

let admin: TeamUser;

describe('first-run setup, login and sessions', () => {
  it('sets up one admin when two setups race on two servers', async () => {
    const input = (email: string) => ({ email, name: 'First', password: PASSWORD });
    const answers = await Promise.all([
      call(a.url, 'auth.setup', input('one@example.com')),
      call(b.url, 'auth.setup', input('two@example.com')),
    ]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    const winner = answers.find((x) => x.status === 200)!;
    const cookie = cookiePair(winner.setCookie);
    const users = await call<{ email: string; role: string }[]>(
      a.url,
      'auth.users.list',
      undefined,
      {
        cookie,
      },
    );
    expect(users.body.data).toHaveLength(1);
    expect(users.body.data![0]!.role).toBe('admin');
    // The session made on one server is good on the other.
    expect((await call(b.url, 'auth.status', undefined, { cookie })).body.data).toMatchObject({
      user: { role: 'admin' },
    });
    const email = users.body.data![0]!.email;
    const token = (
      await call<{ token: string }>(a.url, 'auth.tokens.create', { name: 'cli' }, { cookie })
    ).body.data!.token;
    admin = { id: '', email, cookie, token };
  });

  it('answers a wrong password and an unknown account alike, in similar time', async () => {
    await addUser(a.url, admin, 'viewer', 'timing@example.com');
    const time = async (email: string) => {
      const started = performance.now();
      const answer = await call(a.url, 'auth.login', { email, password: 'wrong password!!' });
      return { answer, ms: performance.now() - started };
    };
    const wrong = await time('timing@example.com');
    const unknown = await time('nobody@example.com');
    expect(wrong.answer.status).toBe(401);
    expect(unknown.answer.status).toBe(401);
    expect(unknown.answer.body.error).toEqual(wrong.answer.body.error);
    // Both pay for one argon2 verification: neither answers in a fraction of the other's time.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 4);
    expect(wrong.ms).toBeGreaterThan(unknown.ms / 4);
  });

  it('limits failed logins per account across both servers (shared in Redis)', async () => {
    await addUser(a.url, admin, 'editor', 'limited@example.com');
    const attempt = (url: string, password: string) =>
      call(url, 'auth.login', { email: 'limited@example.com', password });
    expect((await attempt(a.url, 'wrong password 1')).status).toBe(401);
    expect((await attempt(b.url, 'wrong password 2')).status).toBe(401);
    expect((await attempt(a.url, 'wrong password 3')).status).toBe(401);
    const blocked = await attempt(b.url, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.error?.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(blocked.setCookie).toBeNull();
    // Another account from the same address is not held back by it.
    expect(
      (await call(a.url, 'auth.login', { email: 'timing@example.com', password: PASSWORD })).status,
    ).toBe(200);
  });

  it('ends the other sessions on a password change, and all of them when disabled', async () => {
    const user = await addUser(a.url, admin, 'editor', 'changer@example.com');
    const second = cookiePair(
      (await call(b.url, 'auth.login', { email: user.email, password: PASSWORD })).setCookie,
    );
    const wrongCurrent = await call(
      a.url,
      'auth.password.change',
      { current: 'not it at all', next: 'a new long passphrase' },
      { cookie: user.cookie },
    );
    expect(wrongCurrent.status).toBe(401);
    const changed = await call(
      a.url,
      'auth.password.change',
      { current: PASSWORD, next: 'a new long passphrase' },
      { cookie: user.cookie },
    );
    expect(changed.status).toBe(200);
    expect((await call(a.url, 'prompts.list', {}, { cookie: user.cookie })).status).toBe(200);
    expect((await call(a.url, 'prompts.list', {}, { cookie: second })).status).toBe(401);

    await call(
      a.url,
      'auth.users.update',
      { id: user.id, disabled: true },
      { cookie: admin.cookie },
    );
    expect((await call(a.url, 'prompts.list', {}, { cookie: user.cookie })).status).toBe(401);
    expect((await call(a.url, 'prompts.list', {}, { bearer: user.token })).status).toBe(401);
    const relogin = await call(a.url, 'auth.login', {
      email: user.email,
      password: 'a new long passphrase',
    });
    expect(relogin.status).toBe(401);
  });

  it('keeps the last admin: not demoted, not disabled', async () => {
    const users = await call<{ id: string; email: string }[]>(a.url, 'auth.users.list', undefined, {
      cookie: admin.cookie,
    });
    const id = users.body.data!.find((u) => u.email === admin.email)!.id;
    for (const change of [{ role: 'editor' }, { disabled: true }]) {
      const refused = await call(
        a.url,
        'auth.users.update',
        { id, ...change },
        { cookie: admin.cookie },
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error?.message).toMatch(/last admin/);
    }
  });

  it('refuses hostile credentials and inputs with coded errors', async () => {
    const odd = [
      { cookie: 'assay_session=' + 'x'.repeat(10_000) },
      { cookie: "assay_session=' OR 1=1 --" },
      { cookie: 'assay_session' },
      { cookie: 'assay_session=%E0%A4%A' },
    ];
    for (const auth of odd) {
      const answer = await call(a.url, 'prompts.list', {}, auth);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('UNAUTHORIZED');
    }
    for (const bearer of [
      'x'.repeat(10_000),
      'assay_pat_' + 'a'.repeat(43),
      "'; DROP TABLE app_user; --",
    ]) {
      const answer = await call(a.url, 'prompts.list', {}, { bearer });
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('UNAUTHORIZED');
    }
    const emails = [
      'a'.repeat(300) + '@example.com',
      "x'; DROP TABLE app_user; --@x.com",
      'no-at-sign',
      '',
    ];
    for (const email of emails) {
      const answer = await call(a.url, 'auth.login', { email, password: 'whatever' });
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('VALIDATION_FAILED');
      expect(answer.body.error?.message).toMatch(/email/);
    }
    const sqlName = await call(
      a.url,
      'auth.users.create',
      {
        email: 'bobby@example.com',
        name: "Robert'); DROP TABLE app_user;--",
        password: PASSWORD,
        role: 'viewer',
      },
      { cookie: admin.cookie },
    );
    expect(sqlName.status).toBe(200);
    const huge = await call(a.url, 'auth.login', { email: 'a@b.co', password: 'p'.repeat(10_000) });
    expect(huge.body.error?.code).toBe('VALIDATION_FAILED');
  });

  it('needs a login for the event stream', async () => {
    expect((await fetch(`${a.url}/api/events`)).status).toBe(401);
    const ctrl = new AbortController();
    const res = await fetch(`${a.url}/api/events`, {
      headers: { cookie: admin.cookie },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    ctrl.abort();
  });
});
