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

describe('team server behind a TLS proxy', () => {
  it('takes calls only from the public origin, and marks the cookie Secure', async () => {
    const proxied = await startTeamServer('login-proxy', {
      http: { publicUrl: 'https://assay.example.com', trustProxy: true },
    });
    try {
      const setup = await call(proxied.url, 'auth.setup', admin, {
        headers: { origin: 'https://assay.example.com', 'x-forwarded-for': '203.0.113.7' },
      });
      expect(setup.status).toBe(200);
      expect(setup.setCookie).toMatch(/Secure/);
      const cookie = cookiePair(setup.setCookie);
      const foreign = await call(
        proxied.url,
        'prompts.list',
        {},
        {
          cookie,
          headers: { origin: proxied.url },
        },
      );
      expect(foreign.status).toBe(403);
      const audit = await call<{ entries: { channel: string }[] }>(
        proxied.url,
        'auth.audit.list',
        {},
        { cookie },
      );
      expect(audit.body.data?.entries.map((e) => e.channel)).toContain('auth.setup');
      const rows = await proxied.core.store.db
        .selectFrom('audit_log')
        .select(['client_address', 'channel'])
        .execute();
      expect(rows.find((r) => r.channel === 'auth.setup')?.client_address).toBe('203.0.113.7');
    } finally {
      await proxied.close();
      await dropRedisPrefix(proxied.team);
    }
  });
});

describe('sessions slide, metrics take their own token', () => {
  it('renews a used session (and its cookie), and ends one unused for 14 days', async () => {
    let clock = Date.parse('2026-12-01T00:00:00.000Z');
    const timed = await startTeamServer('login-clock', {
      tuning: { now: () => clock },
      metrics: () => Promise.resolve('assay_up 1\n'),
      http: { metricsToken: 'scrape-secret-0123456789' },
    });
    try {
      const setup = await call(timed.url, 'auth.setup', admin);
      const cookie = cookiePair(setup.setCookie);
      clock += 10 * 24 * 3600 * 1000;
      const used = await call(timed.url, 'prompts.list', {}, { cookie });
      expect(used.status).toBe(200);
      expect(used.setCookie).toMatch(/^assay_session=.*Max-Age=1209600/);
      clock += 10 * 24 * 3600 * 1000;
      expect((await call(timed.url, 'prompts.list', {}, { cookie })).status).toBe(200);
      clock += 15 * 24 * 3600 * 1000;
      expect((await call(timed.url, 'prompts.list', {}, { cookie })).status).toBe(401);

      const metrics = (headers: Record<string, string>) =>
        fetch(`${timed.url}/metrics`, { headers }).then((r) => r.status);
      expect(await metrics({})).toBe(401);
      expect(await metrics({ authorization: 'Bearer wrong' })).toBe(401);
      expect(await metrics({ authorization: 'Bearer scrape-secret-0123456789' })).toBe(200);
      clock = Date.now();
      const login = await call(timed.url, 'auth.login', {
        email: admin.email,
        password: admin.password,
      });
      expect(await metrics({ cookie: cookiePair(login.setCookie) })).toBe(200);
    } finally {
      await timed.close();
      await dropRedisPrefix(timed.team);
    }
  });
});
