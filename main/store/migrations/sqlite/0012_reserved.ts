import type { Migration } from '../../migration';

/** Placeholder on branch h/qpulse only (see 0011_reserved.ts): the review branch's 0012. */
export const migration0012: Migration = { id: 12, name: 'reserved_review', up: '' };
