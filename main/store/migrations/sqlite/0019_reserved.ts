import type { Migration } from '../../migration';

/**
 * Holds number 19 for the team server's accounts migration (issue 16, built beside this one),
 * so the blob steps can take 20 as agreed. Replaced by that migration when the branches merge.
 */
export const migration0019: Migration = {
  id: 19,
  name: 'reserved',
  up: `SELECT 1;`,
};
