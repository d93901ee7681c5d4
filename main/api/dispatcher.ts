import {
  channels,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ParsedInput,
} from '../../shared/contract';
import { z } from 'zod';
import type { Role } from '../../shared/contract/auth';
import {
  AssayError,
  toErrorPayload,
  validationError,
  type ErrorPayload,
  type Result,
} from '../../shared/errors';
import { firstIssue, issueLines, oneLine, unexpectedMessage } from './internal-error';
import { formatDeepPath, TOO_DEEP, valueTooDeep } from '../kit/nesting-depth';

export type TransportName = 'ipc' | 'http' | 'cli';

/** Who a team server call is from (main/auth); absent in local mode (desktop, plain serve, CLI). */
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  /** How the caller proved it: an HttpOnly session cookie or a personal API token. */
  readonly via: 'session' | 'token';
  /** The session's or token's id (logout ends this session; never the secret itself). */
  readonly credentialId: string;
}

export interface CallContext {
  readonly transport: TransportName;
  readonly principal?: Principal;
  /** The caller's network address (HTTP), for login rate limits and the audit log. */
  readonly clientAddress?: string;
}

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };

export interface Dispatcher {
  /** Parses `input` with the channel's schema, runs the handler, and never throws. */
  dispatch(channel: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

/** The one dispatcher every transport shares: parsing, errors and output shaping live here. */
export function createDispatcher(handlers: Handlers): Dispatcher {
  return {
    async dispatch(name, input, ctx) {
      if (!isChannel(name)) {
        return {
          ok: false,
          error: new AssayError('UNKNOWN_CHANNEL', `Unknown channel "${name}"`).toPayload(),
        };
      }
      const def = channels[name];
      // Checked before the schema, whose z.json() recurses: any transport's input, at any depth,
      // gets a coded answer (HTTP bodies are checked earlier, on their text).
      const deep = valueTooDeep(input);
      if (deep) {
        const path = formatDeepPath(deep, true);
        return {
          ok: false,
          error: new AssayError('VALIDATION_FAILED', `${name}: invalid "${path}": ${TOO_DEEP}`, {
            issues: [{ path, message: TOO_DEEP }],
          }).toPayload(),
        };
      }
      try {
        const parsed = def.input.safeParse(input);
        if (!parsed.success) {
          return { ok: false, error: validationError(name, parsed.error.issues).toPayload() };
        }
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        const output = await handler(parsed.data, ctx);
        // Parsing the output strips anything the contract does not declare, so a handler can
        // never leak an internal field (a secret, a file path) by returning too much.
        const checked = def.output.safeParse(output);
        if (checked.success) return { ok: true, data: checked.data };
        return { ok: false, error: internalError(name, 'answered', checked.error) };
      } catch (err) {
        return { ok: false, error: internalError(name, 'failed', err) };
      }
    },
  };
}

/**
 * A failure of Assay itself, as callers see it: coded errors pass through; anything else is
 * INTERNAL with one line a person can read (a validation error names its first field, other
 * errors keep their first line), never a zod dump, a JSON body or a stack trace. The whole
 * error is logged once, here, for whoever investigates.
 */
function internalError(channel: string, what: 'answered' | 'failed', err: unknown): ErrorPayload {
  const payload = toErrorPayload(err);
  if (payload.code !== 'INTERNAL') return payload;
  if (!(err instanceof z.ZodError)) {
    console.error(`[api] ${channel} failed:`, err);
    return { code: 'INTERNAL', message: unexpectedMessage(err) };
  }
  console.error(
    `[api] ${channel} ${what} with data that breaks the contract:`,
    issueLines(err),
    err,
  );
  const happened =
    what === 'answered'
      ? `${channel} produced an answer that does not fit the contract`
      : `${channel} failed on data that does not fit the contract`;
  return {
    code: 'INTERNAL',
    message: oneLine(
      `Internal error: ${happened}, at ${firstIssue(err)}; this is a bug in Assay, and the details are in its log`,
    ),
  };
}
