import type { Migration } from '../../migration';

/**
 * The files a dataset was imported from and exported to on the team server, kept as blobs in
 * object storage by sha256 (main/blobs): the row names the blob, written before the row, so
 * the original file can be fetched again. Local mode records none.
 */
export const migration0020: Migration = {
  id: 20,
  name: 'dataset_files',
  up: `
    CREATE TABLE dataset_file (
      id TEXT PRIMARY KEY NOT NULL,
      dataset_id TEXT NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('import', 'export')),
      blob_ref TEXT NOT NULL,
      file_name TEXT,
      format TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX dataset_file_by_dataset ON dataset_file (dataset_id, created_at);
  `,
};
