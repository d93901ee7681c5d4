import {
  channels,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ParsedInput,
} from '../../shared/contract';
import { AssayError, toErrorPayload, validationError, type Result } from '../../shared/errors';

export type TransportName = 'ipc' | 'http' | 'cli';

export interface CallContext {
  readonly transport: TransportName;
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
      const parsed = def.input.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: validationError(name, parsed.error.issues).toPayload() };
      }
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        const output = await handler(parsed.data, ctx);
        // Parsing the output strips anything the contract does not declare, so a handler can
        // never leak an internal field (a secret, a file path) by returning too much.
        return { ok: true, data: def.output.parse(output) };
      } catch (err) {
        const payload = toErrorPayload(err);
        if (payload.code === 'INTERNAL') console.error(`[api] ${name} failed:`, err);
        return { ok: false, error: payload };
      }
    },
  };
}
