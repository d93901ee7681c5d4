import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { DEFAULT_BLOB_THRESHOLD_BYTES, teamOptionsFrom } from './team-options';

const PG = 'postgres://postgres@127.0.0.1:5432/assay';

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AssayError);
    return { code: (err as AssayError).code, message: (err as AssayError).message };
  }
  throw new Error('expected a refusal');
}

describe('teamOptionsFrom', () => {
  it('is local mode (undefined) without a Redis URL', () => {
    expect(teamOptionsFrom({}, {}, PG)).toBeUndefined();
    expect(teamOptionsFrom({}, {}, undefined)).toBeUndefined();
  });

  it('reads the environment, flags first', () => {
    const team = teamOptionsFrom(
      { redis: 'redis://flag:6379' },
      {
        ASSAY_REDIS_URL: 'redis://env:6379',
        ASSAY_REDIS_PREFIX: 'stack_2',
        ASSAY_S3_ENDPOINT: 'http://minio:9000/',
        ASSAY_S3_BUCKET: 'assay',
        ASSAY_S3_ACCESS_KEY_ID: 'key',
        ASSAY_S3_SECRET_ACCESS_KEY: 'secret',
        ASSAY_PUBLIC_URL: 'https://assay.example.com/some/path',
        ASSAY_BLOB_THRESHOLD_BYTES: '4096',
      },
      PG,
    );
    expect(team).toEqual({
      redisUrl: 'redis://flag:6379',
      redisPrefix: 'stack_2',
      s3: {
        endpoint: 'http://minio:9000',
        bucket: 'assay',
        region: 'us-east-1',
        accessKeyId: 'key',
        secretAccessKey: 'secret',
      },
      blobThresholdBytes: 4096,
      publicUrl: 'https://assay.example.com',
    });
  });

  it('parses --s3 with credentials, bucket and region, percent-decoding the secret', () => {
    const team = teamOptionsFrom(
      {
        redis: 'redis://127.0.0.1:6379',
        s3: 'http://AK:s%2Fe%40cret@127.0.0.1:9000/blobs?region=eu-west-1',
      },
      {},
      PG,
    );
    expect(team?.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'blobs',
      region: 'eu-west-1',
      accessKeyId: 'AK',
      secretAccessKey: 's/e@cret',
    });
    expect(team?.blobThresholdBytes).toBe(DEFAULT_BLOB_THRESHOLD_BYTES);
    expect(team?.redisPrefix).toBe('assay');
  });

  it('refuses each bad setting with CONFIG_INVALID naming it, never echoing a secret', () => {
    const redis = 'redis://127.0.0.1:6379';
    const cases: [Parameters<typeof teamOptionsFrom>, string][] = [
      [[{ redis }, {}, undefined], '--redis'],
      [[{}, { ASSAY_REDIS_URL: redis }, undefined], 'ASSAY_REDIS_URL'],
      [[{ redis: 'http://x' }, {}, PG], '--redis'],
      [[{ redis: 'not a url' }, {}, PG], '--redis'],
      [[{ s3: 'http://k:s@h/b' }, {}, PG], '--s3'],
      [[{}, { ASSAY_S3_ENDPOINT: 'http://h' }, PG], 'ASSAY_S3_ENDPOINT'],
      [[{ redis, s3: 'http://k:TOPSECRET@h:9000/' }, {}, PG], '--s3'],
      [[{ redis, s3: 'http://h:9000/b' }, {}, PG], '--s3'],
      [[{ redis, s3: 'ftp://k:s@h/b' }, {}, PG], '--s3'],
      [
        [{ redis }, { ASSAY_S3_ENDPOINT: 'http://h', ASSAY_S3_BUCKET: 'b' }, PG],
        'ASSAY_S3_ACCESS_KEY_ID',
      ],
      [[{ redis }, { ASSAY_BLOB_THRESHOLD_BYTES: '12' }, PG], 'ASSAY_BLOB_THRESHOLD_BYTES'],
      [[{ redis }, { ASSAY_BLOB_THRESHOLD_BYTES: '1e9.5' }, PG], 'ASSAY_BLOB_THRESHOLD_BYTES'],
      [[{ redis }, { ASSAY_REDIS_PREFIX: 'a:b' }, PG], 'ASSAY_REDIS_PREFIX'],
      [[{ redis }, { ASSAY_PUBLIC_URL: 'assay.example.com' }, PG], 'ASSAY_PUBLIC_URL'],
      [[{ redis, publicUrl: 'javascript:alert(1)' }, {}, PG], '--public-url'],
    ];
    for (const [args, name] of cases) {
      const { code, message } = refusal(() => teamOptionsFrom(...args));
      expect(code, name).toBe('CONFIG_INVALID');
      expect(message.startsWith(`${name}:`), message).toBe(true);
      expect(message).not.toContain('TOPSECRET');
    }
  });

  it('never throws anything but a coded error, whatever the strings', () => {
    fc.assert(
      fc.property(
        fc.record({
          redis: fc.option(fc.string(), { nil: undefined }),
          s3: fc.option(fc.string(), { nil: undefined }),
        }),
        fc.dictionary(
          fc.constantFrom(
            'ASSAY_REDIS_URL',
            'ASSAY_REDIS_PREFIX',
            'ASSAY_S3_ENDPOINT',
            'ASSAY_BLOB_THRESHOLD_BYTES',
            'ASSAY_PUBLIC_URL',
          ),
          fc.string(),
        ),
        (flags, env) => {
          try {
            teamOptionsFrom(flags, env, PG);
          } catch (err) {
            expect(err).toBeInstanceOf(AssayError);
          }
        },
      ),
    );
  });
});
