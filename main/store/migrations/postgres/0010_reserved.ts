import type { Migration } from '../../migration';

/**
 * PLACEHOLDER on branch h/board only: id 10 is taken by work merged in parallel (issue 15).
 * It lets 0012 run here; the lead drops this file and its index entry when merging.
 */
export const postgres0010: Migration = { id: 10, name: 'reserved', up: 'SELECT 1;' };
