import type { Core } from '../../main/app/create-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';

/** Calls a channel through a core's dispatcher, as every transport does; throws the coded error. */
export async function coreCall<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}
