import type { ParsedInput } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { pricePerMillionToPicoPerToken } from '../../../shared/money';
import type { CoreServices } from '../core-services';
import { callResultView, priceView } from '../../llm/views';
import type { Handlers } from '../dispatcher';

type LlmChannels =
  | 'llm.call'
  | 'llm.cancel'
  | 'models.list'
  | 'models.testConnection'
  | 'prices.list'
  | 'prices.set'
  | 'prices.delete';

/** Parses a validated price string; the contract's regex guarantees it parses. */
const pico = (text: string): number => pricePerMillionToPicoPerToken(text)!;

export function llmHandlers(services: CoreServices): Pick<Handlers, LlmChannels> {
  const { llm, events } = services;
  const nameOf = (provider: string, model: string): string | null =>
    llm.catalog.models.find((m) => m.provider === provider && m.id === model)?.name ?? null;

  return {
    'llm.call': async (input: ParsedInput<'llm.call'>) => {
      const { streamId, bypassCache, ...request } = input;
      if (!streamId) return callResultView(await llm.call({ request, bypassCache }));
      const result = await llm.callCancellable(streamId, {
        request,
        bypassCache,
        onDelta: (delta) => events.publish('llm.delta', { streamId, delta }),
      });
      return callResultView(result);
    },
    'llm.cancel': ({ streamId }) => ({ cancelled: llm.cancel(streamId) }),
    'models.list': async ({ provider, live }) => {
      const listings = await llm.listModels(provider ? [provider] : undefined, live);
      return {
        providers: listings.map((l) => ({
          provider: l.provider,
          source: l.source,
          error: l.error,
          models: l.models.map(({ info, price }) => ({
            id: info.id,
            name: info.name,
            source: info.source,
            price: price ? priceView(price, nameOf(l.provider, price.model)) : null,
          })),
        })),
      };
    },
    'models.testConnection': async ({ provider }) => ({
      provider,
      ...(await llm.testConnection(provider)),
    }),
    'prices.list': async () => ({
      asOf: llm.catalog.asOf,
      prices: (await llm.priceList()).map(({ name, price }) => priceView(price, name)),
    }),
    'prices.set': async (input) => {
      const price = await llm.setPrice({
        provider: input.provider,
        model: input.model,
        input: pico(input.input),
        output: pico(input.output),
        cacheRead: input.cacheRead == null ? null : pico(input.cacheRead),
        cacheWrite: input.cacheWrite == null ? null : pico(input.cacheWrite),
      });
      return priceView(price, nameOf(input.provider, input.model));
    },
    'prices.delete': async ({ provider, model }) => {
      if (!model.trim())
        throw new AssayError(
          'VALIDATION_FAILED',
          'prices.delete: invalid "model": must not be empty',
        );
      return { deleted: await llm.deletePrice(provider, model) };
    },
  };
}
