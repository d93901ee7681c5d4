import { z } from 'zod';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { pricePerMillionToPicoPerToken, type PicoUsd } from '../../../shared/money';
import catalogJson from '../../../resources/model-catalog.json' with { type: 'json' };

const price = z.string().refine((s) => pricePerMillionToPicoPerToken(s) !== null, 'not a price');

const catalogSchema = z.object({
  asOf: z.string(),
  models: z.array(
    z.object({
      provider: z.enum(PROVIDER_IDS),
      id: z.string().min(1),
      name: z.string().min(1),
      input: price,
      output: price,
      cacheRead: price.nullable(),
      cacheWrite: price.nullable(),
      aliases: z.array(z.string()).optional(),
      kind: z.enum(['chat', 'embedding']).optional(),
    }),
  ),
});

/** A model's prices in pico-dollars per token. Null cache prices bill at the input rate. */
export interface ModelPrice {
  readonly provider: ProviderId;
  readonly model: string;
  readonly input: PicoUsd;
  readonly output: PicoUsd;
  readonly cacheRead: PicoUsd | null;
  readonly cacheWrite: PicoUsd | null;
  readonly source: 'catalog' | 'override';
}

export interface CatalogModel {
  readonly provider: ProviderId;
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: 'chat' | 'embedding';
  readonly price: ModelPrice;
}

export interface Catalog {
  readonly asOf: string;
  readonly models: readonly CatalogModel[];
}

const toPico = (text: string): PicoUsd => pricePerMillionToPicoPerToken(text)!;

/** Parses and checks a catalog; resources/model-catalog.json is checked by a test. */
export function parseCatalog(raw: unknown): Catalog {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AssayError(
      'CONFIG_INVALID',
      `model catalog: ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  return {
    asOf: parsed.data.asOf,
    models: parsed.data.models.map((m) => ({
      provider: m.provider,
      id: m.id,
      name: m.name,
      aliases: m.aliases ?? [],
      kind: m.kind ?? 'chat',
      price: {
        provider: m.provider,
        model: m.id,
        input: toPico(m.input),
        output: toPico(m.output),
        cacheRead: m.cacheRead === null ? null : toPico(m.cacheRead),
        cacheWrite: m.cacheWrite === null ? null : toPico(m.cacheWrite),
        source: 'catalog',
      },
    })),
  };
}

let bundled: Catalog | undefined;

/** The catalog shipped in resources/, parsed once. */
export function bundledCatalog(): Catalog {
  return (bundled ??= parseCatalog(catalogJson));
}
