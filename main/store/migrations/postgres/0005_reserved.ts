import type { Migration } from '../../migration';

/**
 * Placeholder on branch h/qpulse only: 0005 and 0006 belong to the online-scoring and review
 * branches, merged before pulse (0007). The merge replaces this file with theirs.
 */
export const postgres0005: Migration = { id: 5, name: 'reserved_online', up: '' };
