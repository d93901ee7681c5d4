import type { Migration } from '../../migration';

/** SQLite's 0020 (see there): a dataset's imported and exported files, as blob references. */
export const postgres0014: Migration = {
  id: 14,
  name: 'dataset_files',
  up: `
    CREATE TABLE dataset_file (
      id TEXT PRIMARY KEY,
      dataset_id TEXT NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('import', 'export')),
      blob_ref TEXT NOT NULL,
      file_name TEXT,
      format TEXT NOT NULL,
      bytes BIGINT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX dataset_file_by_dataset ON dataset_file (dataset_id, created_at);
  `,
};
