import { SECRET_ENV } from '../secrets/secret-names';

/**
 * Every environment variable `assay serve` and `assay worker` read, with what it does. The one
 * list: the CLI reads through it, `docker/.env.example` and the compose file are checked against
 * it (test/integration/compose-file.test.ts), and docker/README.md documents it.
 */
export const SERVER_ENV = {
  ASSAY_HOME: 'Data directory (settings, the secrets key file, SQLite when no database URL).',
  ASSAY_HOST: 'Address `assay serve` binds (default 127.0.0.1; 0.0.0.0 in the container).',
  ASSAY_PORT: 'Port `assay serve` listens on (default 7717).',
  ASSAY_TOKEN: 'Local mode only: the one shared secret every request must carry.',
  ASSAY_DATABASE_URL: 'PostgreSQL URL (postgres://user:password@host:5432/db).',
  ASSAY_REDIS_URL: 'Redis URL: team mode (accounts, shared events and limits, job queues).',
  ASSAY_REDIS_PREFIX:
    'Prefix of Redis keys, channels and queues (default assay): stacks sharing a Redis.',
  ASSAY_S3_ENDPOINT:
    'S3 endpoint for blobs (MinIO: http://minio:9000); unset keeps blobs in the database.',
  ASSAY_S3_BUCKET: 'S3 bucket for blobs.',
  ASSAY_S3_REGION: 'S3 region (MinIO accepts any; default us-east-1).',
  ASSAY_S3_ACCESS_KEY_ID: 'S3 access key id.',
  ASSAY_S3_SECRET_ACCESS_KEY: 'S3 secret access key.',
  ASSAY_BLOB_THRESHOLD_BYTES: 'Span payloads larger than this go to S3 (default 65536).',
  ASSAY_PUBLIC_URL:
    'The URL users open (https://assay.example.com): origin checks and cookies behind the proxy.',
  ASSAY_WORKER_CONCURRENCY: 'Jobs one `assay worker` runs at once (default 20).',
  ASSAY_METRICS_PORT: 'Port of a worker’s /metrics for Prometheus (default 9464).',
  ...Object.fromEntries(
    Object.values(SECRET_ENV).map((name) => [
      name,
      'Provider credential (never stored in plaintext).',
    ]),
  ),
} as const satisfies Record<string, string>;

export type ServerEnvName = keyof typeof SERVER_ENV;

export const SERVER_ENV_NAMES = Object.keys(SERVER_ENV) as ServerEnvName[];
