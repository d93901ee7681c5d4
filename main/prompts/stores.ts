import type { Database } from 'better-sqlite3';
import { LabelStore } from './label-store';
import { PromptStore } from './prompt-store';

/** The registry's SQL, passed to the domain functions as one value. */
export interface Stores {
  readonly prompts: PromptStore;
  readonly labels: LabelStore;
}

export function createStores(db: Database): Stores {
  return { prompts: new PromptStore(db), labels: new LabelStore(db) };
}
