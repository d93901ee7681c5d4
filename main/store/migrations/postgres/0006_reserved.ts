import type { Migration } from '../../migration';

/** Placeholder on branch h/qpulse only (see 0005_reserved.ts): the review branch's 0006. */
export const postgres0006: Migration = { id: 6, name: 'reserved_review', up: '' };
