import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { createHeadlessCore } from '../app/create-headless-core';
import type { Core } from '../app/create-core';
import { resolveDataDir } from '../app/data-dir';
import { closeProviderConnections } from '../llm/http/provider-fetch';

/** Opens the headless core for one command and closes it afterwards, whatever happens. */
export async function withCore<T>(
  dataDir: string | undefined,
  run: (core: Core) => Promise<T>,
): Promise<T> {
  const core = await createHeadlessCore(resolveDataDir(dataDir));
  try {
    return await run(core);
  } finally {
    await core.close();
    // A CLI command is the whole process: an idle keep-alive socket would hold its exit back.
    await closeProviderConnections();
  }
}

/** Calls a contract channel the way every transport does, throwing the coded error on failure. */
export async function invoke<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
  if (!result.ok)
    throw new AssayError(result.error.code, result.error.message, result.error.details);
  return result.data as ChannelOutput<C>;
}
