import type { Channel } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { AuthService } from '../../auth/auth-service';
import type { CoreServices } from '../core-services';
import type { CallContext, Handlers, Principal } from '../dispatcher';

type AuthChannels = Extract<Channel, `auth.${string}`>;

function teamOnly(services: CoreServices): AuthService {
  if (!services.auth)
    throw new AssayError(
      'CONFLICT',
      'Accounts exist on a team server only: this Assay runs locally and needs no login',
    );
  return services.auth;
}

/** The caller; the guarded dispatcher lets no unauthenticated call through to these. */
function caller(ctx: CallContext): Principal {
  if (!ctx.principal) throw new AssayError('UNAUTHORIZED', 'Log in first');
  return ctx.principal;
}

export function authHandlers(services: CoreServices): Pick<Handlers, AuthChannels> {
  return {
    'auth.status': (_input, ctx) =>
      services.auth
        ? services.auth.status(ctx.principal)
        : { mode: 'local', setupRequired: false, user: null },
    'auth.setup': (input, ctx) => teamOnly(services).setup(input, ctx.clientAddress),
    'auth.login': (input, ctx) => teamOnly(services).login(input, ctx.clientAddress),
    'auth.logout': async (_input, ctx) => {
      await teamOnly(services).logout(caller(ctx));
      return { ok: true as const };
    },
    'auth.password.change': async (input, ctx) => {
      await teamOnly(services).changePassword(caller(ctx), input.current, input.next);
      return { ok: true as const };
    },
    'auth.tokens.create': (input, ctx) => teamOnly(services).tokens.create(caller(ctx), input),
    'auth.tokens.list': (_input, ctx) => teamOnly(services).tokens.list(caller(ctx)),
    'auth.tokens.revoke': async (input, ctx) => ({
      revoked: await teamOnly(services).tokens.revoke(caller(ctx), input.id),
    }),
    'auth.users.list': () => teamOnly(services).accounts.list(),
    'auth.users.create': (input) => teamOnly(services).accounts.create(input),
    'auth.users.update': (input, ctx) => teamOnly(services).accounts.update(caller(ctx), input),
    'auth.audit.list': (input) =>
      teamOnly(services).auditPage(input.offset ?? 0, input.limit ?? 100),
  };
}
