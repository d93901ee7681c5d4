import type { Migration } from '../../migration';

/**
 * PLACEHOLDER on branch h/board only: id 16 is taken by work merged in parallel (issue 15).
 * It lets 0018 run here; the lead drops this file and its index entry when merging.
 */
export const migration0016: Migration = { id: 16, name: 'reserved', up: 'SELECT 1;' };
