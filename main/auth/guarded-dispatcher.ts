import { isChannel, type Channel } from '../../shared/contract';
import { CHANNEL_ACCESS, isAudited, roleAtLeast, roleNeeded } from '../../shared/contract/access';
import { AssayError, type ErrorPayload, type Result } from '../../shared/errors';
import type { CallContext, Dispatcher } from '../api/dispatcher';
import type { AuthService } from './auth-service';

/** Login and setup are public, yet who logged in (or failed to) belongs in the log too. */
const AUDITED_PUBLIC = new Set<Channel>(['auth.setup', 'auth.login']);
/** Fields that name what a write is about; never anything else of the input (it may hold secrets). */
const TARGET_FIELDS = ['id', 'runId', 'datasetId', 'promptId', 'queueId', 'ruleId', 'name'];
const MAX_TARGET = 200;

function refusal(name: string, ctx: CallContext): ErrorPayload | null {
  const access = isChannel(name) ? CHANNEL_ACCESS[name] : null;
  if (access === 'public') return null;
  if (!ctx.principal)
    return new AssayError(
      'UNAUTHORIZED',
      'Log in first (or send "Authorization: Bearer <personal API token>")',
    ).toPayload();
  if (access === null) return null; // the dispatcher answers UNKNOWN_CHANNEL
  const needed = roleNeeded(access);
  if (needed && !roleAtLeast(ctx.principal.role, needed))
    return new AssayError(
      'FORBIDDEN',
      `${name} needs the ${needed} role; you are ${ctx.principal.role}`,
      {
        needed,
        role: ctx.principal.role,
      },
    ).toPayload();
  return null;
}

function idOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  for (const field of TARGET_FIELDS) {
    const v = record[field];
    if (typeof v === 'string' && v.length > 0 && v.length <= MAX_TARGET) return v;
  }
  return null;
}

/** The user a successful login or setup answered with (their call had no principal yet). */
function grantedUser(result: Result<unknown>): { id: string; email: string } | null {
  if (!result.ok || typeof result.data !== 'object' || result.data === null) return null;
  const user = (result.data as { user?: { id?: unknown; email?: unknown } }).user;
  return typeof user?.id === 'string' && typeof user.email === 'string'
    ? { id: user.id, email: user.email }
    : null;
}

/**
 * Team mode's access control, around the one dispatcher every transport shares: each call is
 * checked against CHANNEL_ACCESS and the caller's role before its input is even parsed (a
 * refused write stores nothing), and every call that may change something is written to the
 * audit log, refused or not. Calls without a principal get UNAUTHORIZED (not audited: anyone
 * could fill the log), except the public channels.
 */
export function guardDispatcher(inner: Dispatcher, auth: AuthService): Dispatcher {
  return {
    async dispatch(name, input, ctx) {
      const channel = isChannel(name) ? name : null;
      const audited =
        channel !== null && (isAudited(CHANNEL_ACCESS[channel]) || AUDITED_PUBLIC.has(channel));
      const refused = refusal(name, ctx);
      const result: Result<unknown> = refused
        ? { ok: false, error: refused }
        : await inner.dispatch(name, input, ctx);
      if (audited && (ctx.principal || !refused)) {
        const granted = ctx.principal ? null : grantedUser(result);
        await auth.audit({
          userId: ctx.principal?.userId ?? granted?.id ?? null,
          userEmail: ctx.principal?.email ?? granted?.email ?? null,
          via: ctx.principal?.via ?? (granted ? 'session' : 'anonymous'),
          channel: name,
          // A login's input is an email and a password: it names nothing worth keeping.
          target: AUDITED_PUBLIC.has(channel!)
            ? null
            : (idOf(input) ?? (result.ok ? idOf(result.data) : null)),
          ok: result.ok,
          errorCode: result.ok ? null : result.error.code,
          clientAddress: ctx.clientAddress ?? null,
        });
      }
      return result;
    },
  };
}
