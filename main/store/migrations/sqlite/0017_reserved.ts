import type { Migration } from '../../migration';

/**
 * PLACEHOLDER on branch h/board only: id 17 is taken by work merged in parallel (issue 15).
 * It lets 0018 run here; the lead drops this file and its index entry when merging.
 */
export const migration0017: Migration = { id: 17, name: 'reserved', up: 'SELECT 1;' };
