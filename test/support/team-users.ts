import type { Role } from '../../shared/contract/auth';
import { call, cookiePair } from './team-server';

export const PASSWORD = 'correct horse battery staple';

export interface TeamUser {
  readonly id: string;
  readonly email: string;
  readonly cookie: string;
  readonly token: string;
}

function must<T>(answer: { status: number; body: { ok: boolean; data?: T; error?: unknown } }): T {
  if (!answer.body.ok)
    throw new Error(`call failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data as T;
}

/** First-run setup: the admin, signed in, with a personal API token. */
export async function setupAdmin(url: string, email = 'admin@example.com'): Promise<TeamUser> {
  const setup = await call<{ user: { id: string } }>(url, 'auth.setup', {
    email,
    name: 'Admin',
    password: PASSWORD,
  });
  const cookie = cookiePair(setup.setCookie);
  const { token } = must(
    await call<{ token: string }>(url, 'auth.tokens.create', { name: 'cli' }, { cookie }),
  );
  return { id: must(setup).user.id, email, cookie, token };
}

/** An account made by the admin, logged in, with a token of its own role. */
export async function addUser(
  url: string,
  admin: TeamUser,
  role: Role,
  email: string,
): Promise<TeamUser> {
  const user = must(
    await call<{ id: string }>(
      url,
      'auth.users.create',
      { email, name: role, password: PASSWORD, role },
      { cookie: admin.cookie },
    ),
  );
  const login = await call(url, 'auth.login', { email, password: PASSWORD });
  const cookie = cookiePair(login.setCookie);
  const { token } = must(
    await call<{ token: string }>(url, 'auth.tokens.create', { name: 'cli' }, { cookie }),
  );
  return { id: user.id, email, cookie, token };
}
