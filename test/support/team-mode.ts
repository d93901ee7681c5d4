import crypto from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { CHANNEL_ACCESS } from '../../shared/contract/access';
import { isChannel } from '../../shared/contract';

/**
 * Team mode for the end-to-end suite. `ASSAY_E2E_TEAM=1` runs every e2e file against
 * `assay serve --database <fresh PostgreSQL database> --redis …` signed in as an editor: the
 * harness creates the admin and an editor through the API when a server starts, API helpers
 * send the editor's token, and every browser page carries the editor's session cookie. The
 * team e2e (team.e2e.ts) starts team servers itself, whatever the switch says.
 */
export const E2E_TEAM = process.env.ASSAY_E2E_TEAM === '1';
export const TEST_REDIS_URL = process.env.ASSAY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The team server's session cookie (main/server/team-session.ts). */
export const SESSION_COOKIE = 'assay_session';
/** Long enough for the password rules; a test value, never a real secret. */
export const TEST_PASSWORD = 'e2e-password-0123456789';

export interface TeamAccount {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** `assay_session=…`, as a Cookie header sends it. */
  readonly cookie: string;
}

export interface TeamAccounts {
  readonly admin: TeamAccount;
  readonly editor: TeamAccount & { readonly token: string };
}

/** One Redis prefix per data directory: a restarted server finds its own keys again. */
const prefixes = new Map<string, string>();
/** The accounts of each running team server, by its URL. */
const accountsByUrl = new Map<string, TeamAccounts>();
let latestUrl: string | null = null;

export function redisPrefixFor(dataDir: string): string {
  const key = path.resolve(dataDir);
  let prefix = prefixes.get(key);
  if (!prefix) {
    prefix = `e2e_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    prefixes.set(key, prefix);
  }
  return prefix;
}

/** The arguments and environment that put `assay serve` in team mode on this database. */
export function teamServe(
  dataDir: string,
  databaseUrl: string,
): { args: string[]; env: Record<string, string> } {
  return {
    args: ['--database', databaseUrl, '--redis', TEST_REDIS_URL],
    env: { ASSAY_REDIS_PREFIX: redisPrefixFor(dataDir) },
  };
}

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  /** `name=value` of the session cookie the answer set, if it set one. */
  readonly sessionCookie: string | null;
}

/** One channel call with the given credentials (a session cookie or a bearer token). */
export async function teamCall<T = unknown>(
  baseUrl: string,
  channel: string,
  input: unknown,
  auth: { cookie?: string; token?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const res = await fetch(`${baseUrl}/api/${channel}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input ?? {}),
  });
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const pair = set?.split(';')[0] ?? null;
  return {
    status: res.status,
    body: (await res.json()) as ApiAnswer<T>['body'],
    sessionCookie: pair && pair !== `${SESSION_COOKIE}=` ? pair : null,
  };
}

async function must<T>(answer: Promise<ApiAnswer<T>>, what: string): Promise<ApiAnswer<T>> {
  const done = await answer;
  if (!done.body.ok) throw new Error(`${what}: ${done.body.error.code} ${done.body.error.message}`);
  return done;
}

/** Logs in by the API; the session cookie. */
export async function loginCookie(baseUrl: string, email: string, password: string) {
  const answer = await must(teamCall(baseUrl, 'auth.login', { email, password }), 'login');
  if (!answer.sessionCookie) throw new Error(`auth.login set no ${SESSION_COOKIE} cookie`);
  return answer.sessionCookie;
}

const ADMIN = { email: 'admin@e2e.test', name: 'E2E Admin' };
const EDITOR = { email: 'editor@e2e.test', name: 'E2E Editor' };

/**
 * The admin (first-run setup, or a login when the database already has it: a restarted server)
 * and an editor with a personal API token, all through the API as a client would.
 */
export async function bootstrapTeam(baseUrl: string): Promise<TeamAccounts> {
  const status = await must(
    teamCall<{ setupRequired: boolean }>(baseUrl, 'auth.status', {}),
    'auth.status',
  );
  let adminCookie: string;
  if (status.body.ok && status.body.data.setupRequired) {
    const setup = await must(
      teamCall(baseUrl, 'auth.setup', { ...ADMIN, password: TEST_PASSWORD }),
      'auth.setup',
    );
    adminCookie = setup.sessionCookie ?? (await loginCookie(baseUrl, ADMIN.email, TEST_PASSWORD));
  } else {
    adminCookie = await loginCookie(baseUrl, ADMIN.email, TEST_PASSWORD);
  }
  const users = await must(
    teamCall<{ email: string }[]>(baseUrl, 'auth.users.list', {}, { cookie: adminCookie }),
    'auth.users.list',
  );
  const known = users.body.ok && users.body.data.some((u) => u.email === EDITOR.email);
  if (!known) {
    await must(
      teamCall(
        baseUrl,
        'auth.users.create',
        { ...EDITOR, password: TEST_PASSWORD, role: 'editor' },
        { cookie: adminCookie },
      ),
      'auth.users.create',
    );
  }
  const editorCookie = await loginCookie(baseUrl, EDITOR.email, TEST_PASSWORD);
  const token = await must(
    teamCall<{ token: string }>(
      baseUrl,
      'auth.tokens.create',
      { name: `e2e ${Date.now()}`, role: 'editor' },
      { cookie: editorCookie },
    ),
    'auth.tokens.create',
  );
  if (!token.body.ok) throw new Error('unreachable');
  const accounts: TeamAccounts = {
    admin: { ...ADMIN, password: TEST_PASSWORD, cookie: adminCookie },
    editor: {
      ...EDITOR,
      password: TEST_PASSWORD,
      cookie: editorCookie,
      token: token.body.data.token,
    },
  };
  accountsByUrl.set(baseUrl, accounts);
  latestUrl = baseUrl;
  return accounts;
}

export function forgetTeamServer(baseUrl: string): void {
  accountsByUrl.delete(baseUrl);
  if (latestUrl === baseUrl) latestUrl = [...accountsByUrl.keys()].pop() ?? null;
}

/**
 * Credentials for API helpers when `baseUrl` is a team server (none otherwise): the editor's
 * bearer token, or for a channel only an admin may call (provider settings, prices, webhooks)
 * the admin's session, since a test sets such things up the way the team's admin would.
 */
export function authHeadersFor(baseUrl: string, channel?: string): Record<string, string> {
  const accounts = accountsByUrl.get(baseUrl.replace(/\/$/, ''));
  if (!accounts) return {};
  if (channel && isChannel(channel) && CHANNEL_ACCESS[channel] === 'admin')
    return { cookie: accounts.admin.cookie };
  return { authorization: `Bearer ${accounts.editor.token}` };
}

/** The admin's session cookie of the newest running team server, for a browser context. */
export function adminSessionCookie(): { name: string; value: string; url: string } | null {
  const accounts = latestUrl ? accountsByUrl.get(latestUrl) : undefined;
  if (!latestUrl || !accounts) return null;
  const value = accounts.admin.cookie.slice(SESSION_COOKIE.length + 1);
  return { name: SESSION_COOKIE, value, url: latestUrl };
}

/**
 * What an app sends the gateway of a team server beside its own provider key: the editor's
 * token in `x-assay-token`. None for a local server.
 */
export function gatewayHeadersFor(baseUrl: string): Record<string, string> {
  const accounts = accountsByUrl.get(baseUrl.replace(/\/$/, ''));
  return accounts ? { 'x-assay-token': accounts.editor.token } : {};
}

/** The editor's session cookie of the newest running team server, for a browser context. */
export function editorSessionCookie(): { name: string; value: string; url: string } | null {
  if (!latestUrl) return null;
  const accounts = accountsByUrl.get(latestUrl);
  if (!accounts) return null;
  const value = accounts.editor.cookie.slice(SESSION_COOKIE.length + 1);
  return { name: SESSION_COOKIE, value, url: latestUrl };
}

/** Deletes this file's Redis keys (only those under its own prefixes; never anyone else's). */
afterAll(async () => {
  const used = [...prefixes.values()];
  prefixes.clear();
  if (used.length === 0) return;
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for (const prefix of used) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}, 60_000);
