import type { Migration } from '../../migration';

/**
 * PLACEHOLDER on branch h/board only: id 11 is taken by work merged in parallel (issue 15).
 * It lets 0012 run here; the lead drops this file and its index entry when merging.
 */
export const postgres0011: Migration = { id: 11, name: 'reserved', up: 'SELECT 1;' };
