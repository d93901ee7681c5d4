import Table from 'cli-table3';
import type { ProviderId } from '../../../shared/contract';
import { invoke, withCore } from '../with-core';

export interface ModelsOptions {
  readonly provider?: string;
  readonly json?: boolean;
  readonly live: boolean;
  readonly dataDir?: string;
}

const usd = (price: string | null | undefined): string => (price == null ? '-' : `$${price}`);

/** `assay models`: models per provider with prices (USD per 1M tokens); unpriced ones say so. */
export async function modelsCommand(options: ModelsOptions): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const { providers } = await invoke(core, 'models.list', {
      // Checked by the contract: an unknown provider is a coded VALIDATION_FAILED naming it.
      provider: options.provider as ProviderId | undefined,
      live: options.live,
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ providers }, null, 2)}\n`);
      return;
    }
    const table = new Table({
      head: ['provider', 'model', 'input', 'output', 'cache read', 'cache write', 'listed'],
      style: { head: [], border: [] },
    });
    for (const listing of providers) {
      for (const m of listing.models) {
        const p = m.price;
        table.push([
          listing.provider,
          m.id,
          p ? usd(p.input) : 'unpriced',
          usd(p?.output),
          usd(p?.cacheRead),
          usd(p?.cacheWrite),
          m.source + (p?.source === 'override' ? ' (price override)' : ''),
        ]);
      }
    }
    process.stdout.write(`${table.toString()}\nPrices in USD per 1M tokens.\n`);
    for (const listing of providers) {
      if (listing.error)
        process.stderr.write(
          `${listing.provider}: live listing failed (${listing.error}); showing the catalog.\n`,
        );
    }
  });
}
