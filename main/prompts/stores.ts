import type { Kysely } from 'kysely';
import type { DB } from '../store/schema';
import type { Dialect } from '../store/store';
import { LabelRepository } from './label-repository';
import { PromptRepository } from './prompt-repository';

/**
 * The registry's repositories, bound to the database or to one transaction, passed to the
 * domain functions as one value.
 */
export interface Stores {
  readonly prompts: PromptRepository;
  readonly labels: LabelRepository;
  /**
   * Runs `work` in one transaction with repositories bound to it. Inside a transaction this
   * joins it: the domain functions nest (createPrompt moves labels) and must never reach the
   * outer connection, which on SQLite the transaction holds.
   */
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}

export function createStores(db: Kysely<DB>, dialect: Dialect): Stores {
  const stores: Stores = {
    prompts: new PromptRepository(db, dialect),
    labels: new LabelRepository(db),
    transaction: (work) =>
      db.isTransaction
        ? work(stores)
        : db.transaction().execute((trx) => work(createStores(trx, dialect))),
  };
  return stores;
}
