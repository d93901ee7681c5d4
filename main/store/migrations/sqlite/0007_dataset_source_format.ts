import type { Migration } from '../../migration';

/**
 * The file shape a dataset was first imported from (`yaml`, `csv`, `jsonl`, `promptfoo`,
 * `assay-py`), so an export writes a Python-era file back in its own shape without a flag.
 * NULL for datasets made in Assay, and for every dataset of an older release, whose origin was
 * not recorded (they export as YAML, as before). No CHECK on the values: SQLite cannot change a
 * CHECK without rebuilding the table, and a format added later must not need that; the
 * contract's format enum is the gate.
 */
export const migration0007: Migration = {
  id: 7,
  name: 'dataset_source_format',
  up: `ALTER TABLE dataset ADD COLUMN source_format TEXT;`,
};
