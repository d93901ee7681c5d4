import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../shared/errors';
import { rpcStatusType } from './otlp-proto-schema';
import { otlpErrorResponse } from './otlp-status';

describe('otlpErrorResponse', () => {
  it('answers an unexpected error as a 500 INTERNAL Status', async () => {
    const res = otlpErrorResponse(new Error('boom'), 'application/json; charset=utf-8');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({
      code: 13,
      message: 'INTERNAL: Internal error: boom',
      details: [],
      error: { code: 'INTERNAL' },
    });
  });

  it('answers JSON when the content type names no OTLP encoding', async () => {
    for (const type of [undefined, 'text/plain', 'application/grpc']) {
      const res = otlpErrorResponse(new AssayError('UNSUPPORTED_MEDIA_TYPE', 'nope'), type);
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toMatchObject({ code: 12, message: 'UNSUPPORTED_MEDIA_TYPE: nope' });
    }
  });

  it('keeps details out of a Status when the error names no field, or is not a 400', async () => {
    const res = otlpErrorResponse(
      new AssayError('PAYLOAD_TOO_LARGE', 'too big', { limit: 1, field: 'body' }),
      'application/protobuf',
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    const decoded = rpcStatusType.decode(Buffer.from(await res.arrayBuffer()));
    expect(rpcStatusType.toObject(decoded, { defaults: true, arrays: true })).toEqual({
      code: 8,
      message: 'PAYLOAD_TOO_LARGE: too big',
      details: [],
    });
  });
});
