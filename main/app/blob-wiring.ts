import type { BlobStore } from '../blobs/blob-store';
import { S3BlobStore } from '../blobs/s3-blob-store';
import { SpanPayloadBlobs } from '../tracing/span-payload-blobs';
import type { TeamOptions } from '../team/team-options';

export interface CoreBlobs {
  readonly store: BlobStore;
  readonly spanPayloads: SpanPayloadBlobs;
}

/**
 * The blob store of a team server with S3, and the span payloads kept in it; undefined in local
 * mode and on a team server without S3, where everything stays in the database.
 */
export async function openBlobs(team: TeamOptions | undefined): Promise<CoreBlobs | undefined> {
  if (!team?.s3) return undefined;
  const store = await S3BlobStore.open(team.s3);
  return { store, spanPayloads: new SpanPayloadBlobs(store, team.blobThresholdBytes) };
}
