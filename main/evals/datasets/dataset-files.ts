import type { Kysely } from 'kysely';
import type { DatasetFile } from '../../../shared/contract';
import type { BlobRef, BlobStore } from '../../blobs/blob-store';
import { newId } from '../../kit/ids';
import type { DB } from '../../store/schema';

/** A file kept as a blob: its reference and size. */
export interface KeptFile {
  readonly ref: BlobRef;
  readonly bytes: number;
}

/**
 * Keeps a dataset's files (the one imported, each export) in object storage on the team server:
 * the bytes go to the blob store by sha256 first (the same file twice is stored once), then a
 * row names them, so a row never points to a missing object. Local mode has no keeper.
 */
export class DatasetFiles {
  constructor(private readonly blobs: BlobStore) {}

  async keep(content: string): Promise<KeptFile> {
    const bytes = Buffer.from(content, 'utf8');
    return { ref: await this.blobs.put(bytes), bytes: bytes.byteLength };
  }
}

export interface DatasetFileRow {
  readonly datasetId: string;
  readonly kind: 'import' | 'export';
  readonly file: KeptFile;
  readonly fileName: string | null;
  readonly format: string;
}

export async function recordDatasetFile(db: Kysely<DB>, row: DatasetFileRow): Promise<void> {
  await db
    .insertInto('dataset_file')
    .values({
      id: newId(),
      dataset_id: row.datasetId,
      kind: row.kind,
      blob_ref: row.file.ref,
      file_name: row.fileName,
      format: row.format,
      bytes: row.file.bytes,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** A dataset's kept files, newest first (ids are UUIDv7: they break ties of one millisecond). */
export async function datasetFiles(db: Kysely<DB>, datasetId: string): Promise<DatasetFile[]> {
  const rows = await db
    .selectFrom('dataset_file')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    kind: r.kind === 'export' ? 'export' : 'import',
    ref: r.blob_ref,
    fileName: r.file_name,
    format: r.format,
    bytes: r.bytes,
    createdAt: r.created_at,
  }));
}
