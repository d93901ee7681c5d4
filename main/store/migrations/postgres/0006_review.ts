import type { Migration } from '../../migration';

/** SQLite's 0012 (see there): review queues and their items, one per interaction and reviewer. */
export const postgres0006: Migration = {
  id: 6,
  name: 'review',
  up: `
    CREATE TABLE review_queue (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      grader_id TEXT NOT NULL REFERENCES grader (id) ON DELETE RESTRICT,
      filled_by TEXT,
      rule_json JSON,
      instructions TEXT NOT NULL DEFAULT '',
      archived SMALLINT NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX review_queue_live_name ON review_queue (name) WHERE archived = 0;
    CREATE INDEX review_queue_created ON review_queue (created_at);

    CREATE TABLE review_item (
      id TEXT PRIMARY KEY,
      queue_id TEXT NOT NULL REFERENCES review_queue (id) ON DELETE CASCADE,
      target_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      assignee TEXT,
      state TEXT NOT NULL DEFAULT 'pending',
      completed_at TEXT,
      score_id TEXT REFERENCES score (id) ON DELETE RESTRICT,
      UNIQUE (queue_id, target_id, assignee),
      CHECK (state <> 'completed' OR score_id IS NOT NULL)
    );
    CREATE UNIQUE INDEX review_item_open_once ON review_item (queue_id, target_id)
      WHERE assignee IS NULL;
    CREATE INDEX review_item_queue ON review_item (queue_id, assignee, state, position);
  `,
};
