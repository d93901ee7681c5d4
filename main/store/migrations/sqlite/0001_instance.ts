import type { Migration } from '../../migration';

/**
 * The instance row identifies this data directory. Sync (later) uses it as the replica id,
 * so it is created once and never changes.
 */
export const migration0001: Migration = {
  id: 1,
  name: 'instance',
  up: `
    CREATE TABLE instance (
      id TEXT PRIMARY KEY NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
