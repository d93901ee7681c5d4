import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cookiePair,
  dropRedisPrefix,
  startTeamServer,
  type TeamServer,
} from '../support/team-server';

let s: TeamServer;
beforeAll(async () => {
  s = await startTeamServer('login');
});
afterAll(async () => {
  await s.close();
  await dropRedisPrefix(s.team);
});

const admin = { email: 'Admin@Example.com', name: 'Ada', password: 'correct horse battery' };

describe('team server login over HTTP', () => {
  it('asks for setup, sets up the first admin once, logs in with an HttpOnly cookie, logs out', async () => {
    const before = await call(s.url, 'auth.status', undefined);
    expect(before.body).toEqual({
      ok: true,
      data: { mode: 'team', setupRequired: true, user: null },
    });

    const anonymous = await call(s.url, 'prompts.list', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('UNAUTHORIZED');

    const setup = await call<{ user: { email: string; role: string } }>(s.url, 'auth.setup', admin);
    expect(setup.status).toBe(200);
    expect(setup.body.data?.user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    // The secret travels in the cookie only.
    expect(JSON.stringify(setup.body)).not.toMatch(/token|session/);
    expect(setup.setCookie).toMatch(/^assay_session=[A-Za-z0-9_-]{43};/);
    expect(setup.setCookie).toMatch(/HttpOnly/);
    expect(setup.setCookie).toMatch(/SameSite=Strict/);

    const again = await call(s.url, 'auth.setup', { ...admin, email: 'b@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('CONFLICT');

    const login = await call(s.url, 'auth.login', { email: admin.email, password: admin.password });
    expect(login.status).toBe(200);
    const cookie = cookiePair(login.setCookie);
    const status = await call<{ user: { email: string } }>(s.url, 'auth.status', undefined, {
      cookie,
    });
    expect(status.body.data?.user?.email).toBe('admin@example.com');
    expect((await call(s.url, 'prompts.list', {}, { cookie })).status).toBe(200);

    const out = await call(s.url, 'auth.logout', undefined, { cookie });
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(/assay_session=;.*Max-Age=0/);
    expect((await call(s.url, 'prompts.list', {}, { cookie })).status).toBe(401);
  });
});
