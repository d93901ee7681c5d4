import type { Migration } from '../../migration';

/**
 * Human review (issue 14): queues of interactions people score with a grader's score config.
 *
 * - A queue names the grader whose score config reviewers use, and how it was last filled
 *   (`hand`, `filter`, `rule`) with that filter or score rule as JSON, so a reader sees why an
 *   interaction is in it.
 * - An item is one interaction for one reviewer. An unassigned item (`assignee` NULL) is open
 *   to whoever reviews first; several reviewers on one interaction are several items, which is
 *   what agreement compares. (queue, target, assignee) is unique, and a second index makes an
 *   interaction unassigned at most once per queue (NULLs never collide in a UNIQUE).
 * - `target_id` has no foreign key: interactions belong to tracing and retention may purge
 *   them; the item stays and says so. `score_id` points at the human score the item produced,
 *   and a completed item always has one (CHECK).
 * - `state` carries no CHECK, as in 0010: the contract's enum is the gate.
 * - Reading a reviewer's next item walks (queue, assignee, state, position).
 */
export const migration0012: Migration = {
  id: 12,
  name: 'review',
  up: `
    CREATE TABLE review_queue (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      grader_id TEXT NOT NULL REFERENCES grader (id) ON DELETE RESTRICT,
      filled_by TEXT,
      rule_json TEXT,
      instructions TEXT NOT NULL DEFAULT '',
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX review_queue_live_name ON review_queue (name) WHERE archived = 0;
    CREATE INDEX review_queue_created ON review_queue (created_at);

    CREATE TABLE review_item (
      id TEXT PRIMARY KEY NOT NULL,
      queue_id TEXT NOT NULL REFERENCES review_queue (id) ON DELETE CASCADE,
      target_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      assignee TEXT,
      state TEXT NOT NULL DEFAULT 'pending',
      completed_at TEXT,
      score_id TEXT REFERENCES score (id) ON DELETE RESTRICT,
      UNIQUE (queue_id, target_id, assignee),
      CHECK (state <> 'completed' OR score_id IS NOT NULL)
    ) STRICT;
    CREATE UNIQUE INDEX review_item_open_once ON review_item (queue_id, target_id)
      WHERE assignee IS NULL;
    CREATE INDEX review_item_queue ON review_item (queue_id, assignee, state, position);
  `,
};
