import type { Migration } from '../../migration';

/** SQLite's 0019 (see there): a number held for the accounts migration built beside this one. */
export const postgres0013: Migration = {
  id: 13,
  name: 'reserved',
  up: `SELECT 1;`,
};
