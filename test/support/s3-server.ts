import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import type { S3Options } from '../../main/team/team-options';
import { tempDirKept } from './temp-dir-kept';

/** The access key and secret s3rver accepts (it checks signatures against these). */
const KEY = 'S3RVER';

export interface S3TestServer {
  /** Options for a bucket that does not exist yet (the store creates it). */
  options(bucket?: string): S3Options;
  /** Every request seen, as `METHOD /path` (query strings dropped). */
  readonly requests: string[];
  /** The folder s3rver keeps objects in (tests corrupt objects there). */
  readonly directory: string;
  close(): Promise<void>;
}

/**
 * s3rver standing in for MinIO on 127.0.0.1 at a free port, behind a thin HTTP server of
 * ours that records each request (so a test can count the uploads a put made).
 */
export async function startS3Server(): Promise<S3TestServer> {
  const directory = tempDirKept('assay-s3-');
  const s3 = new S3rver({ silent: true, directory });
  const handle = s3.callback();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let buckets = 0;
  return {
    options: (bucket) => ({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: bucket ?? `assay-${process.pid}-${++buckets}`,
      region: 'us-east-1',
      accessKeyId: KEY,
      secretAccessKey: KEY,
    }),
    requests,
    directory,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          fs.rmSync(directory, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
