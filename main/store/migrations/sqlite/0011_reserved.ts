import type { Migration } from '../../migration';

/**
 * Placeholder on branch h/qpulse only: 0011 and 0012 belong to the online-scoring and review
 * branches, merged before pulse (0013). The merge replaces this file with theirs; it creates
 * nothing, so the ids run 1, 2, 3… as assertMigrationSequence requires.
 */
export const migration0011: Migration = { id: 11, name: 'reserved_online', up: '' };
