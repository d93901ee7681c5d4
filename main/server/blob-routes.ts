import type { Hono } from 'hono';
import { toErrorPayload } from '../../shared/errors';
import { parseBlobRef, type BlobStore } from '../blobs/blob-store';
import { errorResponse } from './request-guards';

/**
 * `GET /api/blobs/<sha256>`: a blob's bytes (a dataset's original file, an export) from the team
 * server's object storage, behind the same guards as the API. The bytes are checked against the
 * hash before the first byte is sent, so a corrupt object is a coded error, never a download of
 * other bytes. A blob never changes, so clients may keep it for good.
 */
export function mountBlobRoutes(app: Hono, blobs: BlobStore | undefined): void {
  app.get('/api/blobs/:ref', async (c) => {
    if (!blobs)
      return errorResponse(
        'NOT_FOUND',
        'this server keeps no blobs: object storage is set with --s3 (or ASSAY_S3_ENDPOINT)',
      );
    try {
      const ref = parseBlobRef(c.req.param('ref'), 'ref');
      const bytes = await blobs.get(ref);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/octet-stream',
        'cache-control': 'private, max-age=31536000, immutable',
        etag: `"${ref.slice('sha256:'.length)}"`,
      });
    } catch (err) {
      const payload = toErrorPayload(err);
      return errorResponse(payload.code, payload.message, payload.details);
    }
  });
}
